import { createHash } from 'node:crypto';
import type { PutObjectCommandInput, PutObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { assertKey, checkContentMd5, checkCrc32, quoteEtag, requireBucket, sameEtag } from '../checks.js';
import { EntityTooLarge, NoSuchBucket, NoSuchKey, PreconditionFailed } from '../errors.js';
import { bucketOf, emptyResponse, h, keyOf, representationInput, type S3Route } from '../rest.js';
import { attributesOf } from '../responses.js';

export type PutObjectOperation = Operation<PutObjectCommandInput, WireOutput<PutObjectCommandOutput>>;

const MAX_SIZE = 5 * 1024 ** 3;

export const PutObject = ({ objects, gate, clock }: Pick<S3Services, 'objects' | 'gate' | 'clock'>): PutObjectOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    assertKey(input.Key);
    gate.require(ctx, bucket, 'write', input.Key);
    const body = input.Body as Buffer;
    if (body.length > MAX_SIZE) throw new EntityTooLarge(body.length, MAX_SIZE);
    checkCrc32(input.ChecksumCRC32, body);
    if (input.IfNoneMatch !== undefined || input.IfMatch !== undefined) {
      const current = objects.object(bucket, input.Key);
      if (input.IfNoneMatch === '*' && current) throw new PreconditionFailed('If-None-Match');
      if (input.IfMatch !== undefined) {
        if (!current) throw new NoSuchKey(input.Key);
        if (!sameEtag(input.IfMatch, current.etag)) throw new PreconditionFailed('If-Match');
      }
    }
    const md5 = createHash('md5').update(body).digest();
    checkContentMd5(input.ContentMD5, body, md5);
    const blob = await objects.blobs.write([body]);
    const etag = quoteEtag(md5);
    const stored = objects.putObject({ bucket, key: input.Key, size: blob.size, etag, modified: clock.now(), blob: blob.id, ...attributesOf(input) });
    if (!stored) throw new NoSuchBucket(bucket);
    return { ETag: etag, ChecksumCRC32: input.ChecksumCRC32 };
  };

export const putObjectRoute: S3Route<PutObjectCommandInput, WireOutput<PutObjectCommandOutput>> = {
  input: (call) => ({
    Bucket: bucketOf(call),
    Key: keyOf(call),
    Body: call.body,
    ...representationInput(call),
    ContentMD5: h(call, 'content-md5'),
    ChecksumCRC32: h(call, 'x-amz-checksum-crc32') ?? call.trailers['x-amz-checksum-crc32'],
    IfNoneMatch: h(call, 'if-none-match'),
    IfMatch: h(call, 'if-match'),
  }),
  output: (out) => emptyResponse(200, { etag: out.ETag!, ...(out.ChecksumCRC32 ? { 'x-amz-checksum-crc32': out.ChecksumCRC32 } : {}) }),
};
