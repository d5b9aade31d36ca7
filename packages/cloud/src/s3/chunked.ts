import { createHash, createHmac, timingSafeEqual, type Hash } from 'node:crypto';
import type { ChunkSeed } from '../http/sigv4.js';
import { InvalidRequest, SignatureDoesNotMatch } from './errors.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** Longest chunk header line (`<hex size>;chunk-signature=<64 hex>`) and trailer block accepted. */
const MAX_LINE = 4096;
const MAX_TRAILERS = 16 * 1024;

/** Chunk signatures to check: `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`. */
export interface ChunkSigning {
  seed: ChunkSeed;
  /** `…-TRAILER`: the trailer block carries `x-amz-trailer-signature`. */
  trailer: boolean;
}

/**
 * Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=…]\r\n<bytes>\r\n … 0[;chunk-signature=…]\r\n[trailers]\r\n`),
 * what the SDKs send for streamed uploads, as it arrives: `push` the raw pieces in order, payload
 * bytes come out of `onData` (views of the pushed buffers, no copies), `end` checks that the body
 * was complete and returns the trailing headers (e.g. `x-amz-checksum-crc32`). With `signing`, every
 * chunk's signature (chained from the request's seed signature) and the trailer signature are checked
 * as soon as the chunk is complete. Hand-written: the format is a few lines and no library parses it.
 */
export class AwsChunkedDecoder {
  private state: 'header' | 'data' | 'crlf' | 'trailers' = 'header';
  private line: Buffer[] = [];
  private lineLength = 0;
  private remaining = 0;
  private chunkHash: Hash | undefined;
  private chunkSignature = '';
  private previous: string;
  private key: Buffer | undefined;
  private trailerBytes: Buffer[] = [];
  private trailerLength = 0;

  constructor(private readonly onData: (piece: Buffer) => void, private readonly signing?: ChunkSigning) {
    this.previous = signing?.seed.signature ?? '';
  }

  push(buf: Buffer): void {
    let at = 0;
    while (at < buf.length) {
      switch (this.state) {
        case 'header': {
          const nl = buf.indexOf(10, at);
          const end = nl < 0 ? buf.length : nl + 1;
          this.lineLength += end - at;
          if (this.lineLength > MAX_LINE) throw new InvalidRequest('The aws-chunked body has an invalid chunk header.');
          this.line.push(buf.subarray(at, end));
          at = end;
          if (nl >= 0) this.header();
          break;
        }
        case 'data': {
          const n = Math.min(this.remaining, buf.length - at);
          const piece = buf.subarray(at, at + n);
          this.chunkHash?.update(piece);
          this.onData(piece);
          this.remaining -= n;
          at += n;
          if (this.remaining === 0) {
            if (this.signing) this.checkChunk(this.chunkHash!.digest('hex'));
            this.state = 'crlf';
            this.remaining = 2;
          }
          break;
        }
        case 'crlf': {
          if (buf[at] !== (this.remaining === 2 ? 13 : 10)) throw new InvalidRequest('The aws-chunked body is malformed (chunk data is not followed by CRLF).');
          at++;
          if (--this.remaining === 0) this.state = 'header';
          break;
        }
        case 'trailers': {
          this.trailerLength += buf.length - at;
          if (this.trailerLength > MAX_TRAILERS) throw new InvalidRequest('The aws-chunked trailers are too long.');
          this.trailerBytes.push(buf.subarray(at));
          at = buf.length;
          break;
        }
      }
    }
  }

  /** The trailing headers, once the whole body was pushed; throws when it was cut short or its trailer signature is wrong. */
  end(): Record<string, string> {
    if (this.state !== 'trailers') throw new InvalidRequest('The aws-chunked body is truncated.');
    const trailers: Record<string, string> = {};
    let signature: string | undefined;
    let canonical = '';
    for (const line of Buffer.concat(this.trailerBytes).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'x-amz-trailer-signature') signature = value;
      else {
        trailers[name] = value;
        canonical += `${name}:${value}\n`;
      }
    }
    if (this.signing?.trailer && (canonical || signature !== undefined)) {
      const expected = this.sign(['AWS4-HMAC-SHA256-TRAILER', this.signing.seed.amzDate, this.signing.seed.scope, this.previous, createHash('sha256').update(canonical).digest('hex')]);
      if (!sameHex(expected, signature ?? '')) throw new SignatureDoesNotMatch();
    }
    return trailers;
  }

  private header(): void {
    const text = Buffer.concat(this.line, this.lineLength).toString('latin1').replace(/\r?\n$/, '');
    this.line = [];
    this.lineLength = 0;
    const semi = text.indexOf(';');
    const hex = (semi < 0 ? text : text.slice(0, semi)).trim();
    const size = /^[0-9a-fA-F]{1,15}$/.test(hex) ? parseInt(hex, 16) : NaN;
    if (!Number.isFinite(size)) throw new InvalidRequest('The aws-chunked body has an invalid chunk size.');
    if (this.signing) {
      const m = /(?:^|;)\s*chunk-signature=([0-9a-f]{64})\s*$/.exec(semi < 0 ? '' : text.slice(semi));
      if (!m) throw new SignatureDoesNotMatch();
      this.chunkSignature = m[1]!;
    }
    if (size === 0) {
      if (this.signing) this.checkChunk(EMPTY_SHA256);
      this.state = 'trailers';
      return;
    }
    this.remaining = size;
    this.chunkHash = this.signing ? createHash('sha256') : undefined;
    this.state = 'data';
  }

  /** `AWS4-HMAC-SHA256-PAYLOAD` string to sign: date, scope, previous signature, hash of "", hash of the chunk. */
  private checkChunk(chunkHashHex: string): void {
    const s = this.signing!.seed;
    const expected = this.sign(['AWS4-HMAC-SHA256-PAYLOAD', s.amzDate, s.scope, this.previous, EMPTY_SHA256, chunkHashHex]);
    if (!sameHex(expected, this.chunkSignature)) throw new SignatureDoesNotMatch();
    this.previous = this.chunkSignature;
  }

  private sign(lines: string[]): string {
    this.key ??= this.signing!.seed.signingKey();
    return createHmac('sha256', this.key).update(lines.join('\n')).digest('hex');
  }
}

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
