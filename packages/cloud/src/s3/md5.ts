import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** The MD5 of a file being written, computed on a worker thread from the bytes already written. */
export interface FileMd5 {
  /** The file's first `upTo` bytes are written (the worker may hash them now). */
  written(upTo: number): void;
  /** The MD5 of the first `size` bytes, once all are written. */
  digest(size: number): Promise<Buffer>;
  /** Stops (the body was refused); the digest is never asked for. */
  drop(): void;
}

/**
 * MD5 (an object's ETag) on one of a few worker threads (one per core, at most 4, started on first
 * use). MD5 is the slowest of the hashes an upload needs (several times SHA-256 with the CPU's SHA
 * extensions) and cannot be split, so a body's MD5 runs beside the event loop, which meanwhile parses,
 * checks SHA-256 / CRC32 and writes the bytes of this and other requests. The worker reads the bytes
 * back from the file as they are written (from the page cache, into one reused buffer): the event
 * loop copies nothing and sends only offsets. A worker is referenced only while it has work, so an
 * in-process upload awaiting its digest keeps the process alive and an idle pool does not.
 */
export function fileMd5(path: string): FileMd5 {
  const lane = pickLane();
  const id = nextId++;
  let open = true;
  lane.start();
  lane.worker.postMessage({ id, path });
  return {
    written: (upTo) => void (open && lane.worker.postMessage({ id, upTo })),
    digest(size) {
      open = false;
      return new Promise<Buffer>((resolve, reject) => {
        if (lane.failure) return reject(lane.failure);
        lane.waiting.set(id, { resolve, reject });
        lane.worker.postMessage({ id, upTo: size, end: true });
      }).finally(() => lane.stop());
    },
    drop() {
      if (!open) return;
      open = false;
      lane.worker.postMessage({ id, drop: true });
      lane.stop();
    },
  };
}

// The worker's whole program (eval'd: nothing to bundle or resolve). One job per file: its own
// read-only descriptor (the writer may rename or unlink the path meanwhile), hashed up to `upTo`.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(1024 * 1024);
const jobs = new Map();
const finish = (job) => { if (job.fd !== undefined) closeSync(job.fd); };
parentPort.on('message', (m) => {
  let job = jobs.get(m.id);
  if (m.path !== undefined) {
    job = { hash: createHash('md5'), at: 0 };
    try { job.fd = openSync(m.path, 'r'); } catch (err) { job.error = err; }
    jobs.set(m.id, job);
    return;
  }
  if (!job) return;
  if (m.drop) { jobs.delete(m.id); return finish(job); }
  try {
    while (!job.error && job.at < m.upTo) {
      const n = readSync(job.fd, buffer, 0, Math.min(buffer.length, m.upTo - job.at), job.at);
      if (n === 0) throw new Error('the file is shorter than what was written');
      job.hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      job.at += n;
    }
  } catch (err) { job.error = err; }
  if (m.end) {
    jobs.delete(m.id);
    finish(job);
    parentPort.postMessage(job.error ? { id: m.id, error: String(job.error.message ?? job.error) } : { id: m.id, digest: job.hash.digest() });
  }
});`;

interface Lane {
  worker: Worker;
  active: number;
  failure?: Error;
  waiting: Map<number, { resolve: (d: Buffer) => void; reject: (e: Error) => void }>;
  start(): void;
  stop(): void;
}

let lanes: Lane[] | undefined;
let nextId = 0;

function pickLane(): Lane {
  lanes ??= Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, startLane);
  return lanes.reduce((a, b) => (b.active < a.active ? b : a));
}

function startLane(): Lane {
  const worker = new Worker(WORKER, { eval: true });
  const lane: Lane = {
    worker,
    active: 0,
    waiting: new Map(),
    start() {
      if (lane.active++ === 0) worker.ref();
    },
    stop() {
      if (--lane.active === 0) worker.unref();
    },
  };
  worker.on('message', (m: { id: number; digest?: Uint8Array; error?: string }) => {
    const w = lane.waiting.get(m.id);
    lane.waiting.delete(m.id);
    if (m.digest) w?.resolve(Buffer.from(m.digest.buffer, m.digest.byteOffset, m.digest.byteLength));
    else w?.reject(new Error(`MD5 of an upload failed: ${m.error}`));
  });
  const fail = (err: Error) => {
    // A broken worker is replaced on the next upload; the ones it was hashing fail.
    lane.failure ??= err;
    lanes = lanes?.filter((l) => l !== lane);
    if (lanes?.length === 0) lanes = undefined;
    for (const w of lane.waiting.values()) w.reject(lane.failure);
    lane.waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the MD5 worker exited (${code})`)));
  worker.unref(); // after the listeners: adding a 'message' listener refs the worker's port again
  return lane;
}
