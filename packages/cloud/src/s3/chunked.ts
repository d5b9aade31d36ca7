import { InvalidRequest } from './errors.js';

/**
 * Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=…]\r\n<bytes>\r\n … 0\r\n[trailers]\r\n`), what
 * the SDK sends for streamed uploads. Hand-written: the format is a few lines and no library parses it.
 * Returns the payload and the trailing headers (e.g. `x-amz-checksum-crc32`).
 */
export function decodeAwsChunked(body: Buffer): { payload: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) throw new InvalidRequest('The aws-chunked body is truncated.');
    const size = parseInt(body.subarray(at, eol).toString('latin1').split(';')[0]!, 16);
    if (!Number.isFinite(size) || size < 0) throw new InvalidRequest('The aws-chunked body has an invalid chunk size.');
    at = eol + 2;
    if (size === 0) break;
    if (at + size > body.length) throw new InvalidRequest('The aws-chunked body is truncated.');
    chunks.push(body.subarray(at, at + size));
    at += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(at).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { payload: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), trailers };
}
