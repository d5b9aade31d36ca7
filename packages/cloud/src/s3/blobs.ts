import { randomUUID } from 'node:crypto';
import { closeSync, fsync, mkdirSync, openSync, readSync, renameSync, rmSync, unlink, writevSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writev } from 'node:fs';

const fsyncAsync = promisify(fsync);
const writevAsync = promisify(writev);
/** Bodies above this are written off the event loop (the loop keeps serving small requests meanwhile). */
const ASYNC_WRITE = 1024 * 1024;

/**
 * Object bytes on disk, one file per stored body, named by a random id (keys are not file names:
 * `a` and `a/b` can both be objects). Every write goes to `tmp/`, is fsynced and then renamed into
 * `blobs/`, so a crash never leaves a half-written body under a name the metadata points to; the
 * metadata row is committed only after the rename. Plain writes and reads are synchronous (one
 * syscall each, no thread-pool round trips); only the slow fsync runs off the event loop.
 */
export interface BlobStore {
  readonly dir: string;
  /** Durably stores `chunks` (in order) and returns the new blob's id and size. */
  write(chunks: Buffer[]): Promise<WrittenBlob>;
  /** Concatenates stored blobs into a new one (multipart completion, copies). */
  concat(ids: string[]): Promise<WrittenBlob>;
  /** Bytes `[start, end]` (inclusive) of a blob, or all of it. */
  read(id: string, range?: { start: number; end: number }): Buffer;
  remove(id: string): void;
}

export interface WrittenBlob {
  id: string;
  size: number;
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

  async function store(chunks: Buffer[]): Promise<WrittenBlob> {
    const id = randomUUID().replace(/-/g, '');
    const temp = join(tmp, id);
    ensureDir(tmp);
    const fd = openSync(temp, 'w', 0o600);
    let size = 0;
    try {
      for (const c of chunks) size += c.length;
      let written = 0;
      while (written < size) {
        // writev may write partially; retry from where it stopped.
        let skip = written;
        const rest = chunks.flatMap((c) => {
          if (skip >= c.length) {
            skip -= c.length;
            return [];
          }
          const part = skip ? c.subarray(skip) : c;
          skip = 0;
          return [part];
        });
        written += size > ASYNC_WRITE ? (await writevAsync(fd, rest)).bytesWritten : writevSync(fd, rest);
      }
      await fsyncAsync(fd);
    } catch (err) {
      closeSync(fd);
      unlink(temp, () => undefined);
      throw err;
    }
    closeSync(fd);
    ensureDir(join(blobs, id.slice(0, 2)));
    renameSync(temp, pathOf(id));
    return { id, size };
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

  return {
    dir,
    write: (chunks) => store(chunks),
    concat: (ids) => store(ids.map((id) => read(id))),
    read,
    remove: (id) => unlink(pathOf(id), () => undefined),
  };
}
