import { close, read } from 'node:fs';
import { OutgoingMessage } from 'node:http';
import { Readable } from 'node:stream';

/** Read buffers that finished downloads handed back, for the next ones (at most {@link SPARE_MAX} kept). */
const spare: Buffer[] = [];
const SPARE_MAX = 16;

/**
 * Bytes `[start, end]` of an open file as a stream, read in pieces of `chunk` bytes on the thread pool (the
 * descriptor is closed when the stream ends or is destroyed).
 *
 * Piped into an HTTP response (the download path), it reuses its read buffers: a response copies what it
 * writes into the kernel, so once nothing is queued in this stream nor in the response (`writableLength` 0,
 * or its `finish`) no buffer handed to it is referenced any more, and they go back to a small shared spare
 * list. A download thus allocates no fresh buffer per piece — fresh memory costs a page fault per 4 KiB, and
 * megabytes of short-lived external buffers bring on the collector's full sweeps (together about half of the
 * server's CPU per 8 MiB GET). Read any other way (another writable, which may keep the chunks, e.g. the
 * SDK's collector in-process; `read()`, a web stream), every piece is a fresh buffer its reader may keep.
 */
export class FileBody extends Readable {
  #pos: number;
  /** Buffers pushed into the response and not yet known to be written out. */
  #lent: Buffer[] = [];
  #response: OutgoingMessage | undefined;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
    private readonly chunk: number,
  ) {
    super({ highWaterMark: chunk });
    this.#pos = start;
  }

  override pipe<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T {
    if (this.#response === undefined && dest instanceof OutgoingMessage) {
      this.#response = dest;
      dest.once('finish', () => this.#release());
    }
    return super.pipe(dest, options);
  }

  override _read(): void {
    const left = this.end - this.#pos + 1;
    if (left <= 0) return void this.push(null);
    if (this.#lent.length && this.readableLength === 0 && this.#response!.writableLength === 0) this.#release();
    const n = Math.min(this.chunk, left);
    const buf = this.#response ? this.#spare() : Buffer.allocUnsafeSlow(n);
    read(this.fd, buf, 0, n, this.#pos, (err, bytes) => {
      if (err) return void this.destroy(err);
      if (this.destroyed) return;
      if (bytes === 0) return void this.push(null); // the file is shorter than it was when opened
      this.#pos += bytes;
      if (this.#response) this.#lent.push(buf);
      this.push(bytes === buf.length ? buf : buf.subarray(0, bytes));
    });
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    close(this.fd, () => cb(err));
  }

  #spare(): Buffer {
    const b = spare.pop();
    return b?.length === this.chunk ? b : Buffer.allocUnsafeSlow(this.chunk);
  }

  /** Hands the lent buffers back (called only when the response holds none of them any more). */
  #release(): void {
    for (const b of this.#lent) if (spare.length < SPARE_MAX && b.length === this.chunk) spare.push(b);
    this.#lent = [];
  }
}
