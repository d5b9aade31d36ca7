import type { DeleteObjectCommandInput, DeleteObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { assertKey, requireBucket } from '../checks.js';
import { bucketOf, emptyResponse, keyOf, type S3Route } from '../rest.js';

export type DeleteObjectOperation = Operation<DeleteObjectCommandInput, WireOutput<DeleteObjectCommandOutput>>;

/** Deleting a key that does not exist succeeds, as in S3. */
export const DeleteObject = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): DeleteObjectOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    assertKey(input.Key);
    gate.require(ctx, bucket, 'delete', input.Key);
    objects.deleteObject(bucket, input.Key);
    return {};
  };

export const deleteObjectRoute: S3Route<DeleteObjectCommandInput, WireOutput<DeleteObjectCommandOutput>> = {
  input: (call) => ({ Bucket: bucketOf(call), Key: keyOf(call) }),
  output: () => emptyResponse(204),
};
