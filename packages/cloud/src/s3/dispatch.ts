import type { WireRequest } from '../http/wire.js';
import type { S3Address } from './addressing.js';
import type { S3OperationName } from './operations/index.js';
import { MethodNotAllowed, NotImplemented } from './errors.js';

/** Bucket sub-resources Sandlot does not serve (named in the refusal). */
const BUCKET_SUBRESOURCES = ['acl', 'cors', 'policy', 'lifecycle', 'versioning', 'versions', 'tagging', 'website', 'notification', 'encryption', 'uploads', 'object-lock', 'replication', 'logging', 'ownershipControls', 'publicAccessBlock'];
const OBJECT_SUBRESOURCES = ['acl', 'tagging', 'retention', 'legal-hold', 'attributes', 'torrent', 'restore', 'select'];

/** S3's REST routing: method × (service | bucket | object) × sub-resource query → operation. */
export function operationFor(req: WireRequest, a: S3Address, query: Map<string, string>): S3OperationName {
  const m = req.method.toUpperCase();
  if (!a.bucket) {
    if (m === 'GET') return 'ListBuckets';
    throw new MethodNotAllowed(m, 'SERVICE');
  }
  if (a.key === undefined) {
    const sub = BUCKET_SUBRESOURCES.find((s) => query.has(s));
    if (m === 'GET' && query.has('location')) return 'GetBucketLocation';
    if (sub) throw new NotImplemented(`the bucket ?${sub} sub-resource`);
    switch (m) {
      case 'GET':
        if (query.get('list-type') === '2') return 'ListObjectsV2';
        throw new NotImplemented('ListObjects (v1); use ListObjectsV2');
      case 'HEAD': return 'HeadBucket';
      case 'PUT': return 'CreateBucket';
      case 'DELETE': return 'DeleteBucket';
      case 'POST':
        if (query.has('delete')) return 'DeleteObjects';
    }
    throw new MethodNotAllowed(m, 'BUCKET');
  }
  const sub = OBJECT_SUBRESOURCES.find((s) => query.has(s));
  if (sub) throw new NotImplemented(`the object ?${sub} sub-resource`);
  switch (m) {
    case 'GET':
      return query.has('uploadId') ? 'ListParts' : 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'PUT':
      if (query.has('partNumber') && query.has('uploadId')) {
        if (req.headers['x-amz-copy-source']) throw new NotImplemented('UploadPartCopy');
        return 'UploadPart';
      }
      return req.headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject';
    case 'DELETE':
      return query.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
    case 'POST':
      if (query.has('uploads')) return 'CreateMultipartUpload';
      if (query.has('uploadId')) return 'CompleteMultipartUpload';
      throw new NotImplemented('POST object uploads (browser form posts)');
  }
  throw new MethodNotAllowed(m, 'OBJECT');
}
