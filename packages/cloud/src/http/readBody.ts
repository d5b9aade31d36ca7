import type { Readable } from 'node:stream';

const EMPTY = Buffer.alloc(0);

/** Reads a request body whole. Events, not `for await`: the async iterator costs several event-loop turns per request on the hot path. */
export function readBody(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise<Buffer>((resolve, reject) => {
    stream.on('data', (chunk: Buffer | string | Uint8Array) => {
      const b = asBuffer(chunk);
      chunks.push(b);
      size += b.length;
    });
    stream.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : chunks.length === 0 ? EMPTY : Buffer.concat(chunks, size)));
    stream.once('error', reject);
  });
}

/** A stream chunk as a Buffer without copying (streams of the in-process SDK may carry strings or plain Uint8Arrays). */
export const asBuffer = (chunk: Buffer | string | Uint8Array): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
