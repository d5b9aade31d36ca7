import { createHash } from 'node:crypto';
import type { UploadPartCommandInput, UploadPartCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { checkContentMd5, checkCrc32, quoteEtag } from '../checks.js';
import { EntityTooLarge, NoSuchUpload } from '../errors.js';
import { bucketOf, emptyResponse, h, keyOf, type S3Route } from '../rest.js';
import { assertPartNumber, requireUpload } from '../uploads.js';

export type UploadPartOperation = Operation<UploadPartCommandInput, WireOutput<UploadPartCommandOutput>>;

const MAX_PART = 5 * 1024 ** 3;

export const UploadPart = ({ objects, gate, clock }: Pick<S3Services, 'objects' | 'gate' | 'clock'>): UploadPartOperation =>
  async (ctx, input) => {
    assertPartNumber(input.PartNumber);
    const upload = requireUpload({ objects, gate }, ctx, input.Bucket, input.Key, input.UploadId);
    const body = input.Body as Buffer;
    if (body.length > MAX_PART) throw new EntityTooLarge(body.length, MAX_PART);
    checkCrc32(input.ChecksumCRC32, body);
    const md5 = createHash('md5').update(body).digest();
    checkContentMd5(input.ContentMD5, body, md5);
    const blob = await objects.blobs.write([body]);
    if (!objects.putPart(upload.uploadId, input.PartNumber, blob, quoteEtag(md5), clock.now())) throw new NoSuchUpload(upload.uploadId);
    return { ETag: quoteEtag(md5), ChecksumCRC32: input.ChecksumCRC32 };
  };

export const uploadPartRoute: S3Route<UploadPartCommandInput, WireOutput<UploadPartCommandOutput>> = {
  input: (call) => ({
    Bucket: bucketOf(call),
    Key: keyOf(call),
    UploadId: call.query.get('uploadId'),
    PartNumber: Number(call.query.get('partNumber')),
    Body: call.body,
    ContentMD5: h(call, 'content-md5'),
    ChecksumCRC32: h(call, 'x-amz-checksum-crc32') ?? call.trailers['x-amz-checksum-crc32'],
  }),
  output: (out) => emptyResponse(200, { etag: out.ETag!, ...(out.ChecksumCRC32 ? { 'x-amz-checksum-crc32': out.ChecksumCRC32 } : {}) }),
};
