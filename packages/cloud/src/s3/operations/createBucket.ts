import type { CreateBucketCommandInput, CreateBucketCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { isValidBucketName } from '../config.js';
import { BucketAlreadyOwnedByYou, InvalidBucketName } from '../errors.js';
import { bucketOf, emptyResponse, type S3Route } from '../rest.js';
import { parseXmlBody, textOf } from '../xml.js';

export type CreateBucketOperation = Operation<CreateBucketCommandInput, WireOutput<CreateBucketCommandOutput>>;

/** Re-creating an own bucket is a 200 in us-east-1 and BucketAlreadyOwnedByYou elsewhere, as in S3. */
export const CreateBucket = ({ objects, gate, clock, region }: Pick<S3Services, 'objects' | 'gate' | 'clock' | 'region'>): CreateBucketOperation =>
  async (ctx, input) => {
    gate.requireAdmin(ctx);
    const name = input.Bucket ?? '';
    if (!isValidBucketName(name)) throw new InvalidBucketName(name);
    const where = input.CreateBucketConfiguration?.LocationConstraint ?? region;
    if (!objects.createBucket(name, where, clock.now()) && where !== 'us-east-1') throw new BucketAlreadyOwnedByYou(name);
    return { Location: `/${name}` };
  };

export const createBucketRoute: S3Route<CreateBucketCommandInput, WireOutput<CreateBucketCommandOutput>> = {
  input: (call) => {
    const constraint = call.body.length ? textOf(parseXmlBody<{ LocationConstraint?: unknown }>(call.body, 'CreateBucketConfiguration').LocationConstraint) : undefined;
    return { Bucket: bucketOf(call), CreateBucketConfiguration: constraint ? { LocationConstraint: constraint as never } : undefined };
  },
  output: (out) => emptyResponse(200, { location: out.Location! }),
};
