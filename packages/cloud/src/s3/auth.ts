import { header, type WireRequest } from '../http/wire.js';
import { isSigned, SigV4Error, verifySigV4 } from '../http/sigv4.js';
import { readBody } from '../http/readBody.js';
import type { CredentialResolver, KeyOwner } from '../iam/credentials.js';
import type { PayloadProof } from './payload.js';
import {
  AccessDenied, AuthorizationHeaderMalformed, ExpiredToken, InvalidAccessKeyId, InvalidToken,
  RequestTimeTooSkewed, SignatureDoesNotMatch,
} from './errors.js';

export interface Authenticated {
  accessKeyId: string;
  owner: KeyOwner;
  /** The request, its body read when the signature had to cover it (no `x-amz-content-sha256`). */
  req: WireRequest;
  /** How the body is verified while it is read (after the operation's access checks). */
  proof: PayloadProof;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Every S3 request must be SigV4-signed (header or presigned query form) by a key this account knows;
 * S3 signs the path as sent (`uriEscapePath: false`). The signature covers the headers, which name the
 * body's hash: a hex `x-amz-content-sha256` must match the body, `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`
 * chunks must carry signatures chained from the request's; both are checked as the body is read.
 */
export async function authenticate(req: WireRequest, resolver: CredentialResolver, now: Date): Promise<Authenticated> {
  if (!isSigned(req)) throw new AccessDenied();
  const declared = header(req, 'x-amz-content-sha256');
  // A header-signed request without the hash header signs the body itself: read it first.
  if (req.stream && declared === undefined && header(req, 'authorization')) req = { ...req, body: await readBody(req.stream), stream: undefined };
  let verified;
  try {
    verified = await verifySigV4(req, { resolver, now, uriEscapePath: false, presignedPayloadHash: 'UNSIGNED-PAYLOAD' });
  } catch (err) {
    if (!(err instanceof SigV4Error)) throw err;
    switch (err.reason) {
      case 'unknown-key':
        throw new InvalidAccessKeyId(/Credential=([^/]+)/.exec(header(req, 'authorization') ?? '')?.[1] ?? req.query.find(([k]) => k === 'X-Amz-Credential')?.[1]?.split('/')[0] ?? '');
      case 'token':
        throw new InvalidToken();
      case 'expired':
        throw err.message === 'Request has expired' ? new AccessDenied('Request has expired') : new ExpiredToken();
      case 'skewed':
        throw new RequestTimeTooSkewed();
      case 'malformed':
        throw new AuthorizationHeaderMalformed(err.message);
      case 'missing':
        throw new AccessDenied();
      default:
        throw new SignatureDoesNotMatch();
    }
  }
  let proof: PayloadProof = { kind: 'none' };
  if (declared?.startsWith('STREAMING-') || (header(req, 'content-encoding') ?? '').includes('aws-chunked')) {
    const decoded = header(req, 'x-amz-decoded-content-length');
    const signed = declared === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' || declared === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
    proof = {
      kind: 'chunked',
      signing: signed && header(req, 'authorization') ? { seed: verified.seed, trailer: declared.endsWith('-TRAILER') } : undefined,
      decodedLength: decoded !== undefined && /^\d+$/.test(decoded) ? Number(decoded) : undefined,
    };
  } else if (declared && HEX64.test(declared)) {
    proof = { kind: 'sha256', hex: declared };
  }
  return { accessKeyId: verified.accessKeyId, owner: verified.owner, req, proof };
}
