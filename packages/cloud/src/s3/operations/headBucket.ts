import type { HeadBucketCommandInput, HeadBucketCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { requireBucket } from '../checks.js';
import { bucketOf, emptyResponse, type S3Route } from '../rest.js';

export type HeadBucketOperation = Operation<HeadBucketCommandInput, WireOutput<HeadBucketCommandOutput>>;

export const HeadBucket = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): HeadBucketOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket);
    gate.requireAdmin(ctx);
    return { BucketRegion: bucket.region };
  };

export const headBucketRoute: S3Route<HeadBucketCommandInput, WireOutput<HeadBucketCommandOutput>> = {
  input: (call) => ({ Bucket: bucketOf(call) }),
  output: (out) => emptyResponse(200, { 'x-amz-bucket-region': out.BucketRegion! }),
};
