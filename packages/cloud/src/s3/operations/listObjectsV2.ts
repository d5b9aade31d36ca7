import type { ListObjectsV2CommandInput, ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { requireBucket } from '../checks.js';
import { InvalidArgument } from '../errors.js';
import { listPage, type ListCursor } from '../listing.js';
import { bucketOf, intParam, xmlResponse, type S3Route } from '../rest.js';
import { xmlDocument } from '../xml.js';

export type ListObjectsV2Operation = Operation<ListObjectsV2CommandInput, WireOutput<ListObjectsV2CommandOutput>>;

/**
 * Echoes Prefix / Delimiter / MaxKeys / ContinuationToken / StartAfter exactly as sent (aws-amplify
 * checks them), KeyCount = Contents + CommonPrefixes, and a NextContinuationToken iff IsTruncated.
 * Continuation tokens are sealed cursors bound to bucket, prefix and delimiter. Needs `list` on the prefix.
 */
export const ListObjectsV2 = ({ objects, gate, tokens }: Pick<S3Services, 'objects' | 'gate' | 'tokens'>): ListObjectsV2Operation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    const prefix = input.Prefix ?? '';
    gate.require(ctx, bucket, 'list', prefix);
    const scope = `s3:list\0${bucket}\0${prefix}\0${input.Delimiter ?? ''}`;
    let start: ListCursor | undefined;
    if (input.ContinuationToken !== undefined) {
      const opened = tokens.open(input.ContinuationToken, scope);
      if (!opened) throw new InvalidArgument('The continuation token provided is incorrect', 'continuation-token', input.ContinuationToken);
      start = JSON.parse(opened) as ListCursor;
    } else if (input.StartAfter) {
      start = { after: input.StartAfter };
    }
    const maxKeys = input.MaxKeys ?? 1000;
    const page = listPage(objects, bucket, { prefix, delimiter: input.Delimiter, start, maxKeys: Math.min(maxKeys, 1000) });
    const encode = input.EncodingType === 'url' ? urlEncode : (s: string) => s;
    return {
      Name: bucket,
      Prefix: input.Prefix === undefined ? undefined : encode(input.Prefix),
      Delimiter: input.Delimiter === undefined ? undefined : encode(input.Delimiter),
      MaxKeys: maxKeys,
      EncodingType: input.EncodingType,
      KeyCount: page.contents.length + page.commonPrefixes.length,
      IsTruncated: Boolean(page.next),
      ContinuationToken: input.ContinuationToken,
      NextContinuationToken: page.next ? tokens.seal(JSON.stringify(page.next), scope) : undefined,
      StartAfter: input.StartAfter === undefined ? undefined : encode(input.StartAfter),
      Contents: page.contents.map((c) => ({ Key: encode(c.key), LastModified: c.modified, ETag: c.etag, Size: c.size, StorageClass: 'STANDARD' })),
      CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
    };
  };

/** S3's `encoding-type=url`: percent-encoding that keeps `/` (clients decode with decodeURIComponent). */
const urlEncode = (s: string) => encodeURIComponent(s).replace(/%2F/g, '/');

export const listObjectsV2Route: S3Route<ListObjectsV2CommandInput, WireOutput<ListObjectsV2CommandOutput>> = {
  input: (call) => {
    const encoding = call.query.get('encoding-type');
    if (encoding !== undefined && encoding !== 'url') throw new InvalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encoding);
    return {
      Bucket: bucketOf(call),
      Prefix: call.query.get('prefix'),
      Delimiter: call.query.get('delimiter'),
      MaxKeys: intParam(call, 'max-keys', { min: 0, max: 2 ** 31 - 1 }),
      ContinuationToken: call.query.get('continuation-token'),
      StartAfter: call.query.get('start-after'),
      EncodingType: encoding as 'url' | undefined,
    };
  },
  output: (out) => xmlResponse(xmlDocument('ListBucketResult', {
    Name: out.Name, Prefix: out.Prefix, Delimiter: out.Delimiter, MaxKeys: out.MaxKeys, EncodingType: out.EncodingType,
    KeyCount: out.KeyCount, IsTruncated: out.IsTruncated, ContinuationToken: out.ContinuationToken,
    NextContinuationToken: out.NextContinuationToken, StartAfter: out.StartAfter,
    Contents: out.Contents, CommonPrefixes: out.CommonPrefixes,
  })),
};
