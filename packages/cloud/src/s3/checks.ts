import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ObjectStore, StoredBucket } from './store.js';
import { BadDigest, InvalidDigest, InvalidRequest, KeyTooLongError, NoSuchBucket } from './errors.js';

/** Input checks S3 makes before touching state (assertion functions throwing S3's errors). */
export function requireBucket(objects: ObjectStore, bucket: string | undefined): StoredBucket {
  const found = bucket ? objects.bucket(bucket) : undefined;
  if (!found) throw new NoSuchBucket(bucket ?? '');
  return found;
}

export function assertKey(key: string | undefined): asserts key is string {
  if (!key) throw new InvalidRequest('A key is required.');
  if (Buffer.byteLength(key) > 1024) throw new KeyTooLongError();
}

/** `Content-MD5` (base64 of the 16-byte digest) must match the body (or its MD5, computed as it arrived). */
export function checkContentMd5(expected: string | undefined, body: Buffer | { md5: Buffer }): void {
  if (expected === undefined) return;
  const given = Buffer.from(expected, 'base64');
  if (given.length !== 16) throw new InvalidDigest();
  if (!given.equals(Buffer.isBuffer(body) ? createHash('md5').update(body).digest() : body.md5)) throw new BadDigest();
}

/** `x-amz-checksum-crc32` (base64 big-endian) must match the body (or its CRC32, computed as it arrived). */
export function checkCrc32(expected: string | undefined, body: Buffer | { crc32?: string }): void {
  if (expected === undefined) return;
  if ((Buffer.isBuffer(body) ? crc32Base64(body) : body.crc32) !== expected) throw new BadDigest('The CRC32 you specified did not match the calculated checksum.');
}

export const crc32Base64 = (body: Buffer): string => crcBase64(crc32(body));

/** A CRC32 value as S3 writes it: base64 of its 4 big-endian bytes. */
export function crcBase64(crc: number): string {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc >>> 0);
  return b.toString('base64');
}

export const quoteEtag = (md5: Buffer) => `"${md5.toString('hex')}"`;
export const sameEtag = (a: string, b: string) => a.replace(/"/g, '') === b.replace(/"/g, '');
