import type { PutObjectCommandInput, PutObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { assertKey, quoteEtag, requireBucket, sameEtag } from '../checks.js';
import { NoSuchBucket, NoSuchKey, PreconditionFailed } from '../errors.js';
import type { Payload } from '../payload.js';
import { bucketOf, emptyResponse, expectedLength, h, keyOf, representationInput, type S3Route } from '../rest.js';
import { attributesOf } from '../responses.js';

/** The body is the request's payload, streamed into the object's blob once the checks pass. */
export type PutObjectInput = Omit<PutObjectCommandInput, 'Body'> & { Body: Payload };
export type PutObjectOperation = Operation<PutObjectInput, WireOutput<PutObjectCommandOutput>>;

const MAX_SIZE = 5 * 1024 ** 3;

/**
 * Rules and preconditions are checked before a byte is read; the body is then written to a temp file
 * as it arrives (MD5, CRC32 and the signed SHA-256 computed on the way) and only a complete, verified
 * body is renamed into place and committed; anything else leaves no trace.
 */
export const PutObject = ({ objects, gate, clock }: Pick<S3Services, 'objects' | 'gate' | 'clock'>): PutObjectOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    assertKey(input.Key);
    gate.require(ctx, bucket, 'write', input.Key);
    if (input.IfNoneMatch !== undefined || input.IfMatch !== undefined) {
      const current = objects.object(bucket, input.Key);
      if (input.IfNoneMatch === '*' && current) throw new PreconditionFailed('If-None-Match');
      if (input.IfMatch !== undefined) {
        if (!current) throw new NoSuchKey(input.Key);
        if (!sameEtag(input.IfMatch, current.etag)) throw new PreconditionFailed('If-Match');
      }
    }
    const written = await input.Body.storeUpload(objects.blobs, { maxSize: MAX_SIZE, contentLength: input.ContentLength, contentMd5: input.ContentMD5, crc32: input.ChecksumCRC32 });
    const etag = quoteEtag(written.md5);
    const stored = objects.putObject({ bucket, key: input.Key, size: written.size, etag, modified: clock.now(), blob: written.blob.id, ...attributesOf(input) });
    if (!stored) throw new NoSuchBucket(bucket);
    return { ETag: etag, ChecksumCRC32: written.checkedCrc32 };
  };

export const putObjectRoute: S3Route<PutObjectInput, WireOutput<PutObjectCommandOutput>> = {
  input: (call) => ({
    Bucket: bucketOf(call),
    Key: keyOf(call),
    Body: call.payload,
    ContentLength: expectedLength(call),
    ...representationInput(call),
    ContentMD5: h(call, 'content-md5'),
    ChecksumCRC32: h(call, 'x-amz-checksum-crc32'),
    IfNoneMatch: h(call, 'if-none-match'),
    IfMatch: h(call, 'if-match'),
  }),
  output: (out) => emptyResponse(200, { etag: out.ETag!, ...(out.ChecksumCRC32 ? { 'x-amz-checksum-crc32': out.ChecksumCRC32 } : {}) }),
};
