/**
 * Local S3 (REST-XML): what `aws-amplify/storage` (uploadData, downloadData, list, getUrl, getProperties,
 * copy, remove) and `@aws-sdk/client-s3` send — buckets, objects (PUT/GET with Range/HEAD/DELETE/copy),
 * DeleteObjects, ListObjectsV2, multipart uploads and presigned URLs, virtual-hosted (bucket from
 * `x-forwarded-host` / `host`) and path-style. Every request must be SigV4-signed (header or query) by a
 * key this account knows; identity-pool keys are held to the `defineStorage` rules, root keys are not.
 *
 * LIMITATIONS (differences from AWS): no versioning, ACLs, bucket policies, CORS configuration, tagging,
 * lifecycle, object lock, encryption settings, website hosting, event notifications or storage-class
 * behaviour; no ListObjects v1, ListMultipartUploads, UploadPartCopy, GetObject `partNumber`, or browser
 * POST uploads (answered `NotImplemented`). Rules: a signed-in user gets the union of the authenticated and
 * their groups' grants (AWS gives one role per session); AbortMultipartUpload/ListParts need `write`
 * (AWS needs separate IAM actions Amplify does not grant). Only checksums CRC32 and Content-MD5 are checked.
 *
 * Object bodies stream: a PUT/UploadPart body goes from the socket into a temp file as it arrives (after
 * the signature and the rules were checked), hashed on the way (MD5 for the ETag, CRC32, the signed
 * SHA-256 or the aws-chunked chunk signatures), and is renamed into place only when complete and verified;
 * downloads are streamed from the file. Other request bodies (XML documents) are read whole.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceModule, CallInfo } from '../http/serviceModule.js';
import type { WireRequest, WireResponse } from '../http/wire.js';
import { ServiceError } from '../http/serviceError.js';
import type { RequestContext } from '../context.js';
import type { CloudServices } from '../services.js';
import { isS3Host, LOCAL_URL_PREFIX, pathStyleBucket, resolveAddress, signedService, unwrapLocalUrl } from './addressing.js';
import { authenticate } from './auth.js';
import { operationFor } from './dispatch.js';
import { S3Error } from './errors.js';
import { buildS3Operations, s3Routes } from './operations/index.js';
import { xmlError } from './xml.js';
import { assertStorageConfig, type StorageConfig } from './config.js';
import type { ObjectStore } from './store.js';
import type { AccessGate } from './gate.js';
import type { S3Call } from './rest.js';
import { Payload } from './payload.js';

export { createObjectStore, type ObjectStore, type StoredObject } from './store.js';
export { createAccessGate, type AccessGate } from './gate.js';
export { s3Operations } from './operations/index.js';
export type { StorageConfig, StorageBucketConfig, StorageAccessRule, StorageAction } from './config.js';

/** Operations whose body goes straight from the request into a blob. */
const STREAMED = new Set<string>(['PutObject', 'UploadPart']);
const EMPTY = Buffer.alloc(0);

export function s3Service(s: CloudServices): ServiceModule {
  // Built on the first S3 request: a process that never serves S3 never opens its store.
  let built: ReturnType<typeof buildS3Operations> | undefined;
  const ops = () => (built ??= buildS3Operations({ objects: s.objects, gate: s.objectAccess, clock: s.clock, tokens: s.tokens, region: s.region }));
  return {
    name: 's3',
    streamsBody: true,
    matches(req) {
      if (req.path.startsWith(LOCAL_URL_PREFIX) || signedService(req) === 's3' || isS3Host(req)) return true;
      const bucket = pathStyleBucket(req);
      return bucket !== undefined && s.objects.bucket(bucket) !== undefined;
    },
    async handle(raw: WireRequest, call: CallInfo): Promise<WireResponse> {
      const req = unwrapLocalUrl(raw);
      const logger = call.logger.child({ service: 's3' });
      const cors = corsHeaders(req);
      if (req.method === 'OPTIONS') return { status: 200, headers: { ...cors, ...preflight(req), ...ids(call.requestId) }, body: '' };
      let operation = '';
      try {
        const auth = await authenticate(req, s.credentials, s.clock.now());
        const address = resolveAddress(req);
        const query = new Map<string, string>();
        for (const [k, v] of req.query) if (!query.has(k)) query.set(k, v);
        const name = operationFor(req, address, query);
        operation = name;
        const payload = new Payload(auth.req.stream ?? auth.req.body, auth.proof);
        // Object bodies stream into their blob inside the operation (after its access checks); the rest are small documents.
        const { body, trailers } = STREAMED.has(name) ? { body: EMPTY, trailers: {} } : await payload.buffer();
        const c: S3Call = { req: auth.req, address, body, trailers, payload, query, requestId: call.requestId };
        const ctx: RequestContext = { requestId: call.requestId, service: 's3', operation: name, region: s.region, accountId: s.accountId, accessKeyId: auth.accessKeyId, logger: logger.child({ op: name }) };
        const route = s3Routes[name];
        const input = route.input(c);
        const output = await (ops()[name] as (ctx: RequestContext, input: unknown) => Promise<unknown>)(ctx, input);
        const res = route.output(output, c);
        Object.assign(res.headers, cors, ids(call.requestId));
        if (req.method === 'HEAD') res.body = '';
        return res;
      } catch (err) {
        return errorResponse(err, req, call, operation, cors, logger);
      }
    },
  };
}

/** Creates or updates the buckets of `defineStorage` and their access rules (idempotent; objects are kept). */
export function applyStorageConfig(services: Pick<CloudServices, 'objects' | 'objectAccess' | 'clock' | 'region'>, config: StorageConfig): void {
  assertStorageConfig(config);
  const now = services.clock.now();
  const wanted = new Set(config.buckets.map((b) => b.bucketName));
  for (const b of config.buckets) {
    services.objects.createBucket(b.bucketName, b.region ?? services.region, now);
    services.objects.putStorageRules({ ...b, paths: b.paths ?? {} });
  }
  // Buckets dropped from the backend keep their objects but lose their rules (only root keys get in).
  for (const old of services.objects.storageRules()) if (!wanted.has(old.bucketName)) services.objects.deleteStorageRules(old.bucketName);
  services.objectAccess.reload();
}

/**
 * The local-cloud form of an S3 URL (e.g. what `getUrl` returns), for curl and browsers without the
 * register preload: `http://127.0.0.1:4010/_sandlot/s3/<bucket>.s3.<region>.amazonaws.com/<key>?<signed query>`.
 * The signature still checks: the original host rides in the path.
 */
export function localS3Url(url: string | URL, cloudUrl: string): string {
  const u = new URL(url.toString());
  return `${cloudUrl.replace(/\/$/, '')}${LOCAL_URL_PREFIX}${u.host}${u.pathname}${u.search}`;
}

const ids = (requestId: string) => ({ 'x-amz-request-id': requestId.replace(/-/g, '').slice(0, 16).toUpperCase(), 'x-amz-id-2': Buffer.from(requestId).toString('base64'), server: 'AmazonS3' });

function corsHeaders(req: WireRequest): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'ETag, x-amz-request-id, x-amz-id-2, x-amz-version-id, x-amz-checksum-crc32, Content-Range, Content-Length, Content-Type, Last-Modified, x-amz-meta-*',
    vary: 'Origin',
  };
}

const preflight = (req: WireRequest): Record<string, string> => ({
  'access-control-allow-methods': 'GET, PUT, POST, DELETE, HEAD',
  'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
  'access-control-max-age': '3000',
});

function errorResponse(err: unknown, req: WireRequest, call: CallInfo, operation: string, cors: Record<string, string>, logger: CallInfo['logger']): WireResponse {
  const e = err instanceof ServiceError ? err : undefined;
  if (!e) logger.error(`internal error in ${operation || 'S3'}: ${(err as Error)?.stack ?? String(err)}`);
  else logger.info(`${operation}: ${e.code}: ${e.message}`);
  const code = e?.code ?? 'InternalError';
  const status = e?.httpStatus ?? 500;
  const headers = { ...cors, ...ids(call.requestId) };
  if (req.method === 'HEAD' || status === 304) return { status, headers, body: '' };
  const fields = e instanceof S3Error ? e.fields : {};
  const message = e?.message ?? 'We encountered an internal error. Please try again.';
  const resource = req.path;
  return {
    status,
    headers: { ...headers, 'content-type': 'application/xml' },
    body: xmlError({ Code: code, Message: message, ...fields, ...(code === 'NoSuchKey' || code === 'NoSuchBucket' ? {} : { Resource: resource }), RequestId: headers['x-amz-request-id'], HostId: headers['x-amz-id-2'] ?? randomUUID() }),
  };
}
