import type { GetBucketLocationCommandInput, GetBucketLocationCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { requireBucket } from '../checks.js';
import { bucketOf, xmlResponse, type S3Route } from '../rest.js';
import { S3_XMLNS } from '../xml.js';

export type GetBucketLocationOperation = Operation<GetBucketLocationCommandInput, WireOutput<GetBucketLocationCommandOutput>>;

/** us-east-1 is an empty LocationConstraint, as in S3. */
export const GetBucketLocation = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): GetBucketLocationOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket);
    gate.requireAdmin(ctx);
    return { LocationConstraint: bucket.region === 'us-east-1' ? undefined : (bucket.region as never) };
  };

export const getBucketLocationRoute: S3Route<GetBucketLocationCommandInput, WireOutput<GetBucketLocationCommandOutput>> = {
  input: (call) => ({ Bucket: bucketOf(call) }),
  output: (out) => xmlResponse(`<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_XMLNS}">${out.LocationConstraint ?? ''}</LocationConstraint>`),
};
