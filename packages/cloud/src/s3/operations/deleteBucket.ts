import type { DeleteBucketCommandInput, DeleteBucketCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { requireBucket } from '../checks.js';
import { BucketNotEmpty } from '../errors.js';
import { bucketOf, emptyResponse, type S3Route } from '../rest.js';

export type DeleteBucketOperation = Operation<DeleteBucketCommandInput, WireOutput<DeleteBucketCommandOutput>>;

export const DeleteBucket = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): DeleteBucketOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    gate.requireAdmin(ctx);
    if (!objects.bucketIsEmpty(bucket)) throw new BucketNotEmpty(bucket);
    objects.deleteBucket(bucket);
    return {};
  };

export const deleteBucketRoute: S3Route<DeleteBucketCommandInput, WireOutput<DeleteBucketCommandOutput>> = {
  input: (call) => ({ Bucket: bucketOf(call) }),
  output: () => emptyResponse(204),
};
