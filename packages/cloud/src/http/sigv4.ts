import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import type { CredentialResolver, KeyOwner } from '../iam/credentials.js';
import { header, originalHost, type WireRequest } from './wire.js';

/**
 * SigV4 verification by re-signing with the official signer (`@smithy/signature-v4`) over exactly
 * the headers the client signed, and comparing signatures. Header and presigned-query forms.
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
  } else if (Math.abs(skew) > 15 * 60 * 1000) {
    throw new SigV4Error('skewed', 'Signature expired: the difference between the request time and the current time is too large.');
  }
  if (owner.expiration && owner.expiration.getTime() < opts.now.getTime()) throw new SigV4Error('expired', 'The security token included in the request is expired');

  const headers: Record<string, string> = {};
  for (const name of p.signedHeaders) headers[name] = name === 'host' ? originalHost(req) : header(req, name) ?? '';
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of req.query) {
    if (p.presigned && PRESIGN_PARAMS.has(k)) continue;
    const prev = query[k];
    query[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: p.accessKeyId, secretAccessKey: owner.secretAccessKey, sessionToken: owner.sessionToken },
    region: p.region,
    service: p.service,
    sha256: NodeSha256,
    uriEscapePath: opts.uriEscapePath ?? true,
    applyChecksum: false,
  });
  const request = { method: req.method, protocol: 'https:', hostname: headers.host ?? '', path: req.path, query, headers, body: req.body };
  const signable = new Set(p.signedHeaders);
  let expected: string;
  if (p.presigned) {
    // Not a signed header (and never hoisted): only tells the signer which payload hash the URL was signed over.
    const unhoistable = new Set(signable);
    if (opts.presignedPayloadHash) {
      headers['x-amz-content-sha256'] = new Map(req.query).get('X-Amz-Content-Sha256') ?? opts.presignedPayloadHash;
      unhoistable.add('x-amz-content-sha256');
    }
    const signed = await signer.presign(request, { signingDate, expiresIn: p.expiresSeconds, signableHeaders: signable, unhoistableHeaders: unhoistable, unsignableHeaders: new Set(['x-amz-content-sha256'].filter((h) => !signable.has(h))) });
    expected = String(signed.query?.['X-Amz-Signature'] ?? '');
  } else {
    if (!headers['x-amz-content-sha256'] && !signable.has('x-amz-content-sha256')) delete headers['x-amz-content-sha256'];
    const signed = await signer.sign(request, { signingDate, signableHeaders: signable });
    expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? '';
  }
  const a = Buffer.from(expected);
  const b = Buffer.from(p.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new SigV4Error('mismatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
  }
  const scope = `${p.date}/${p.region}/${p.service}/aws4_request`;
  const signingKey = () => [p.date, p.region, p.service, 'aws4_request'].reduce<Buffer>((key, part) => createHmac('sha256', key).update(part).digest(), Buffer.from(`AWS4${owner.secretAccessKey}`));
  return { accessKeyId: p.accessKeyId, region: p.region, service: p.service, owner, seed: { signature: p.signature, amzDate: p.amzDate, scope, signingKey } };
}

/** The signer's checksum interface over node:crypto (`@smithy/hash-node` is not a direct dependency). */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

const toBytes = (d: string | ArrayBuffer | ArrayBufferView): string | Uint8Array =>
  typeof d === 'string' ? d : d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
