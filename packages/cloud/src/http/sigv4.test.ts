import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import type { KeyOwner } from '../iam/credentials.js';
import { SigV4Error, signingKeyOf, verifySigV4, type VerifyOptions } from './sigv4.js';
import type { WireRequest } from './wire.js';
import { Sha256 } from '../testing/sha256.js';

// The verifier rebuilds the canonical request itself (node:crypto); the official signer is the reference it is
// held to: every request here is signed by `@smithy/signature-v4` (what the SDKs use) and must verify, and any
// change to what was signed must not.

const ROOT = { accessKeyId: 'AKIAROOTROOTROOT', secretAccessKey: 'root/secret+key' };
const TEMP = { accessKeyId: 'ASIATEMPTEMPTEMP', secretAccessKey: 'temp-secret', sessionToken: 'session/token+=' };
const owners = new Map<string, KeyOwner>([
  [ROOT.accessKeyId, { secretAccessKey: ROOT.secretAccessKey, principal: 'root' }],
  [TEMP.accessKeyId, { secretAccessKey: TEMP.secretAccessKey, sessionToken: TEMP.sessionToken, principal: 'temp' }],
]);
const resolver = { lookup: (id: string) => owners.get(id) };
const NOW = new Date('2026-03-04T05:06:07Z');



interface Case {
  method?: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
  service?: string;
  creds?: typeof ROOT | typeof TEMP;
  uriEscapePath?: boolean;
}

function signer(c: Case) {
  return new SignatureV4({ credentials: c.creds ?? ROOT, region: 'us-east-1', service: c.service ?? 'cognito-idp', sha256: Sha256, uriEscapePath: c.uriEscapePath ?? true, applyChecksum: false });
}

function httpRequest(c: Case): HttpRequest {
  return { method: c.method ?? 'POST', protocol: 'https:', hostname: 'svc.us-east-1.amazonaws.com', path: c.path, query: c.query ?? {}, headers: { host: 'svc.us-east-1.amazonaws.com', ...c.headers }, body: c.body } as HttpRequest;
}

/** The signed request as the server sees it: lower-cased headers, the query decoded in order, the raw path. */
function wire(signed: HttpRequest, body: string | undefined): WireRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = v;
  const query: [string, string][] = [];
  for (const [k, v] of Object.entries(signed.query ?? {})) for (const item of Array.isArray(v) ? v : [v]) query.push([k, item as string]);
  return { method: signed.method, path: signed.path, query, headers, body: Buffer.from(body ?? '') };
}

async function headerSigned(c: Case, signingDate = NOW) {
  return wire(await signer(c).sign(httpRequest(c), { signingDate }) as HttpRequest, c.body);
}

/** S3's presigner (`@aws-sdk/s3-request-presigner`) signs over `UNSIGNED-PAYLOAD`, named in a header the signer hoists to the query. */
async function presigned(c: Case, expiresIn = 900, signingDate = NOW) {
  if (c.service === 's3') c = { ...c, headers: { ...c.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } };
  return wire(await signer(c).presign(httpRequest(c), { signingDate, expiresIn }) as HttpRequest, c.body);
}

const opts = (c: Case, extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ resolver, now: NOW, uriEscapePath: c.uriEscapePath, ...extra });

async function rejects(req: WireRequest, o: VerifyOptions, reason: string) {
  await assert.rejects(verifySigV4(req, o), (e: unknown) => e instanceof SigV4Error && e.reason === reason);
}

const CASES: Case[] = [
  { path: '/', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers', 'content-type': 'application/x-amz-json-1.1' }, body: '{"UserPoolId":"x"}' },
  { path: '/', body: '', creds: TEMP },
  { method: 'GET', path: '/a b/./c/../d%2Fe/', query: { z: 'last', a: ['2', '1', ''], 'sp ace': "it's (x)*!", empty: '' }, headers: { 'x-custom': '  folded \t  value  ', 'user-agent': 'signed-ua' } },
  { method: 'PUT', path: '/bucket/key with spaces/%E2%82%AC', service: 's3', uriEscapePath: false, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-type': 'text/plain' }, body: 'hello' },
  { method: 'GET', path: '/bucket/k', service: 's3', uriEscapePath: false, query: { 'list-type': '2', prefix: 'a/b', 'x-id': 'GetObject' }, creds: TEMP },
  { path: '/graphql', service: 'appsync', headers: { 'content-type': 'application/json', 'x-amz-user-agent': 'aws-amplify/6' }, body: '{"query":"{ x }"}', creds: TEMP },
];

describe('SigV4 verification agrees with the official signer', () => {
  it('accepts what the signer signs in the header form, and rejects any change to it', async () => {
    for (const c of CASES) {
      const req = await headerSigned(c);
      const verified = await verifySigV4(req, opts(c));
      assert.equal(verified.accessKeyId, (c.creds ?? ROOT).accessKeyId, c.path);
      assert.equal(verified.service, c.service ?? 'cognito-idp');
      const changed: WireRequest[] = [
        { ...req, body: Buffer.from(`${c.body ?? ''}!`) },
        { ...req, path: `${req.path}x` },
        { ...req, query: [...req.query, ['extra', '1']] },
        { ...req, method: req.method === 'GET' ? 'HEAD' : 'GET' },
        { ...req, headers: { ...req.headers, host: 'other.amazonaws.com' } },
      ];
      if (c.headers?.['x-amz-content-sha256']) changed.shift(); // the signed hash header stands for the body here
      for (const r of changed) await rejects(r, opts(c), 'mismatch');
      // Unsigned headers may change freely.
      await verifySigV4({ ...req, headers: { ...req.headers, 'x-unsigned': 'anything' } }, opts(c));
    }
  });

  it('accepts what the signer presigns (query form), and rejects any change to it', async () => {
    for (const c of CASES) {
      const req = await presigned({ ...c, body: undefined });
      await verifySigV4(req, opts(c, c.service === 's3' ? { presignedPayloadHash: 'UNSIGNED-PAYLOAD' } : {}));
      await rejects({ ...req, query: req.query.map(([k, v]) => [k, k === 'X-Amz-Expires' ? '901' : v]) }, opts(c), 'mismatch');
      await rejects({ ...req, path: `${req.path}x` }, opts(c), 'mismatch');
    }
    const s3 = { method: 'GET', path: '/b/k', service: 's3', uriEscapePath: false } satisfies Case;
    // S3's presigned URLs sign UNSIGNED-PAYLOAD, not the (absent) body's hash.
    await verifySigV4(await presigned(s3), opts(s3, { presignedPayloadHash: 'UNSIGNED-PAYLOAD' }));
    await rejects(await presigned(s3), opts(s3), 'mismatch');
  });

  it('checks the date window, the session token and the key', async () => {
    const c = CASES[0]!;
    await rejects(await headerSigned(c, new Date(NOW.getTime() - 16 * 60_000)), opts(c), 'skewed');
    await verifySigV4(await headerSigned(c, new Date(NOW.getTime() - 14 * 60_000)), opts(c));
    await rejects(await presigned(c, 60, new Date(NOW.getTime() - 61_000)), opts(c), 'expired');
    const temp = await headerSigned({ ...c, creds: TEMP });
    await rejects({ ...temp, headers: { ...temp.headers, 'x-amz-security-token': 'other' } }, opts(c), 'token');
    await rejects(await headerSigned({ ...c, creds: { ...ROOT, accessKeyId: 'AKIAUNKNOWN' } }), opts(c), 'unknown-key');
    await rejects(await headerSigned({ ...c, creds: { ...ROOT, secretAccessKey: 'wrong' } }), opts(c), 'mismatch');
    const week = await presigned(c, 604800);
    await verifySigV4(week, opts(c));
    await rejects({ ...week, query: week.query.map(([k, v]) => [k, k === 'X-Amz-Expires' ? '604801' : v]) }, opts(c), 'malformed');
  });

  it('hands out the signing key the chunk signatures chain from (the standard derivation)', async () => {
    const c = CASES[3]!;
    const verified = await verifySigV4(await headerSigned(c), opts(c));
    const expected = ['20260304', 'us-east-1', 's3', 'aws4_request'].reduce<Buffer>((k, part) => createHmac('sha256', k).update(part).digest(), Buffer.from(`AWS4${ROOT.secretAccessKey}`));
    assert.deepEqual(verified.seed.signingKey(), expected);
    assert.equal(verified.seed.scope, '20260304/us-east-1/s3/aws4_request');
    assert.deepEqual(signingKeyOf(ROOT.secretAccessKey, '20260304', 'us-east-1', 's3'), expected, 'the cached key is the same key');
    assert.notDeepEqual(signingKeyOf(TEMP.secretAccessKey, '20260304', 'us-east-1', 's3'), expected, 'keyed by the secret');
  });
});
