import type { WireRequest, WireResponse } from '../http/wire.js';
import type { S3Address } from './addressing.js';
import { InvalidArgument, MetadataTooLarge } from './errors.js';
import type { Payload } from './payload.js';

/** One authenticated S3 request, as the operations' route bindings read it. */
export interface S3Call {
  req: WireRequest;
  address: S3Address;
  /** The body, read whole and verified (aws-chunked already decoded); empty for operations that stream it. */
  body: Buffer;
  trailers: Record<string, string>;
  /** The body as it arrives, for the operations that stream it into a blob (PutObject, UploadPart). */
  payload: Payload;
  /** First value of each query parameter. */
  query: Map<string, string>;
  requestId: string;
}

/** How an operation's typed input is read off the REST request and its typed output written back. */
export interface S3Route<I, O> {
  input(call: S3Call): I;
  output(out: O, call: S3Call): WireResponse;
}

export const h = (call: S3Call, name: string): string | undefined => call.req.headers[name];

export const bucketOf = (call: S3Call): string => call.address.bucket ?? '';
export const keyOf = (call: S3Call): string => call.address.key ?? '';

/** `x-amz-meta-*` request headers → `Metadata` (names lower-cased, as S3 stores them). */
export function metadataOf(call: S3Call): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let size = 0;
  let any = false;
  for (const [k, v] of Object.entries(call.req.headers)) {
    if (!k.startsWith('x-amz-meta-')) continue;
    const name = k.slice('x-amz-meta-'.length);
    out[name] = v;
    size += name.length + v.length;
    any = true;
  }
  if (size > 2048) throw new MetadataTooLarge();
  return any ? out : undefined;
}

/** The payload length the request announces: `x-amz-decoded-content-length` for aws-chunked bodies, else `Content-Length`. */
export function expectedLength(call: S3Call): number | undefined {
  const raw = call.payload.chunked ? h(call, 'x-amz-decoded-content-length') : h(call, 'content-length');
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

export const dateHeader = (v: string | undefined): Date | undefined => {
  if (v === undefined) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

export function intParam(call: S3Call, name: string, { min, max }: { min: number; max: number }): number | undefined {
  const raw = call.query.get(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > max) {
    throw new InvalidArgument(`${name} must be an integer between ${min} and ${max}`, name, raw);
  }
  return n;
}

/** Representation fields shared by GetObject / HeadObject / PutObject / CreateMultipartUpload inputs. */
export const representationInput = (call: S3Call) => ({
  ContentType: h(call, 'content-type'),
  CacheControl: h(call, 'cache-control'),
  ContentDisposition: h(call, 'content-disposition'),
  ContentEncoding: stripAwsChunked(h(call, 'content-encoding')),
  ContentLanguage: h(call, 'content-language'),
  Expires: dateHeader(h(call, 'expires')),
  Metadata: metadataOf(call),
});

const stripAwsChunked = (v: string | undefined) => {
  const rest = v?.split(',').map((s) => s.trim()).filter((s) => s && s !== 'aws-chunked').join(',');
  return rest || undefined;
};

export interface RepresentationOutput {
  ContentType?: string;
  ContentLength?: number;
  ETag?: string;
  LastModified?: Date;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  Expires?: Date;
  ContentRange?: string;
  AcceptRanges?: string;
  Metadata?: Record<string, string>;
}

/** Writes object representation fields of an output as S3's response headers. */
export function representationHeaders(o: RepresentationOutput): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (name: string, v: string | number | Date | undefined) => {
    if (v !== undefined) out[name] = v instanceof Date ? v.toUTCString() : String(v);
  };
  set('content-type', o.ContentType);
  set('content-length', o.ContentLength);
  set('etag', o.ETag);
  set('last-modified', o.LastModified);
  set('cache-control', o.CacheControl);
  set('content-disposition', o.ContentDisposition);
  set('content-encoding', o.ContentEncoding);
  set('content-language', o.ContentLanguage);
  set('expires', o.Expires);
  set('content-range', o.ContentRange);
  set('accept-ranges', o.AcceptRanges);
  for (const [k, v] of Object.entries(o.Metadata ?? {})) out[`x-amz-meta-${k}`] = v;
  return out;
}

export const xmlResponse = (body: string, headers: Record<string, string> = {}): WireResponse => ({
  status: 200,
  headers: { 'content-type': 'application/xml', ...headers },
  body,
});

export const emptyResponse = (status: number, headers: Record<string, string> = {}): WireResponse => ({ status, headers, body: '' });
