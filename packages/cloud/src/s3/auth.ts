import { createHash } from 'node:crypto';
import { header, type WireRequest } from '../http/wire.js';
import { isSigned, SigV4Error, verifySigV4 } from '../http/sigv4.js';
import type { CredentialResolver, KeyOwner } from '../iam/credentials.js';
import { decodeAwsChunked } from './chunked.js';
import {
  AccessDenied, AuthorizationHeaderMalformed, ContentSha256Mismatch, ExpiredToken, InvalidAccessKeyId, InvalidToken,
  RequestTimeTooSkewed, SignatureDoesNotMatch,
} from './errors.js';

export interface Authenticated {
  accessKeyId: string;
  owner: KeyOwner;
  /** The payload after aws-chunked decoding. */
  body: Buffer;
  trailers: Record<string, string>;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Every S3 request must be SigV4-signed (header or presigned query form) by a key this account knows;
 * S3 signs the path as sent (`uriEscapePath: false`). A hex `x-amz-content-sha256` must match the body.
 */
export async function authenticate(req: WireRequest, resolver: CredentialResolver, now: Date): Promise<Authenticated> {
  if (!isSigned(req)) throw new AccessDenied();
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
  const declared = header(req, 'x-amz-content-sha256');
  let body = req.body;
  let trailers: Record<string, string> = {};
  if (declared?.startsWith('STREAMING-') || (header(req, 'content-encoding') ?? '').includes('aws-chunked')) {
    ({ payload: body, trailers } = decodeAwsChunked(req.body));
  } else if (declared && HEX64.test(declared) && createHash('sha256').update(req.body).digest('hex') !== declared) {
    throw new ContentSha256Mismatch();
  }
  return { accessKeyId: verified.accessKeyId, owner: verified.owner, body, trailers };
}
