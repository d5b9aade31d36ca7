import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CredentialResolver, KeyOwner } from '../iam/credentials.js';
import { header, originalHost, type WireRequest } from './wire.js';

/**
 * SigV4 verification: the canonical request and string to sign rebuilt over exactly the headers the client
 * signed (the official signer's rules, `@smithy/signature-v4`, which `sigv4.test.ts` holds this to), the
 * signature computed with node:crypto under a cached signing key, and compared. Header and presigned-query forms.
 */
export type SigV4Failure = 'missing' | 'malformed' | 'unknown-key' | 'mismatch' | 'expired' | 'skewed' | 'token';

export class SigV4Error extends Error {
  constructor(readonly reason: SigV4Failure, message: string) {
    super(message);
  }
}

export interface VerifiedCaller {
  accessKeyId: string;
  region: string;
  service: string;
  owner: KeyOwner;
  /** What the signatures of an aws-chunked body chain from: the request's signature, its time and scope, the signing key. */
  seed: ChunkSeed;
}

export interface ChunkSeed {
  signature: string;
  amzDate: string;
  /** `<yyyymmdd>/<region>/<service>/aws4_request` */
  scope: string;
  signingKey(): Buffer;
}

interface Parsed {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  expiresSeconds?: number;
  presigned: boolean;
}

const PRESIGN_PARAMS = new Set(['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Security-Token']);
const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/;

export function isSigned(req: WireRequest): boolean {
  return Boolean(header(req, 'authorization')?.startsWith('AWS4-HMAC-SHA256') || req.query.some(([k]) => k === 'X-Amz-Signature'));
}

function parse(req: WireRequest): Parsed {
  const auth = header(req, 'authorization');
  if (auth) {
    const m = AUTH.exec(auth.trim());
    if (!m) throw new SigV4Error('malformed', 'Authorization header requires Credential, SignedHeaders and Signature parameters for AWS4-HMAC-SHA256.');
    const amzDate = header(req, 'x-amz-date') ?? '';
    return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]!, signedHeaders: m[5]!.split(';'), signature: m[6]!, amzDate, presigned: false };
  }
  const q = new Map(req.query);
  const cred = q.get('X-Amz-Credential')?.split('/');
  const signature = q.get('X-Amz-Signature');
  if (!signature) throw new SigV4Error('missing', 'Request is missing Authentication Token');
  if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !cred || cred.length !== 5) {
    throw new SigV4Error('malformed', 'X-Amz-Algorithm and X-Amz-Credential are required for presigned requests.');
  }
  return {
    accessKeyId: cred[0]!, date: cred[1]!, region: cred[2]!, service: cred[3]!,
    signedHeaders: (q.get('X-Amz-SignedHeaders') ?? 'host').split(';'),
    signature, amzDate: q.get('X-Amz-Date') ?? '', expiresSeconds: Number(q.get('X-Amz-Expires') ?? '900'), presigned: true,
  };
}

const parseAmzDate = (s: string): Date | undefined => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
};

export interface VerifyOptions {
  resolver: CredentialResolver;
  now: Date;
  /** S3 signs the path as sent; every other service double-encodes it. */
  uriEscapePath?: boolean;
  /** Payload hash presigned URLs were signed over (S3: `UNSIGNED-PAYLOAD`); default: the body's hash. */
  presignedPayloadHash?: string;
}

export async function verifySigV4(req: WireRequest, opts: VerifyOptions): Promise<VerifiedCaller> {
  const p = parse(req);
  const owner = opts.resolver.lookup(p.accessKeyId);
  if (!owner) throw new SigV4Error('unknown-key', `The AWS Access Key Id ${p.accessKeyId} you provided does not exist in our records.`);
  const signingDate = parseAmzDate(p.amzDate);
  if (!signingDate) throw new SigV4Error('malformed', 'X-Amz-Date is missing or not in the ISO8601 basic format YYYYMMDD\'T\'HHMMSS\'Z\'.');
  const token = p.presigned ? new Map(req.query).get('X-Amz-Security-Token') : header(req, 'x-amz-security-token');
  if ((owner.sessionToken ?? undefined) !== (token ?? undefined)) throw new SigV4Error('token', 'The security token included in the request is invalid.');
  const skew = opts.now.getTime() - signingDate.getTime();
  if (p.presigned) {
    if (skew > (p.expiresSeconds ?? 900) * 1000) throw new SigV4Error('expired', 'Request has expired');
    if ((p.expiresSeconds ?? 900) > MAX_PRESIGNED_TTL) throw new SigV4Error('malformed', 'X-Amz-Expires must be less than a week (in seconds) that is 604800');
  } else if (Math.abs(skew) > 15 * 60 * 1000) {
    throw new SigV4Error('skewed', 'Signature expired: the difference between the request time and the current time is too large.');
  }
  if (owner.expiration && owner.expiration.getTime() < opts.now.getTime()) throw new SigV4Error('expired', 'The security token included in the request is expired');

  // The time as the signer formats it (a date that only parsed by rolling over signs as the rolled-over one).
  const longDate = signingDate.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  const scope = `${longDate.slice(0, 8)}/${p.region}/${p.service}/aws4_request`;
  const expected = hmacHex(signingKeyOf(owner.secretAccessKey, longDate.slice(0, 8), p.region, p.service), stringToSign(longDate, scope, canonicalRequest(req, p, owner, longDate, scope, opts)));
  const a = Buffer.from(expected);
  const b = Buffer.from(p.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new SigV4Error('mismatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
  }
  const chunkScope = `${p.date}/${p.region}/${p.service}/aws4_request`;
  const signingKey = () => signingKeyOf(owner.secretAccessKey, p.date, p.region, p.service);
  return { accessKeyId: p.accessKeyId, region: p.region, service: p.service, owner, seed: { signature: p.signature, amzDate: p.amzDate, scope: chunkScope, signingKey } };
}

/** Longest presigned URL lifetime (one week), as the signer refuses longer ones. */
const MAX_PRESIGNED_TTL = 60 * 60 * 24 * 7;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** Headers the signer never signs itself (prepareRequest): a client's value for them is not what it signed. */
const GENERATED = new Set(['authorization', 'x-amz-date', 'date']);

/**
 * The canonical request (SigV4 "Task 1") the client signed, rebuilt from the request with the rules of the
 * official signer (`@smithy/signature-v4`, whose canonical form AWS checks): the path normalised and
 * double-encoded unless S3, the query sorted by encoded name (repeated names sorted by `name=value`), the
 * signed headers with whitespace folded, the payload hash from a signed `x-amz-content-sha256` or the body.
 * Header form: the signer always signs `x-amz-date` (and `x-amz-security-token` for a session), so those are
 * in the canonical headers whatever the client listed. Presigned form: the `X-Amz-*` parameters are rebuilt as
 * the signer writes them.
 */
function canonicalRequest(req: WireRequest, p: Parsed, owner: KeyOwner, longDate: string, scope: string, opts: VerifyOptions): string {
  const headers = new Map<string, string>();
  for (const listed of p.signedHeaders) {
    const name = listed.toLowerCase();
    if (GENERATED.has(name)) continue;
    headers.set(name, name === 'host' ? originalHost(req) : header(req, name) ?? '');
  }
  const query: [string, string][] = [];
  let payloadHash: string | undefined;
  if (p.presigned) {
    for (const kv of req.query) if (!PRESIGN_PARAMS.has(kv[0])) query.push(kv);
    if (owner.sessionToken) query.push(['X-Amz-Security-Token', owner.sessionToken]);
    query.push(['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'], ['X-Amz-Credential', `${p.accessKeyId}/${scope}`], ['X-Amz-Date', longDate], ['X-Amz-Expires', String(p.expiresSeconds)]);
    if (opts.presignedPayloadHash) {
      // Only says which payload hash the URL was signed over (S3: UNSIGNED-PAYLOAD); signed as a header only when listed.
      payloadHash = new Map(req.query).get('X-Amz-Content-Sha256') ?? opts.presignedPayloadHash;
      if (headers.has('x-amz-content-sha256')) headers.set('x-amz-content-sha256', payloadHash);
    }
    query.push(['X-Amz-SignedHeaders', [...headers.keys()].sort().join(';')]);
  } else {
    query.push(...req.query);
    headers.set('x-amz-date', longDate);
    if (owner.sessionToken) headers.set('x-amz-security-token', owner.sessionToken);
  }
  payloadHash ??= headers.get('x-amz-content-sha256') ?? (req.body.length ? createHash('sha256').update(req.body).digest('hex') : EMPTY_SHA256);
  const names = [...headers.keys()].sort();
  let canonicalHeaders = '';
  for (const name of names) canonicalHeaders += `${name}:${foldHeaderValue(headers.get(name)!)}\n`;
  const path = opts.uriEscapePath ?? true ? canonicalPath(req.path) : req.path;
  return `${req.method}\n${path}\n${canonicalQuery(query)}\n${canonicalHeaders}\n${names.join(';')}\n${payloadHash}`;
}

const foldHeaderValue = (v: string): string => v.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');

const escapeUri = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `.` and `..` segments resolved, empty segments dropped, then URI-encoded once more (every service but S3). */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalised = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalised).replace(/%2F/g, '/');
}

/** Sorted by encoded name; a repeated name's `name=value` pairs sorted among themselves; `X-Amz-Signature` never. */
function canonicalQuery(query: [string, string][]): string {
  if (query.length === 0) return '';
  const byName = new Map<string, string[]>();
  for (const [k, v] of query) {
    if (k.toLowerCase() === 'x-amz-signature') continue;
    const name = escapeUri(k);
    const pair = `${name}=${escapeUri(v)}`;
    const list = byName.get(name);
    if (list) list.push(pair);
    else byName.set(name, [pair]);
  }
  return [...byName.keys()].sort().map((name) => byName.get(name)!.sort().join('&')).join('&');
}

const stringToSign = (longDate: string, scope: string, canonical: string): string =>
  `AWS4-HMAC-SHA256\n${longDate}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;

const hmacHex = (key: Buffer, data: string): string => createHmac('sha256', key).update(data).digest('hex');

/**
 * Signing keys (`AWS4<secret>` → date → region → service → `aws4_request`), cached: a key serves every request
 * of its day. Bounded; the oldest entry goes first. Keyed by the secret itself (held in memory by the keyring anyway).
 */
const signingKeys = new Map<string, Buffer>();
const MAX_SIGNING_KEYS = 256;

export function signingKeyOf(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${date}/${region}/${service}/${secret}`;
  let key = signingKeys.get(id);
  if (key) return key;
  key = Buffer.from(`AWS4${secret}`);
  for (const part of [date, region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.delete(signingKeys.keys().next().value!);
  signingKeys.set(id, key);
  return key;
}
