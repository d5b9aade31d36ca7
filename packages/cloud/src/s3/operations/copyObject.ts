import type { CopyObjectCommandInput, CopyObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { assertKey, quoteEtag, requireBucket, sameEtag } from '../checks.js';
import { InvalidArgument, InvalidRequest, NoSuchBucket, NoSuchKey, PreconditionFailed } from '../errors.js';
import { bucketOf, dateHeader, h, keyOf, representationInput, xmlResponse, type S3Route } from '../rest.js';
import { attributesOf } from '../responses.js';
import { xmlDocument } from '../xml.js';

export type CopyObjectOperation = Operation<CopyObjectCommandInput, WireOutput<CopyObjectCommandOutput>>;

/** `x-amz-copy-source`: `[/]bucket/key[?versionId=…]`, URL-encoded. */
export function parseCopySource(source: string | undefined): { bucket: string; key: string } {
  const raw = (source ?? '').split('?')[0]!.replace(/^\//, '');
  const slash = raw.indexOf('/');
  if (slash <= 0 || slash === raw.length - 1) throw new InvalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey', 'x-amz-copy-source', source ?? '');
  try {
    return { bucket: decodeURIComponent(raw.slice(0, slash)), key: decodeURIComponent(raw.slice(slash + 1)) };
  } catch {
    throw new InvalidArgument('Invalid copy source encoding', 'x-amz-copy-source', source ?? '');
  }
}

/** Needs `get` on the source and `write` on the destination. */
export const CopyObject = ({ objects, gate, clock }: Pick<S3Services, 'objects' | 'gate' | 'clock'>): CopyObjectOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    assertKey(input.Key);
    const src = parseCopySource(input.CopySource);
    const srcBucket = requireBucket(objects, src.bucket).name;
    gate.require(ctx, srcBucket, 'get', src.key);
    gate.require(ctx, bucket, 'write', input.Key);
    const source = objects.object(srcBucket, src.key);
    if (!source) throw new NoSuchKey(src.key);
    if (input.CopySourceIfMatch !== undefined && !sameEtag(input.CopySourceIfMatch, source.etag)) throw new PreconditionFailed('x-amz-copy-source-If-Match');
    if (input.CopySourceIfNoneMatch !== undefined && sameEtag(input.CopySourceIfNoneMatch, source.etag)) throw new PreconditionFailed('x-amz-copy-source-If-None-Match');
    if (input.CopySourceIfUnmodifiedSince && source.modified > input.CopySourceIfUnmodifiedSince) throw new PreconditionFailed('x-amz-copy-source-If-Unmodified-Since');
    const replace = input.MetadataDirective === 'REPLACE';
    if (input.MetadataDirective !== undefined && !replace && input.MetadataDirective !== 'COPY') {
      throw new InvalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', input.MetadataDirective);
    }
    if (srcBucket === bucket && src.key === input.Key && !replace) {
      throw new InvalidRequest("This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
    }
    // A copy is a single-part object: its ETag is the MD5 of the bytes (a multipart source's `-N` ETag is not).
    const blob = await objects.blobs.concat([source.blob], { md5: source.etag.includes('-') });
    const etag = blob.md5 ? quoteEtag(blob.md5) : source.etag;
    const modified = clock.now();
    const attributes = replace ? attributesOf(input) : { contentType: source.contentType, headers: source.headers, metadata: source.metadata };
    if (!objects.putObject({ bucket, key: input.Key, size: blob.size, etag, modified, blob: blob.id, ...attributes })) throw new NoSuchBucket(bucket);
    return { CopyObjectResult: { ETag: etag, LastModified: modified } };
  };

export const copyObjectRoute: S3Route<CopyObjectCommandInput, WireOutput<CopyObjectCommandOutput>> = {
  input: (call) => ({
    Bucket: bucketOf(call),
    Key: keyOf(call),
    CopySource: h(call, 'x-amz-copy-source'),
    MetadataDirective: h(call, 'x-amz-metadata-directive') as CopyObjectCommandInput['MetadataDirective'],
    CopySourceIfMatch: h(call, 'x-amz-copy-source-if-match'),
    CopySourceIfNoneMatch: h(call, 'x-amz-copy-source-if-none-match'),
    CopySourceIfUnmodifiedSince: dateHeader(h(call, 'x-amz-copy-source-if-unmodified-since')),
    ...representationInput(call),
  }),
  output: (out) => xmlResponse(xmlDocument('CopyObjectResult', { ...out.CopyObjectResult })),
};
