import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  SSMClient,
  PutParameterCommand,
  GetParameterCommand,
  GetParametersCommand,
  GetParametersByPathCommand,
  type GetParametersByPathCommandOutput,
  DeleteParameterCommand,
  DeleteParametersCommand,
  GetParameterHistoryCommand,
  DescribeParametersCommand,
} from '@aws-sdk/client-ssm';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';

let cloud: TestCloud;
let ssm: SSMClient;
before(async () => {
  cloud = await startTestCloud();
  ssm = new SSMClient({ region: 'us-east-1', endpoint: cloud.url, credentials: cloud.credentials, maxAttempts: 1 });
});
after(async () => {
  ssm.destroy();
  await cloud.close();
});

const rejects = async (p: Promise<unknown>, name: string, message?: RegExp) => {
  await assert.rejects(p, (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(e.name, name);
    if (message) assert.match(e.message, message);
    assert.ok((e.$metadata?.httpStatusCode ?? 0) < 500, 'client mistakes are never 5xx');
    return true;
  });
};

test('PutParameter versions, GetParameter with and without decryption and selectors', async () => {
  const v1 = await ssm.send(new PutParameterCommand({ Name: '/app/a/secret', Value: 'one', Type: 'SecureString', Overwrite: true }));
  assert.equal(v1.Version, 1);
  const v2 = await ssm.send(new PutParameterCommand({ Name: '/app/a/secret', Value: 'two', Overwrite: true }));
  assert.equal(v2.Version, 2);
  const plain = await ssm.send(new GetParameterCommand({ Name: '/app/a/secret', WithDecryption: true }));
  assert.equal(plain.Parameter?.Value, 'two');
  assert.equal(plain.Parameter?.Type, 'SecureString');
  assert.ok(plain.Parameter?.LastModifiedDate instanceof Date);
  assert.equal(plain.Parameter?.ARN, 'arn:aws:ssm:us-east-1:000000000000:parameter/app/a/secret');
  const hidden = await ssm.send(new GetParameterCommand({ Name: '/app/a/secret' }));
  assert.notEqual(hidden.Parameter?.Value, 'two', 'SecureString without WithDecryption is not the value');
  const old = await ssm.send(new GetParameterCommand({ Name: '/app/a/secret:1', WithDecryption: true }));
  assert.equal(old.Parameter?.Value, 'one');
  assert.equal(old.Parameter?.Selector, ':1');
  await rejects(ssm.send(new GetParameterCommand({ Name: '/app/a/secret:9' })), 'ParameterVersionNotFound');
  await rejects(ssm.send(new GetParameterCommand({ Name: '/app/a/none' })), 'ParameterNotFound');
  await rejects(ssm.send(new PutParameterCommand({ Name: '/app/a/secret', Value: 'x', Type: 'String' })), 'ParameterAlreadyExists');
});

test('bad input gets SSM validation errors', async () => {
  await rejects(ssm.send(new PutParameterCommand({ Name: '/app/empty', Value: '', Type: 'String' })), 'ValidationException', /length greater than or equal to 1/);
  await rejects(ssm.send(new PutParameterCommand({ Name: 'no/leading/slash', Value: 'x', Type: 'String' })), 'ValidationException');
  await rejects(ssm.send(new PutParameterCommand({ Name: '/bad name', Value: 'x', Type: 'String' })), 'ValidationException');
  await rejects(ssm.send(new PutParameterCommand({ Name: '/aws/reserved', Value: 'x', Type: 'String' })), 'ValidationException');
  await rejects(ssm.send(new PutParameterCommand({ Name: '/app/new', Value: 'x' })), 'ValidationException', /type is required/);
  await rejects(ssm.send(new PutParameterCommand({ Name: '/app/t', Value: 'x', Type: 'Bogus' as never })), 'UnsupportedParameterType');
  await rejects(ssm.send(new PutParameterCommand({ Name: '/app/big', Value: 'x'.repeat(8193), Type: 'String' })), 'ValidationException');
  await rejects(ssm.send(new GetParametersByPathCommand({ Path: 'relative' })), 'ValidationException');
  await rejects(ssm.send(new GetParametersByPathCommand({ Path: '/app', MaxResults: 11 })), 'ValidationException');
  await rejects(ssm.send(new DeleteParametersCommand({ Names: [] })), 'ValidationException');
  await rejects(ssm.send(new DeleteParametersCommand({ Names: Array.from({ length: 11 }, (_, i) => `/x${i}`) })), 'ValidationException');
});

test('GetParametersByPath pages direct children (or all descendants) with tamper-proof tokens', async () => {
  for (let i = 0; i < 25; i++) await ssm.send(new PutParameterCommand({ Name: `/list/p${String(i).padStart(2, '0')}`, Value: `v${i}`, Type: 'String' }));
  await ssm.send(new PutParameterCommand({ Name: '/list/nested/deep', Value: 'd', Type: 'String' }));
  await ssm.send(new PutParameterCommand({ Name: '/listx/sibling', Value: 's', Type: 'String' }));
  const names: string[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const out = await ssm.send(new GetParametersByPathCommand({ Path: '/list', NextToken }));
    names.push(...out.Parameters!.map((p) => p.Name!));
    NextToken = out.NextToken;
    pages++;
  } while (NextToken);
  assert.equal(names.length, 25);
  assert.equal(pages, 3);
  assert.equal(names.includes('/list/nested/deep'), false, 'non-recursive: direct children only');
  const recursive = await ssm.send(new GetParametersByPathCommand({ Path: '/list/', Recursive: true, MaxResults: 10 }));
  const first = await ssm.send(new GetParametersByPathCommand({ Path: '/list', MaxResults: 2 }));
  assert.ok(recursive.NextToken);
  const token = Buffer.from(first.NextToken!, 'base64url');
  token[token.length - 1] = token[token.length - 1]! ^ 1;
  await rejects(ssm.send(new GetParametersByPathCommand({ Path: '/list', NextToken: token.toString('base64url') })), 'InvalidNextToken');
  await rejects(ssm.send(new GetParametersByPathCommand({ Path: '/other', NextToken: first.NextToken })), 'InvalidNextToken');
  const all: string[] = [];
  NextToken = undefined;
  do {
    const out: GetParametersByPathCommandOutput = await ssm.send(new GetParametersByPathCommand({ Path: '/list', Recursive: true, NextToken }));
    all.push(...out.Parameters!.map((p) => p.Name!));
    NextToken = out.NextToken;
  } while (NextToken);
  assert.equal(all.length, 26);
  assert.equal(all.includes('/listx/sibling'), false);
});

test('GetParameters, DeleteParameter(s), history and describe', async () => {
  await ssm.send(new PutParameterCommand({ Name: '/del/a', Value: '1', Type: 'String' }));
  await ssm.send(new PutParameterCommand({ Name: '/del/b', Value: '2', Type: 'String' }));
  await ssm.send(new PutParameterCommand({ Name: '/del/b', Value: '3', Type: 'String', Overwrite: true }));
  const got = await ssm.send(new GetParametersCommand({ Names: ['/del/a', '/del/b', '/del/zz'] }));
  assert.deepEqual(got.Parameters!.map((p) => p.Value), ['1', '3']);
  assert.deepEqual(got.InvalidParameters, ['/del/zz']);
  const history = await ssm.send(new GetParameterHistoryCommand({ Name: '/del/b', WithDecryption: true }));
  assert.deepEqual(history.Parameters!.map((p) => [p.Version, p.Value]), [[1, '2'], [2, '3']]);
  const described = await ssm.send(new DescribeParametersCommand({ MaxResults: 50 }));
  assert.ok(described.Parameters!.some((p) => p.Name === '/del/a'));
  await ssm.send(new DeleteParameterCommand({ Name: '/del/a' }));
  await rejects(ssm.send(new DeleteParameterCommand({ Name: '/del/a' })), 'ParameterNotFound');
  const many = await ssm.send(new DeleteParametersCommand({ Names: ['/del/b', '/del/nope'] }));
  assert.deepEqual(many.DeletedParameters, ['/del/b']);
  assert.deepEqual(many.InvalidParameters, ['/del/nope']);
  await ssm.send(new PutParameterCommand({ Name: '/del/b', Value: 'again', Type: 'String' }));
  const recreated = await ssm.send(new GetParameterCommand({ Name: '/del/b' }));
  assert.equal(recreated.Parameter?.Version, 1, 'a deleted parameter starts over at version 1, as SSM');
});

test('every call must be SigV4-signed by a key this account knows', async () => {
  const stranger = new SSMClient({ region: 'us-east-1', endpoint: cloud.url, credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }, maxAttempts: 1 });
  await rejects(stranger.send(new GetParameterCommand({ Name: '/app/a/secret' })), 'UnrecognizedClientException');
  const wrongSecret = new SSMClient({ region: 'us-east-1', endpoint: cloud.url, credentials: { ...cloud.credentials, secretAccessKey: 'wrong' }, maxAttempts: 1 });
  await rejects(wrongSecret.send(new GetParameterCommand({ Name: '/app/a/secret' })), 'InvalidSignatureException');
  const unsigned = await fetch(cloud.url, { method: 'POST', headers: { 'x-amz-target': 'AmazonSSM.GetParameter', 'content-type': 'application/x-amz-json-1.1' }, body: '{"Name":"/app/a/secret"}' });
  assert.equal(unsigned.status, 400);
  assert.equal((await unsigned.json()).__type, 'MissingAuthenticationTokenException');
  stranger.destroy();
  wrongSecret.destroy();
});

test('an operation Sandlot does not serve is a 400 naming it, never a 5xx', async () => {
  const res = await fetch(cloud.url, { method: 'POST', headers: { 'x-amz-target': 'AmazonSSM.LabelParameterVersion' }, body: '{}' });
  assert.equal(res.status, 400);
  const body = await res.json();
  assert.equal(body.__type, 'UnsupportedOperation');
  assert.match(body.message, /LabelParameterVersion/);
});

test('a restart keeps parameters; the database holds no value in clear', async () => {
  const { mkdtempSync, readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { randomBytes } = await import('node:crypto');
  const { createCloud } = await import('../createCloud.js');
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-ssm-restart-'));
  const masterKey = randomBytes(32);
  const open = async () => {
    const c = createCloud({ databaseFile: join(dir, 'sandbox.db'), masterKey });
    const server = await c.listen(0);
    const client = new SSMClient({ region: 'us-east-1', endpoint: server.url, credentials: c.services.rootCredentials, maxAttempts: 1 });
    return { c, server, client };
  };
  const first = await open();
  await first.client.send(new PutParameterCommand({ Name: '/restart/p', Value: 'needle-4f2a91', Type: 'SecureString' }));
  first.client.destroy();
  await first.server.close();
  first.c.close();
  for (const f of readdirSync(dir, { withFileTypes: true })) if (f.isFile()) assert.equal(readFileSync(join(dir, f.name)).includes('needle-4f2a91'), false, f.name);
  const second = await open();
  const got = await second.client.send(new GetParameterCommand({ Name: '/restart/p', WithDecryption: true }));
  assert.equal(got.Parameter?.Value, 'needle-4f2a91');
  second.client.destroy();
  await second.server.close();
  second.c.close();
});
