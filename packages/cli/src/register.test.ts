import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import { startTestCloud, type TestCloud } from '@sandlot/cloud/testing/startTestCloud.js';
import { install } from './register/install.js';
import { readEndpoint } from './register/endpointFile.js';
import { localAmplifyConfig } from './register/configure.js';

const registerModule = resolve(import.meta.dirname, 'register.ts');

describe('sandlot/register', () => {
  let t: TestCloud;
  before(async () => {
    t = await startTestCloud();
  });
  after(() => t.close());

  it('redirects AWS fetches of a preloaded process to SANDLOT_ENDPOINT, keeping path and query', async () => {
    const script = `const r = await fetch('https://cognito-idp.us-east-1.amazonaws.com/?a=1', { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' }, body: '{"ClientId":"none","AuthFlow":"USER_SRP_AUTH"}' });
      console.log(JSON.stringify({ status: r.status, body: await r.json(), env: process.env.AWS_ENDPOINT_URL, region: process.env.AWS_REGION, fr: typeof FileReader, ws: typeof WebSocket }));`;
    // The child calls back into this process's cloud, so it must not block the event loop (no spawnSync).
    const env: NodeJS.ProcessEnv = { ...process.env, SANDLOT_ENDPOINT: t.url };
    delete env.AWS_REGION;
    // Exactly what a user runs: plain node (no tsx) and the package specifier, i.e. the built dist/register.mjs.
    const run = await promisify(execFile)(process.execPath, ['--import', 'sandlot/register', '--input-type=module', '-e', script], { env, encoding: 'utf8', cwd: resolve(import.meta.dirname, '../../..') });
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
    assert.equal(out.status, 400);
    assert.equal(out.body.__type, 'ResourceNotFoundException');
    assert.equal(out.env, t.url);
    assert.equal(out.region, 'us-east-1');
    assert.equal(out.fr, 'function');
    assert.equal(out.ws, 'function');
  });

  it('sends wss:// AppSync realtime URLs to ws://<local cloud> with the original host', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: (p) => (p.has('graphql-ws') ? 'graphql-ws' : false) });
    await new Promise((res) => server.once('listening', res));
    const seen: { url: string; host: string }[] = [];
    server.on('connection', (_ws, req) => seen.push({ url: req.url!, host: String(req.headers['x-forwarded-host']) }));
    const port = (server.address() as { port: number }).port;
    const uninstall = install({ endpoint: `http://127.0.0.1:${port}` });
    type Socket = { close(): void; once(e: string, f: (...a: unknown[]) => void): void; protocol: string };
    const Ws = (globalThis as unknown as { WebSocket: new (u: string, p: string[]) => Socket }).WebSocket;
    const connect = async (url: string) => {
      const ws = new Ws(url, ['graphql-ws']);
      await new Promise((res, rej) => { ws.once('open', res); ws.once('error', rej); });
      assert.equal(ws.protocol, 'graphql-ws');
      ws.close();
    };
    try {
      await connect('wss://abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.us-east-1.amazonaws.com/graphql?x=1');
      await connect(`wss://127.0.0.1:${port}/graphql/realtime`);
      assert.deepEqual(seen, [
        { url: '/graphql?x=1', host: 'abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.us-east-1.amazonaws.com' },
        { url: '/graphql/realtime', host: `127.0.0.1:${port}` },
      ]);
    } finally {
      uninstall();
      await new Promise((res) => server.close(res));
    }
  });

  it('reads the endpoint from SANDLOT_ENDPOINT, else .amplify/sandlot/endpoint.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandlot-register-'));
    try {
      assert.equal(readEndpoint({}, dir), undefined);
      mkdirSync(join(dir, '.amplify', 'sandlot'), { recursive: true });
      writeFileSync(join(dir, '.amplify', 'sandlot', 'endpoint.json'), JSON.stringify({ endpoint: 'http://127.0.0.1:4010' }));
      assert.equal(readEndpoint({}, dir), 'http://127.0.0.1:4010');
      assert.equal(readEndpoint({ SANDLOT_ENDPOINT: 'http://127.0.0.1:1' }, dir), 'http://127.0.0.1:1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('localAmplifyConfig points the Cognito endpoints of Gen 2 outputs at the local cloud', () => {
    const config = localAmplifyConfig({ version: '1.4', auth: { aws_region: 'us-east-1', user_pool_id: 'us-east-1_Abc', user_pool_client_id: 'client', identity_pool_id: 'us-east-1:11111111-2222-3333-4444-555555555555' } } as never, 'http://127.0.0.1:4010/');
    assert.equal(config.Auth?.Cognito.userPoolEndpoint, 'http://127.0.0.1:4010');
    assert.equal(config.Auth?.Cognito.identityPoolEndpoint, 'http://127.0.0.1:4010');
    assert.equal(config.Auth?.Cognito.userPoolId, 'us-east-1_Abc');
  });
});
