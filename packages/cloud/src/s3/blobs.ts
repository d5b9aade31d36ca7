import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Object bytes on disk, one file per stored body, named by a random id (keys are not file names:
 * `a` and `a/b` can both be objects). Every write goes to `tmp/`, is fsynced and then renamed into
 * `blobs/`, so a crash never leaves a half-written body under a name the metadata points to; the
 * metadata row is committed only after the rename.
 */
export interface BlobStore {
  readonly dir: string;
  /** Durably stores `chunks` (in order) and returns the new blob's id, size and MD5. */
  write(chunks: Buffer[]): Promise<WrittenBlob>;
  /** Concatenates stored blobs into a new one (multipart completion, copies). */
  concat(ids: string[]): Promise<WrittenBlob>;
  /** Bytes `[start, end]` (inclusive) of a blob, or all of it. */
  read(id: string, range?: { start: number; end: number }): Promise<Buffer>;
  remove(id: string): void;
}

export interface WrittenBlob {
  id: string;
  size: number;
  md5: Buffer;
}

export function createBlobStore(dir: string): BlobStore {
  const tmp = join(dir, 'tmp');
  const blobs = join(dir, 'blobs');
  // Bodies a crash left half-written have no metadata row pointing at them.
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  const made = new Set<string>();
  const pathOf = (id: string) => join(blobs, id.slice(0, 2), id);
  const shard = (id: string) => {
    const d = join(blobs, id.slice(0, 2));
    if (!made.has(d)) {
      mkdirSync(d, { recursive: true, mode: 0o700 });
      made.add(d);
    }
  };

  async function store(fill: (fh: FileHandle, hash: ReturnType<typeof createHash>) => Promise<number>): Promise<WrittenBlob> {
    const id = randomUUID().replace(/-/g, '');
    const temp = join(tmp, id);
    const fh = await open(temp, 'w', 0o600);
    let size: number;
    const hash = createHash('md5');
    try {
      size = await fill(fh, hash);
      await fh.sync();
    } catch (err) {
      await fh.close();
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    await fh.close();
    shard(id);
    await rename(temp, pathOf(id));
    return { id, size, md5: hash.digest() };
  }

  return {
    dir,
    write: (chunks) =>
      store(async (fh, hash) => {
        let size = 0;
        for (const c of chunks) {
          hash.update(c);
          size += c.length;
        }
        if (chunks.length === 1) await fh.writeFile(chunks[0]!);
        else if (chunks.length > 1) await fh.writev(chunks);
        return size;
      }),
    concat: (ids) =>
      store(async (fh, hash) => {
        let size = 0;
        for (const id of ids) {
          const data = await readWhole(pathOf(id));
          hash.update(data);
          await fh.write(data);
          size += data.length;
        }
        return size;
      }),
    async read(id, range) {
      if (!range) return readWhole(pathOf(id));
      const fh = await open(pathOf(id), 'r');
      try {
        const out = Buffer.allocUnsafe(range.end - range.start + 1);
        let done = 0;
        while (done < out.length) {
          const { bytesRead } = await fh.read(out, done, out.length - done, range.start + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return out.subarray(0, done);
      } finally {
        await fh.close();
      }
    },
    remove: (id) => void unlink(pathOf(id)).catch(() => undefined),
  };
}

async function readWhole(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}
