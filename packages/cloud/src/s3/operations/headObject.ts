import type { HeadObjectCommandInput, HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { assertKey, requireBucket } from '../checks.js';
import { checkConditions, parseRange } from '../conditions.js';
import { NoSuchKey } from '../errors.js';
import { representationHeaders, type S3Route } from '../rest.js';
import { representationOf } from '../responses.js';
import { objectReadInput } from './getObject.js';

export type HeadObjectOperation = Operation<HeadObjectCommandInput, WireOutput<HeadObjectCommandOutput>>;

export const HeadObject = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): HeadObjectOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    assertKey(input.Key);
    gate.require(ctx, bucket, 'get', input.Key);
    const o = objects.object(bucket, input.Key);
    if (!o) throw new NoSuchKey(input.Key);
    checkConditions(o, input);
    const range = parseRange(input.Range, o.size);
    return {
      ...representationOf(o),
      ...(range ? { ContentLength: range.end - range.start + 1, ContentRange: `bytes ${range.start}-${range.end}/${o.size}` } : {}),
      ...(input.ResponseContentType !== undefined ? { ContentType: input.ResponseContentType } : {}),
      ...(input.ResponseCacheControl !== undefined ? { CacheControl: input.ResponseCacheControl } : {}),
      ...(input.ResponseContentDisposition !== undefined ? { ContentDisposition: input.ResponseContentDisposition } : {}),
    };
  };

export const headObjectRoute: S3Route<HeadObjectCommandInput, WireOutput<HeadObjectCommandOutput>> = {
  input: objectReadInput,
  output: (out) => ({ status: out.ContentRange ? 206 : 200, headers: representationHeaders(out), body: '' }),
};
