import type { ObjectAttributes, StoredObject } from './store.js';
import type { RepresentationOutput } from './rest.js';

interface RepresentationInput {
  ContentType?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  Expires?: Date;
  Metadata?: Record<string, string>;
}

/** What of a PUT / CreateMultipartUpload input is stored with the object. */
export function attributesOf(input: RepresentationInput): ObjectAttributes {
  const headers: Record<string, string> = {};
  if (input.CacheControl !== undefined) headers['cache-control'] = input.CacheControl;
  if (input.ContentDisposition !== undefined) headers['content-disposition'] = input.ContentDisposition;
  if (input.ContentEncoding !== undefined) headers['content-encoding'] = input.ContentEncoding;
  if (input.ContentLanguage !== undefined) headers['content-language'] = input.ContentLanguage;
  if (input.Expires !== undefined) headers.expires = input.Expires.toUTCString();
  return { contentType: input.ContentType ?? 'application/octet-stream', headers, metadata: input.Metadata ?? {} };
}

/** The stored object as GetObject / HeadObject output fields. */
export function representationOf(o: StoredObject): RepresentationOutput {
  return {
    ContentType: o.contentType,
    ContentLength: o.size,
    ETag: o.etag,
    LastModified: o.modified,
    CacheControl: o.headers['cache-control'],
    ContentDisposition: o.headers['content-disposition'],
    ContentEncoding: o.headers['content-encoding'],
    ContentLanguage: o.headers['content-language'],
    Expires: o.headers.expires ? new Date(o.headers.expires) : undefined,
    AcceptRanges: 'bytes',
    Metadata: o.metadata,
  };
}
