import { header, originalHost, type WireRequest } from '../http/wire.js';

/**
 * Where an S3 request points: virtual-hosted (`{bucket}.s3.{region}.amazonaws.com/{key}`, the host from
 * `x-forwarded-host` when the register preload redirected it) or path style (`/{bucket}/{key}` on any
 * other host, e.g. the SDK with `forcePathStyle` against the local cloud URL).
 */
export interface S3Address {
  bucket?: string;
  /** Decoded object key; undefined for bucket- and service-level requests. */
  key?: string;
  virtualHosted: boolean;
}

const VHOST = /^(.+)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;
const S3_HOST = /^s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;
/** Local form of a presigned URL for curl and browsers: `/_sandlot/s3/{original host}/{key}?{query}`. */
export const LOCAL_URL_PREFIX = '/_sandlot/s3/';

const hostName = (req: WireRequest) => originalHost(req).toLowerCase().replace(/:\d+$/, '');

export function isS3Host(req: WireRequest): boolean {
  const h = hostName(req);
  return VHOST.test(h) || S3_HOST.test(h);
}

/** Turns a local-form URL (`/_sandlot/s3/<host>/<path>`) back into the request the client signed. */
export function unwrapLocalUrl(req: WireRequest): WireRequest {
  if (!req.path.startsWith(LOCAL_URL_PREFIX)) return req;
  const rest = req.path.slice(LOCAL_URL_PREFIX.length);
  const slash = rest.indexOf('/');
  const host = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
  return { ...req, path: slash < 0 ? '/' : rest.slice(slash), headers: { ...req.headers, 'x-forwarded-host': host } };
}

export function resolveAddress(req: WireRequest): S3Address {
  const m = VHOST.exec(hostName(req));
  const path = req.path || '/';
  if (m) {
    const key = path.length > 1 ? decodeKey(path.slice(1)) : undefined;
    return { bucket: m[1], key, virtualHosted: true };
  }
  const rest = path.slice(1);
  if (!rest) return { virtualHosted: false };
  const slash = rest.indexOf('/');
  if (slash < 0) return { bucket: decodeKey(rest), virtualHosted: false };
  const key = rest.slice(slash + 1);
  return { bucket: decodeKey(rest.slice(0, slash)), key: key ? decodeKey(key) : undefined, virtualHosted: false };
}

/** The first path segment, when the request is path-style (used to claim requests for existing buckets). */
export function pathStyleBucket(req: WireRequest): string | undefined {
  const seg = req.path.split('/')[1];
  return seg ? safeDecode(seg) : undefined;
}

/** The SigV4 credential-scope service of a header- or query-signed request. */
export function signedService(req: WireRequest): string | undefined {
  const auth = header(req, 'authorization');
  if (auth) return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(auth)?.[1];
  const cred = req.query.find(([k]) => k === 'X-Amz-Credential')?.[1];
  return cred?.split('/')[3];
}

const decodeKey = (s: string) => safeDecode(s);
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
