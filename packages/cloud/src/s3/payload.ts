import { createHash } from 'node:crypto';
import { finished, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { asBuffer } from '../http/readBody.js';
import { AwsChunkedDecoder, type ChunkSigning } from './chunked.js';
import type { BlobStore, WrittenBlob } from './blobs.js';
import { checkContentMd5, checkCrc32, crcBase64 } from './checks.js';
import { ContentSha256Mismatch, EntityTooLarge, IncompleteBody } from './errors.js';

/** What proves the body is the one the client signed. */
export type PayloadProof =
  /** `UNSIGNED-PAYLOAD`, presigned URLs, or a hash the request signature already covered. */
  | { kind: 'none' }
  /** A hex `x-amz-content-sha256`: the body must hash to it. */
  | { kind: 'sha256'; hex: string }
  /** `aws-chunked` (`STREAMING-*`): decoded as it arrives; chunk signatures checked when signed. */
  | { kind: 'chunked'; signing?: ChunkSigning; decodedLength?: number };

/** What was learnt while storing a body, for the checks an operation makes before it is kept. */
export interface PayloadDigests {
  size: number;
  md5: Buffer;
  /** Base64 big-endian, when asked for. */
  crc32?: string;
  trailers: Record<string, string>;
}

export interface StoreOptions {
  maxSize: number;
  /** Computes the CRC32 as well (a checksum header or trailer will be compared with it). */
  crc32: boolean;
  /** Runs once the body is complete and verified, before the blob is committed; throws to drop it. */
  check(d: PayloadDigests): void;
}

/**
 * The body of one S3 request, read once, as it arrives: from the socket (or the in-process SDK's
 * stream), or already in memory. Reading verifies it (SHA-256 against a signed hash, aws-chunked
 * framing and chunk signatures); `store` streams it into a new blob, computing CRC32 in the same pass
 * and MD5 (the ETag) beside it (see the blob writer), and removes the half-written blob when anything fails.
 */
export class Payload {
  constructor(private readonly source: Buffer | Readable, private readonly proof: PayloadProof) {}

  /** aws-chunked bodies may end with checksum trailers. */
  get chunked(): boolean {
    return this.proof.kind === 'chunked';
  }

  /** The whole decoded body (small XML documents) and its trailers. */
  async buffer(): Promise<{ body: Buffer; trailers: Record<string, string> }> {
    const pieces: Buffer[] = [];
    let size = 0;
    const trailers = await this.read((p) => {
      pieces.push(p);
      size += p.length;
    });
    return { body: pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, size), trailers };
  }

  /**
   * `store` for an upload (PutObject, UploadPart): Content-MD5 and the CRC32 (header, else the aws-chunked
   * trailer) are checked before the blob is committed; answers the digests and the CRC32 that was checked.
   */
  async storeUpload(blobs: BlobStore, o: { maxSize: number; contentLength?: number; contentMd5?: string; crc32?: string }): Promise<PayloadDigests & { blob: WrittenBlob; checkedCrc32?: string }> {
    let checked = o.crc32;
    const written = await this.store(blobs, {
      maxSize: o.maxSize,
      expectedSize: o.contentLength,
      crc32: checked !== undefined || this.chunked,
      check(d) {
        checked ??= d.trailers['x-amz-checksum-crc32'];
        checkCrc32(checked, d);
        checkContentMd5(o.contentMd5, d);
      },
    });
    return { ...written, checkedCrc32: checked };
  }

  async store(blobs: BlobStore, o: StoreOptions & { expectedSize?: number }): Promise<PayloadDigests & { blob: WrittenBlob }> {
    if (o.expectedSize !== undefined && o.expectedSize > o.maxSize) throw new EntityTooLarge(o.expectedSize, o.maxSize);
    const writer = blobs.create(o.expectedSize, { md5: true });
    let crc = 0;
    let size = 0;
    try {
      const trailers = await this.read((piece) => {
        size += piece.length;
        if (size > o.maxSize) throw new EntityTooLarge(size, o.maxSize);
        if (o.crc32) crc = crc32(piece, crc);
        writer.write(piece);
      });
      const digests: PayloadDigests = { size, md5: await writer.md5(), crc32: o.crc32 ? crcBase64(crc) : undefined, trailers };
      o.check(digests);
      return { ...digests, blob: await writer.commit() };
    } catch (err) {
      writer.abort();
      throw err;
    }
  }

  /** Feeds the decoded payload to `onPiece` in order, verifying it; returns the trailers. */
  private async read(onPiece: (piece: Buffer) => void): Promise<Record<string, string>> {
    const proof = this.proof;
    let feed: (raw: Buffer) => void;
    let done: () => Record<string, string>;
    if (proof.kind === 'chunked') {
      let decoded = 0;
      const decoder = new AwsChunkedDecoder((p) => {
        decoded += p.length;
        onPiece(p);
      }, proof.signing);
      feed = (raw) => decoder.push(raw);
      done = () => {
        const trailers = decoder.end();
        if (proof.decodedLength !== undefined && decoded !== proof.decodedLength) throw new IncompleteBody();
        return trailers;
      };
    } else if (proof.kind === 'sha256') {
      const sha = createHash('sha256');
      feed = (raw) => {
        sha.update(raw);
        onPiece(raw);
      };
      done = () => {
        if (sha.digest('hex') !== proof.hex) throw new ContentSha256Mismatch();
        return {};
      };
    } else {
      feed = onPiece;
      done = () => ({});
    }
    if (Buffer.isBuffer(this.source)) feed(this.source);
    else await consume(this.source, feed);
    return done();
  }
}

/**
 * Pushes a stream's chunks through `feed` (events, not `for await`: fewer event-loop turns per
 * request; `feed` writes synchronously, so nothing piles up). When `feed` throws, the rest of the body
 * is read and dropped (the connection stays usable for the error response and the next request).
 */
function consume(stream: Readable, feed: (chunk: Buffer) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      stop();
      stream.off('data', onData);
      stream.on('error', () => undefined);
      stream.resume();
      reject(err);
    };
    const onData = (chunk: Buffer | string | Uint8Array) => {
      if (failed) return;
      try {
        feed(asBuffer(chunk));
      } catch (err) {
        fail(err);
      }
    };
    const stop = finished(stream, { readable: true, writable: false }, (err) => {
      stop();
      if (err) fail(new IncompleteBody()); // the client went away (or its stream broke) mid-body
      else if (!failed) resolve();
    });
    stream.on('data', onData);
  });
}
