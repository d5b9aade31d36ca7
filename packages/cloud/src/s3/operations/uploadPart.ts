import type { UploadPartCommandInput, UploadPartCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { quoteEtag } from '../checks.js';
import { NoSuchUpload } from '../errors.js';
import type { Payload } from '../payload.js';
import { bucketOf, emptyResponse, expectedLength, h, keyOf, type S3Route } from '../rest.js';
import { assertPartNumber, requireUpload } from '../uploads.js';

/** The body is the request's payload, streamed into the part's blob once the checks pass. */
export type UploadPartInput = Omit<UploadPartCommandInput, 'Body'> & { Body: Payload };
export type UploadPartOperation = Operation<UploadPartInput, WireOutput<UploadPartCommandOutput>>;

const MAX_PART = 5 * 1024 ** 3;

export const UploadPart = ({ objects, gate, clock }: Pick<S3Services, 'objects' | 'gate' | 'clock'>): UploadPartOperation =>
  async (ctx, input) => {
    assertPartNumber(input.PartNumber);
    const upload = requireUpload({ objects, gate }, ctx, input.Bucket, input.Key, input.UploadId);
    const written = await input.Body.storeUpload(objects.blobs, { maxSize: MAX_PART, contentLength: input.ContentLength, contentMd5: input.ContentMD5, crc32: input.ChecksumCRC32 });
    const etag = quoteEtag(written.md5);
    if (!objects.putPart(upload.uploadId, input.PartNumber, written.blob, etag, clock.now())) throw new NoSuchUpload(upload.uploadId);
    return { ETag: etag, ChecksumCRC32: written.checkedCrc32 };
  };

export const uploadPartRoute: S3Route<UploadPartInput, WireOutput<UploadPartCommandOutput>> = {
  input: (call) => ({
    Bucket: bucketOf(call),
    Key: keyOf(call),
    UploadId: call.query.get('uploadId'),
    PartNumber: Number(call.query.get('partNumber')),
    Body: call.payload,
    ContentLength: expectedLength(call),
    ContentMD5: h(call, 'content-md5'),
    ChecksumCRC32: h(call, 'x-amz-checksum-crc32'),
  }),
  output: (out) => emptyResponse(200, { etag: out.ETag!, ...(out.ChecksumCRC32 ? { 'x-amz-checksum-crc32': out.ChecksumCRC32 } : {}) }),
};
