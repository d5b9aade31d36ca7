import type { AbortMultipartUploadCommandInput, AbortMultipartUploadCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { bucketOf, emptyResponse, keyOf, type S3Route } from '../rest.js';
import { requireUpload } from '../uploads.js';

export type AbortMultipartUploadOperation = Operation<AbortMultipartUploadCommandInput, WireOutput<AbortMultipartUploadCommandOutput>>;

export const AbortMultipartUpload = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): AbortMultipartUploadOperation =>
  async (ctx, input) => {
    const upload = requireUpload({ objects, gate }, ctx, input.Bucket, input.Key, input.UploadId);
    objects.abortUpload(upload.uploadId);
    return {};
  };

export const abortMultipartUploadRoute: S3Route<AbortMultipartUploadCommandInput, WireOutput<AbortMultipartUploadCommandOutput>> = {
  input: (call) => ({ Bucket: bucketOf(call), Key: keyOf(call), UploadId: call.query.get('uploadId') }),
  output: () => emptyResponse(204),
};
