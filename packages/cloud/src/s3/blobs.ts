import { randomUUID } from 'node:crypto';
import { close, closeSync, fdatasync, fstatSync, fsync, mkdirSync, openSync, read as readAt, readSync, renameSync, rmSync, unlink, writevSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileBody } from './fileBody.js';
import { fileMd5 } from './md5.js';

/** Bytes a writer collects before it writes them (one writev into the page cache). */
const WRITE_BATCH = 1024 * 1024;
/** A body being written is synced to disk every this many bytes (early writeback), not all at its end. */
const SYNC_EVERY = 4 * 1024 * 1024;
/** The MD5 worker is told about written bytes in steps of this size. */
const HASH_STEP = 2 * 1024 * 1024;
/** Buffers per writev (IOV_MAX is 1024 on Linux). */
const MAX_IOV = 512;
/** Reads of stored files (copies, downloads) go in pieces of this size. */
const READ_CHUNK = 1024 * 1024;
/** Downloads up to this size are read in one synchronous call; larger ones are streamed from the file. */
const STREAM_ABOVE = 256 * 1024;

/**
 * Object bytes on disk, one file per stored body, named by a random id (keys are not file names:
 * `a` and `a/b` can both be objects). Every body is written to `tmp/` as it arrives, fsynced and
 * then renamed into `blobs/`, so a crash never leaves a half-written body under a name the metadata
 * points to; the metadata row is committed only after the rename, and a failed upload unlinks its
 * temp file. Bytes are collected into writevs of {@link WRITE_BATCH} straight into the page cache (one
 * syscall, no thread-pool round trip); fsyncs run in the thread pool, most of them while the body still
 * arrives (early writeback). The MD5 of a file body is computed on a worker thread from what was
 * written (see {@link fileMd5}). Downloads above {@link STREAM_ABOVE} are streamed from an open
 * descriptor (an overwrite that unlinks the file meanwhile does not cut them short), into reused read
 * buffers when piped into an HTTP response (see {@link FileBody}).
 */
export interface BlobStore {
  readonly dir: string;
  /** A new body, written as it arrives; `md5`: its MD5 is computed as it is written. */
  create(expectedSize?: number, options?: WriterOptions): BlobWriter;
  /** Durably stores `chunks` (in order) and returns the new blob's id and size. */
  write(chunks: Buffer[]): Promise<WrittenBlob>;
  /** Concatenates stored blobs into a new one (multipart completion, copies), streaming. */
  concat(ids: string[], options?: WriterOptions): Promise<WrittenBlob & { md5?: Buffer }>;
  /** Appends a stored blob's bytes to a writer. */
  copyInto(id: string, w: BlobWriter): Promise<void>;
  /** Bytes `[start, end]` (inclusive) of a blob, or all of it, in memory. */
  read(id: string, range?: { start: number; end: number }): Buffer;
  /** The same bytes for a response: in memory when small, else a stream from the file (opened now: ENOENT is thrown here). */
  open(id: string, range?: { start: number; end: number }): Buffer | Readable;
  remove(id: string): void;
}

export interface WrittenBlob {
  id: string;
  size: number;
}

export interface WriterOptions {
  md5?: boolean;
}

/** A body being written: bytes in order, then `commit` (durable, visible under its id) or `abort` (gone). */
export interface BlobWriter {
  /** Appends bytes (kept by reference until written: at most {@link WRITE_BATCH} are held). Throws when the disk refuses them. */
  write(chunk: Buffer): void;
  /** After the last `write`: the MD5 of all bytes (asked for at `create`), once they are written. */
  md5(): Promise<Buffer>;
  commit(): Promise<WrittenBlob>;
  abort(): void;
}

export function createBlobStore(dir: string): BlobStore {
  const tmp = join(dir, 'tmp');
  const blobs = join(dir, 'blobs');
  // Bodies a crash left half-written have no metadata row pointing at them.
  rmSync(tmp, { recursive: true, force: true });
  const made = new Set<string>();
  const ensureDir = (d: string) => {
    if (!made.has(d)) {
      mkdirSync(d, { recursive: true, mode: 0o700 });
      made.add(d);
    }
  };
  const pathOf = (id: string) => join(blobs, id.slice(0, 2), id);

  function create(_expectedSize?: number, options: WriterOptions = {}): BlobWriter {
    const id = randomUUID().replace(/-/g, '');
    const temp = join(tmp, id);
    ensureDir(tmp);
    const fd = openSync(temp, 'w', 0o600);
    const hash = options.md5 ? fileMd5(temp) : undefined;
    let digest: Promise<Buffer> | undefined;
    let queue: Buffer[] = [];
    let queued = 0; // bytes in `queue`
    let size = 0;
    let written = 0;
    let hashed = 0;
    let synced = 0;
    let syncing: Promise<void> | undefined;
    let done = false;
    /** Writes what is queued (one writev per MAX_IOV buffers; a partial write is continued). */
    const flush = () => {
      while (queue.length) {
        const batch = queue.length > MAX_IOV ? queue.slice(0, MAX_IOV) : queue;
        let n = writevSync(fd, batch, written);
        written += n;
        queued -= n;
        let taken = 0;
        while (taken < batch.length && n >= batch[taken]!.length) n -= batch[taken++]!.length;
        queue = queue.slice(taken);
        if (n) queue[0] = queue[0]!.subarray(n);
      }
      if (hash && written - hashed >= HASH_STEP) hash.written((hashed = written));
      // Early writeback: what is written so far goes to disk while the rest arrives; the final fsync has little left.
      if (!syncing && written - synced >= SYNC_EVERY) {
        const upTo = written;
        syncing = new Promise<void>((resolve) => fdatasync(fd, (err) => {
          if (!err) synced = upTo;
          syncing = undefined;
          resolve();
        }));
      }
    };
    const closeAndUnlink = () => {
      done = true;
      if (!digest) hash?.drop();
      if (syncing) return void syncing.then(() => close(fd, () => unlink(temp, () => undefined)));
      closeSync(fd);
      rmSync(temp, { force: true }); // gone before the error response goes out
    };
    return {
      write(chunk) {
        if (done || !chunk.length) return;
        queue.push(chunk);
        queued += chunk.length;
        size += chunk.length;
        if (queued >= WRITE_BATCH) flush();
      },
      async md5() {
        if (!hash) throw new Error('this writer was not asked for an MD5');
        flush();
        return (digest ??= hash.digest(size));
      },
      async commit() {
        try {
          flush();
          if (hash) await (digest ??= hash.digest(size)); // the worker reads the file by its temp name: before the rename
          await syncing;
          await new Promise<void>((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
        } catch (err) {
          closeAndUnlink();
          throw err;
        }
        done = true;
        closeSync(fd);
        ensureDir(join(blobs, id.slice(0, 2)));
        renameSync(temp, pathOf(id));
        return { id, size };
      },
      abort() {
        if (done) return;
        queue = [];
        closeAndUnlink();
      },
    };
  }

  function read(id: string, range?: { start: number; end: number }): Buffer {
    const fd = openSync(pathOf(id), 'r');
    try {
      const start = range?.start ?? 0;
      const length = range ? range.end - range.start + 1 : fstatSync(fd).size;
      const out = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, out, done, length - done, start + done);
        if (n === 0) break;
        done += n;
      }
      return done === length ? out : out.subarray(0, done);
    } finally {
      closeSync(fd);
    }
  }

  function open(id: string, range?: { start: number; end: number }): Buffer | Readable {
    const fd = openSync(pathOf(id), 'r');
    const start = range?.start ?? 0;
    const end = range ? range.end : fstatSync(fd).size - 1;
    if (end - start + 1 <= STREAM_ABOVE) {
      try {
        const out = Buffer.allocUnsafe(end - start + 1);
        let done = 0;
        while (done < out.length) {
          const n = readSync(fd, out, done, out.length - done, start + done);
          if (n === 0) break;
          done += n;
        }
        return done === out.length ? out : out.subarray(0, done);
      } finally {
        closeSync(fd);
      }
    }
    return new FileBody(fd, start, end, READ_CHUNK);
  }

  /** Appends a stored file to `w` in READ_CHUNK pieces (fresh buffers: the writer keeps them until written). */
  async function copyInto(id: string, w: BlobWriter): Promise<void> {
    const fd = openSync(pathOf(id), 'r');
    try {
      for (let pos = 0; ; ) {
        const buf = Buffer.allocUnsafe(READ_CHUNK);
        const n = await new Promise<number>((resolve, reject) => readAt(fd, buf, 0, buf.length, pos, (err, bytes) => (err ? reject(err) : resolve(bytes))));
        if (n === 0) return;
        w.write(n === buf.length ? buf : buf.subarray(0, n));
        pos += n;
      }
    } finally {
      closeSync(fd);
    }
  }

  const store: BlobStore = {
    dir,
    create,
    write: (chunks) => writeAll(store, chunks),
    concat: (ids, options) => concatInto(store, ids, options),
    copyInto,
    read,
    open,
    remove: (id) => unlink(pathOf(id), () => undefined),
  };
  return store;
}

/** `store.write` over its writer. */
export async function writeAll(store: Pick<BlobStore, 'create'>, chunks: Buffer[]): Promise<WrittenBlob> {
  const w = store.create(chunks.reduce((n, c) => n + c.length, 0));
  try {
    for (const c of chunks) w.write(c);
    return await w.commit();
  } catch (err) {
    w.abort();
    throw err;
  }
}

/** `store.concat` over its writer and `copyInto`. */
export async function concatInto(store: Pick<BlobStore, 'create' | 'copyInto'>, ids: string[], options: WriterOptions = {}): Promise<WrittenBlob & { md5?: Buffer }> {
  const w = store.create(undefined, options);
  try {
    for (const id of ids) await store.copyInto(id, w);
    const md5 = options.md5 ? await w.md5() : undefined;
    return { ...(await w.commit()), md5 };
  } catch (err) {
    w.abort();
    throw err;
  }
}
