import { randomBytes } from 'node:crypto';
import type { CreateMultipartUploadCommandInput, CreateMultipartUploadCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { assertKey, requireBucket } from '../checks.js';
import { bucketOf, keyOf, representationInput, xmlResponse, type S3Route } from '../rest.js';
import { attributesOf } from '../responses.js';
import { xmlDocument } from '../xml.js';

export type CreateMultipartUploadOperation = Operation<CreateMultipartUploadCommandInput, WireOutput<CreateMultipartUploadCommandOutput>>;

export const CreateMultipartUpload = ({ objects, gate, clock }: Pick<S3Services, 'objects' | 'gate' | 'clock'>): CreateMultipartUploadOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    assertKey(input.Key);
    gate.require(ctx, bucket, 'write', input.Key);
    const uploadId = randomBytes(36).toString('base64url');
    objects.createUpload({ uploadId, bucket, key: input.Key, created: clock.now(), ...attributesOf(input) });
    return { Bucket: bucket, Key: input.Key, UploadId: uploadId };
  };

export const createMultipartUploadRoute: S3Route<CreateMultipartUploadCommandInput, WireOutput<CreateMultipartUploadCommandOutput>> = {
  input: (call) => ({ Bucket: bucketOf(call), Key: keyOf(call), ...representationInput(call) }),
  output: (out) => xmlResponse(xmlDocument('InitiateMultipartUploadResult', { Bucket: out.Bucket, Key: out.Key, UploadId: out.UploadId })),
};
