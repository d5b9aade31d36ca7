import type { Readable } from 'node:stream';
import type { GetObjectCommandInput, GetObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { assertKey, requireBucket } from '../checks.js';
import { checkConditions, parseRange } from '../conditions.js';
import { NoSuchKey } from '../errors.js';
import { bucketOf, dateHeader, h, keyOf, representationHeaders, type S3Route } from '../rest.js';
import { representationOf } from '../responses.js';

/** The body: in memory when small, else a stream from the object's file (opened before the response starts). */
export type GetObjectOutput = Omit<WireOutput<GetObjectCommandOutput>, 'Body'> & { Body: Buffer | Readable };
export type GetObjectOperation = Operation<GetObjectCommandInput, GetObjectOutput>;

export const GetObject = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): GetObjectOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    assertKey(input.Key);
    gate.require(ctx, bucket, 'get', input.Key);
    // A concurrent overwrite may unlink the body between the row read and the file read: read again.
    for (let attempt = 0; ; attempt++) {
      const o = objects.object(bucket, input.Key);
      if (!o) throw new NoSuchKey(input.Key);
      checkConditions(o, input);
      const range = parseRange(input.Range, o.size);
      let body: Buffer | Readable;
      try {
        body = objects.blobs.open(o.blob, range);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' && attempt < 3) continue;
        throw err;
      }
      return {
        ...representationOf(o),
        ContentLength: range ? range.end - range.start + 1 : o.size,
        ContentRange: range ? `bytes ${range.start}-${range.end}/${o.size}` : undefined,
        ...(input.ResponseContentType !== undefined ? { ContentType: input.ResponseContentType } : {}),
        ...(input.ResponseContentDisposition !== undefined ? { ContentDisposition: input.ResponseContentDisposition } : {}),
        ...(input.ResponseCacheControl !== undefined ? { CacheControl: input.ResponseCacheControl } : {}),
        ...(input.ResponseContentEncoding !== undefined ? { ContentEncoding: input.ResponseContentEncoding } : {}),
        ...(input.ResponseContentLanguage !== undefined ? { ContentLanguage: input.ResponseContentLanguage } : {}),
        ...(input.ResponseExpires !== undefined ? { Expires: input.ResponseExpires } : {}),
        Body: body,
      };
    }
  };

/** GetObject / HeadObject request fields. */
export const objectReadInput = (call: Parameters<S3Route<unknown, unknown>['input']>[0]) => ({
  Bucket: bucketOf(call),
  Key: keyOf(call),
  Range: h(call, 'range'),
  IfMatch: h(call, 'if-match'),
  IfNoneMatch: h(call, 'if-none-match'),
  IfModifiedSince: dateHeader(h(call, 'if-modified-since')),
  IfUnmodifiedSince: dateHeader(h(call, 'if-unmodified-since')),
  ResponseContentType: call.query.get('response-content-type'),
  ResponseContentDisposition: call.query.get('response-content-disposition'),
  ResponseCacheControl: call.query.get('response-cache-control'),
  ResponseContentEncoding: call.query.get('response-content-encoding'),
  ResponseContentLanguage: call.query.get('response-content-language'),
  ResponseExpires: dateHeader(call.query.get('response-expires')),
});

export const getObjectRoute: S3Route<GetObjectCommandInput, GetObjectOutput> = {
  input: objectReadInput,
  output: (out) => ({ status: out.ContentRange ? 206 : 200, headers: representationHeaders(out), body: out.Body }),
};
