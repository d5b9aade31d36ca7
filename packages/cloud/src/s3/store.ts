import { migrate, type Database } from '../store/database.js';
import { createHash, randomUUID } from 'node:crypto';
import { concatInto, createBlobStore, writeAll, type BlobStore, type BlobWriter, type WrittenBlob } from './blobs.js';
import type { StorageBucketConfig } from './config.js';

/** An object's metadata row (the bytes are a blob on disk). */
export interface StoredObject {
  bucket: string;
  key: string;
  size: number;
  /** Quoted, as S3 sends it: `"<md5 hex>"` or `"<md5 of part md5s>-<parts>"`. */
  etag: string;
  modified: Date;
  blob: string;
  contentType?: string;
  /** Stored representation headers: content-disposition, content-encoding, cache-control, content-language, expires. */
  headers: Record<string, string>;
  /** `x-amz-meta-*` without the prefix, names lower-cased. */
  metadata: Record<string, string>;
}

export type ObjectAttributes = Pick<StoredObject, 'contentType' | 'headers' | 'metadata'>;

export interface StoredBucket {
  name: string;
  region: string;
  created: Date;
}

export interface StoredUpload extends ObjectAttributes {
  uploadId: string;
  bucket: string;
  key: string;
  created: Date;
}

export interface StoredPart {
  partNumber: number;
  size: number;
  etag: string;
  blob: string;
  modified: Date;
}

export interface ListedKey {
  key: string;
  size: number;
  etag: string;
  modified: Date;
}

const MIGRATIONS = [
  `CREATE TABLE s3_buckets (name TEXT PRIMARY KEY, region TEXT NOT NULL, created_ms INTEGER NOT NULL);
   CREATE TABLE s3_objects (bucket TEXT NOT NULL, key TEXT NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL,
     modified_ms INTEGER NOT NULL, blob TEXT NOT NULL, content_type TEXT, headers TEXT NOT NULL, metadata TEXT NOT NULL,
     PRIMARY KEY (bucket, key)) WITHOUT ROWID;
   CREATE TABLE s3_uploads (upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL, key TEXT NOT NULL, created_ms INTEGER NOT NULL,
     content_type TEXT, headers TEXT NOT NULL, metadata TEXT NOT NULL);
   CREATE INDEX s3_uploads_by_key ON s3_uploads (bucket, key);
   CREATE TABLE s3_parts (upload_id TEXT NOT NULL REFERENCES s3_uploads (upload_id) ON DELETE CASCADE, part_number INTEGER NOT NULL,
     size INTEGER NOT NULL, etag TEXT NOT NULL, blob TEXT NOT NULL, modified_ms INTEGER NOT NULL,
     PRIMARY KEY (upload_id, part_number)) WITHOUT ROWID;
   CREATE TABLE s3_storage (bucket TEXT PRIMARY KEY, config TEXT NOT NULL);`,
  // Small bodies live in the database: one atomic commit, no file, no fsync per object.
  `CREATE TABLE s3_bodies (id TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;`,
];

/** Bodies up to this size are stored in the database instead of a file. */
export const INLINE_MAX = 64 * 1024;
const INLINE = 'db:';

interface ObjectRow {
  bucket: string;
  key: string;
  size: number;
  etag: string;
  modified_ms: number;
  blob: string;
  content_type: string | null;
  headers: string;
  metadata: string;
}

const toObject = (r: ObjectRow): StoredObject => ({
  bucket: r.bucket,
  key: r.key,
  size: r.size,
  etag: r.etag,
  modified: new Date(r.modified_ms),
  blob: r.blob,
  contentType: r.content_type ?? undefined,
  headers: JSON.parse(r.headers) as Record<string, string>,
  metadata: JSON.parse(r.metadata) as Record<string, string>,
});

/**
 * S3 state: buckets, object metadata, multipart uploads and the `defineStorage` rules in the sandbox
 * database, bodies in a {@link BlobStore}. A body is written (fsynced, renamed) before its row is
 * committed, and a replaced body is unlinked only after the commit.
 */
export type ObjectStore = ReturnType<typeof createObjectStore>;

export function createObjectStore(db: Database, objectsDir: string) {
  migrate(db, 's3', MIGRATIONS);
  const files: BlobStore = createBlobStore(objectsDir);
  const body = {
    put: db.prepare('INSERT INTO s3_bodies (id, data) VALUES (?, ?)'),
    get: db.prepare('SELECT data FROM s3_bodies WHERE id = ?').pluck(),
    range: db.prepare('SELECT substr(data, ?, ?) FROM s3_bodies WHERE id = ?').pluck(),
    del: db.prepare('DELETE FROM s3_bodies WHERE id = ?'),
  };
  /**
   * Bodies: small ones are a row, larger ones a file; ids say which. A body of unknown size is held in
   * memory until it passes {@link INLINE_MAX}, then moves to a file. A committed small body waits here
   * until the object (or part) row that references it is committed: both rows go in one transaction.
   */
  const pending = new Map<string, Buffer>();
  /** Inside the transaction that commits the row referencing `id`. */
  const insertPending = (id: string) => {
    const data = pending.get(id);
    if (data === undefined) return;
    body.put.run(id, data);
    pending.delete(id);
  };
  const readInline = (id: string, range?: { start: number; end: number }): Buffer => {
    const held = pending.get(id);
    if (held) return range ? held.subarray(range.start, range.end + 1) : held;
    const data = (range ? body.range.get(range.start + 1, range.end - range.start + 1, id) : body.get.get(id)) as Buffer | undefined;
    if (!data) throw Object.assign(new Error(`body ${id} is gone`), { code: 'ENOENT' });
    return data;
  };
  const blobs: BlobStore = {
    dir: files.dir,
    create(expectedSize, options) {
      if (expectedSize !== undefined && expectedSize > INLINE_MAX) return files.create(expectedSize, options);
      let held: Buffer[] = [];
      let size = 0;
      let file: BlobWriter | undefined;
      return {
        write(chunk) {
          if (file) return file.write(chunk);
          held.push(chunk);
          size += chunk.length;
          if (size <= INLINE_MAX) return;
          file = files.create(undefined, options);
          for (const c of held) file.write(c);
          held = [];
        },
        async md5() {
          if (file) return file.md5();
          const h = createHash('md5');
          for (const c of held) h.update(c);
          return h.digest();
        },
        async commit() {
          if (file) return file.commit();
          const id = INLINE + randomUUID().replace(/-/g, '');
          pending.set(id, held.length === 1 ? held[0]! : Buffer.concat(held, size));
          return { id, size };
        },
        abort() {
          file?.abort();
          held = [];
        },
      };
    },
    write: (chunks) => writeAll(blobs, chunks),
    concat: (ids, options) => concatInto(blobs, ids, options),
    async copyInto(id, w) {
      if (!id.startsWith(INLINE)) return files.copyInto(id, w);
      w.write(readInline(id));
    },
    read: (id, range) => (id.startsWith(INLINE) ? readInline(id, range) : files.read(id, range)),
    open: (id, range) => (id.startsWith(INLINE) ? readInline(id, range) : files.open(id, range)),
    remove(id) {
      if (!id.startsWith(INLINE)) files.remove(id);
      else if (!pending.delete(id)) body.del.run(id);
    },
  };
  const q = {
    bucket: db.prepare('SELECT name, region, created_ms FROM s3_buckets WHERE name = ?'),
    buckets: db.prepare('SELECT name, region, created_ms FROM s3_buckets ORDER BY name'),
    putBucket: db.prepare('INSERT INTO s3_buckets (name, region, created_ms) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING'),
    deleteBucket: db.prepare('DELETE FROM s3_buckets WHERE name = ?'),
    anyObject: db.prepare('SELECT 1 FROM s3_objects WHERE bucket = ? LIMIT 1'),
    anyUpload: db.prepare('SELECT 1 FROM s3_uploads WHERE bucket = ? LIMIT 1'),
    object: db.prepare('SELECT * FROM s3_objects WHERE bucket = ? AND key = ?'),
    objectBlob: db.prepare('SELECT blob FROM s3_objects WHERE bucket = ? AND key = ?'),
    putObject: db.prepare(`INSERT INTO s3_objects (bucket, key, size, etag, modified_ms, blob, content_type, headers, metadata)
      VALUES (@bucket, @key, @size, @etag, @modified_ms, @blob, @content_type, @headers, @metadata)
      ON CONFLICT(bucket, key) DO UPDATE SET size = excluded.size, etag = excluded.etag, modified_ms = excluded.modified_ms,
        blob = excluded.blob, content_type = excluded.content_type, headers = excluded.headers, metadata = excluded.metadata`),
    deleteObject: db.prepare('DELETE FROM s3_objects WHERE bucket = ? AND key = ? RETURNING blob'),
    keysFrom: db.prepare('SELECT key, size, etag, modified_ms FROM s3_objects WHERE bucket = ? AND key >= ? ORDER BY key LIMIT ?'),
    keysAfter: db.prepare('SELECT key, size, etag, modified_ms FROM s3_objects WHERE bucket = ? AND key > ? ORDER BY key LIMIT ?'),
    upload: db.prepare('SELECT * FROM s3_uploads WHERE upload_id = ?'),
    putUpload: db.prepare('INSERT INTO s3_uploads (upload_id, bucket, key, created_ms, content_type, headers, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    deleteUpload: db.prepare('DELETE FROM s3_uploads WHERE upload_id = ?'),
    parts: db.prepare('SELECT part_number, size, etag, blob, modified_ms FROM s3_parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?'),
    allParts: db.prepare('SELECT part_number, size, etag, blob, modified_ms FROM s3_parts WHERE upload_id = ? ORDER BY part_number'),
    partBlob: db.prepare('SELECT blob FROM s3_parts WHERE upload_id = ? AND part_number = ?'),
    putPart: db.prepare(`INSERT INTO s3_parts (upload_id, part_number, size, etag, blob, modified_ms) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(upload_id, part_number) DO UPDATE SET size = excluded.size, etag = excluded.etag, blob = excluded.blob, modified_ms = excluded.modified_ms`),
    storage: db.prepare('SELECT bucket, config FROM s3_storage'),
    putStorage: db.prepare('INSERT INTO s3_storage (bucket, config) VALUES (?, ?) ON CONFLICT(bucket) DO UPDATE SET config = excluded.config'),
    deleteStorage: db.prepare('DELETE FROM s3_storage WHERE bucket = ?'),
  };
  const bucketRow = (r: { name: string; region: string; created_ms: number } | undefined): StoredBucket | undefined =>
    r && { name: r.name, region: r.region, created: new Date(r.created_ms) };
  const toPart = (r: { part_number: number; size: number; etag: string; blob: string; modified_ms: number }): StoredPart =>
    ({ partNumber: r.part_number, size: r.size, etag: r.etag, blob: r.blob, modified: new Date(r.modified_ms) });

  /** Commits `row` (and its small body) for a body already written; the body it replaces is unlinked after the commit. */
  const commitObject = db.transaction((o: Omit<StoredObject, 'modified'> & { modified: Date }): string | undefined => {
    if (!q.bucket.get(o.bucket)) return '\0nobucket';
    insertPending(o.blob);
    const old = (q.objectBlob.get(o.bucket, o.key) as { blob: string } | undefined)?.blob;
    q.putObject.run({
      bucket: o.bucket, key: o.key, size: o.size, etag: o.etag, modified_ms: o.modified.getTime(), blob: o.blob,
      content_type: o.contentType ?? null, headers: JSON.stringify(o.headers), metadata: JSON.stringify(o.metadata),
    });
    return old;
  });

  const completeUpload = db.transaction((uploadId: string, o: StoredObject): string | undefined => {
    const old = commitObject(o);
    q.deleteUpload.run(uploadId);
    return old;
  });

  return {
    blobs,
    bucket: (name: string) => bucketRow(q.bucket.get(name) as never),
    buckets: () => (q.buckets.all() as never[]).map((r) => bucketRow(r)!),
    /** true when created, false when it already existed. */
    createBucket: (name: string, region: string, now: Date) => q.putBucket.run(name, region, now.getTime()).changes === 1,
    bucketIsEmpty: (name: string) => !q.anyObject.get(name) && !q.anyUpload.get(name),
    deleteBucket: (name: string) => void q.deleteBucket.run(name),

    object: (bucket: string, key: string): StoredObject | undefined => {
      const r = q.object.get(bucket, key) as ObjectRow | undefined;
      return r && toObject(r);
    },
    /** Records an object whose body is `blob`; false when the bucket is gone (the blob is then removed). */
    putObject(o: StoredObject): boolean {
      const old = commitObject(o);
      if (old === '\0nobucket') {
        blobs.remove(o.blob);
        return false;
      }
      if (old && old !== o.blob) blobs.remove(old);
      return true;
    },
    deleteObject(bucket: string, key: string): boolean {
      const row = q.deleteObject.get(bucket, key) as { blob: string } | undefined;
      if (row) blobs.remove(row.blob);
      return Boolean(row);
    },
    /** Keys in order from `from` (inclusive) or after `after` (exclusive). */
    keys(bucket: string, start: { from?: string; after?: string }, limit: number): ListedKey[] {
      const rows = (start.after !== undefined ? q.keysAfter.all(bucket, start.after, limit) : q.keysFrom.all(bucket, start.from ?? '', limit)) as
        { key: string; size: number; etag: string; modified_ms: number }[];
      return rows.map((r) => ({ key: r.key, size: r.size, etag: r.etag, modified: new Date(r.modified_ms) }));
    },

    upload(uploadId: string): StoredUpload | undefined {
      const r = q.upload.get(uploadId) as { upload_id: string; bucket: string; key: string; created_ms: number; content_type: string | null; headers: string; metadata: string } | undefined;
      return r && { uploadId: r.upload_id, bucket: r.bucket, key: r.key, created: new Date(r.created_ms), contentType: r.content_type ?? undefined, headers: JSON.parse(r.headers), metadata: JSON.parse(r.metadata) };
    },
    createUpload: (u: StoredUpload) =>
      void q.putUpload.run(u.uploadId, u.bucket, u.key, u.created.getTime(), u.contentType ?? null, JSON.stringify(u.headers), JSON.stringify(u.metadata)),
    /** Records a part whose body is `blob.id`; false when the upload is gone. */
    putPart(uploadId: string, partNumber: number, blob: WrittenBlob, etag: string, now: Date): boolean {
      const old = db.transaction(() => {
        if (!q.upload.get(uploadId)) return '\0noupload';
        insertPending(blob.id);
        const prev = (q.partBlob.get(uploadId, partNumber) as { blob: string } | undefined)?.blob;
        q.putPart.run(uploadId, partNumber, blob.size, etag, blob.id, now.getTime());
        return prev;
      })();
      if (old === '\0noupload') {
        blobs.remove(blob.id);
        return false;
      }
      if (old) blobs.remove(old);
      return true;
    },
    parts: (uploadId: string, after: number, limit: number): StoredPart[] => (q.parts.all(uploadId, after, limit) as never[]).map(toPart),
    allParts: (uploadId: string): StoredPart[] => (q.allParts.all(uploadId) as never[]).map(toPart),
    /** Makes the assembled object visible and drops the upload; every part body is unlinked after the commit. */
    completeUpload(uploadId: string, o: StoredObject, partBlobs: string[]): void {
      const old = completeUpload(uploadId, o);
      if (old && old !== '\0nobucket') blobs.remove(old);
      for (const b of partBlobs) blobs.remove(b);
    },
    abortUpload(uploadId: string): void {
      const parts = this.allParts(uploadId);
      q.deleteUpload.run(uploadId);
      for (const p of parts) blobs.remove(p.blob);
    },

    storageRules: (): StorageBucketConfig[] => (q.storage.all() as { config: string }[]).map((r) => JSON.parse(r.config) as StorageBucketConfig),
    putStorageRules: (config: StorageBucketConfig) => void q.putStorage.run(config.bucketName, JSON.stringify(config)),
    deleteStorageRules: (bucket: string) => void q.deleteStorage.run(bucket),
  };
}
