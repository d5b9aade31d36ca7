// bench/auth: Sandlot's local Cognito vs cognito-local (jagregory/cognito-local) on this machine, both as
// separate processes on loopback: start-up time, users created per second (AdminCreateUser +
// AdminSetUserPassword + AdminAddUserToGroup), USER_PASSWORD_AUTH sign-ins per second, and (ours only,
// cognito-local has no SRP) USER_SRP_AUTH sign-ins per second. Run: npx tsx bench/auth.ts
// The machine is shared (other processes come and go), so the two servers take turns: ROUNDS rounds, each
// running both (fresh processes and databases; which one goes first alternates). Every value is the median of
// its rounds, every ratio the median of the per-round ratios (each round compares two neighbouring runs).
// BENCH_ROUNDS_DETAIL=1 also prints every round.
// The peer is installed on demand into /tmp/sandlot-bench-peers/cognito-local (never into the repo).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import {
  CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, AdminAddUserToGroupCommand, InitiateAuthCommand,
  RespondToAuthChallengeCommand, CreateUserPoolCommand, CreateUserPoolClientCommand, CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { build } from 'esbuild';
import { clientSession } from '../packages/cloud/src/cognito/srp.js';

const PEERS = '/tmp/sandlot-bench-peers';
const USERS = 150;
const SIGN_INS = 300;
const CONCURRENCY = 8;
const ROUNDS = 5;
const PASSWORD = 'Bench-Passw0rd!';

function installPeer(): string {
  // Its own folder under the shared peers directory: a --no-save install into a folder removes whatever it is
  // not told about, so sharing one folder with the other benches' peers would make them uninstall each other.
  const prefix = join(PEERS, 'cognito-local');
  const bin = join(prefix, 'node_modules', '.bin', 'cognito-local');
  if (!existsSync(bin)) {
    const r = spawnSync('flock', ['/tmp/sandlot-npm.lock', 'npm', 'install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 'cognito-local@5'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not install cognito-local');
  }
  return bin;
}

async function waitFor(url: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    try {
      await fetch(url, { method: 'POST', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  throw new Error(`${url} did not start`);
}

interface Target { name: string; url: string; creds: { accessKeyId: string; secretAccessKey: string }; poolId: string; clientId: string; child: ChildProcess; startMs: number }

/** Our server bundled as the CLI ships (esbuild, native better-sqlite3 external), so start-up excludes TS transpiling. */
async function bundleOurs(): Promise<string> {
  // Inside the repo's node_modules/.cache so the external native module resolves from the bundle.
  const out = fileURLToPath(new URL('../node_modules/.cache/sandlot-bench/authCloudServer.mjs', import.meta.url));
  await build({ entryPoints: [fileURLToPath(new URL('./authCloudServer.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    outfile: out, external: ['better-sqlite3'], banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" }, logLevel: 'error' });
  return out;
}

async function startOurs(bundle: string, dir: string): Promise<Target> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bundle, dir], { stdio: ['ignore', 'pipe', 'inherit']});
  const line = await new Promise<string>((res) => createInterface({ input: child.stdout! }).once('line', res));
  const info = JSON.parse(line) as { url: string; accessKeyId: string; secretAccessKey: string };
  await waitFor(info.url, performance.now() + 30_000);
  return { name: 'sandlot', url: info.url, creds: info, poolId: 'us-east-1_Bench', clientId: 'benchclient', child, startMs: performance.now() - t0 };
}

async function startPeer(bin: string, dir: string): Promise<Target> {
  const port = 19229 + Math.floor(Math.random() * 500);
  const t0 = performance.now();
  const child = spawn(bin, [], { cwd: dir, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEBUG: '' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, performance.now() + 60_000);
  const startMs = performance.now() - t0;
  const creds = { accessKeyId: 'local', secretAccessKey: 'local' };
  const sdk = client(url, creds);
  const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: 'bench' }));
  const app = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: 'bench' }));
  await sdk.send(new CreateGroupCommand({ UserPoolId: pool.UserPool!.Id!, GroupName: 'ADMINS' }));
  return { name: 'cognito-local', url, creds, poolId: pool.UserPool!.Id!, clientId: app.UserPoolClient!.ClientId!, child, startMs };
}

const client = (url: string, creds: Target['creds']) => new CognitoIdentityProviderClient({ endpoint: url, region: 'us-east-1', credentials: creds, maxAttempts: 1 });

async function rate(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < n) await fn(next++); }));
  return n / ((performance.now() - t0) / 1000);
}

async function measure(t: Target) {
  const sdk = client(t.url, t.creds);
  const name = (i: number) => `user${i}@example.com`;
  const created = await rate(USERS, async (i) => {
    await sdk.send(new AdminCreateUserCommand({ UserPoolId: t.poolId, Username: name(i), MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: name(i) }] }));
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: t.poolId, Username: name(i), Password: PASSWORD, Permanent: true }));
    await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: t.poolId, Username: name(i), GroupName: 'ADMINS' }));
  });
  const signIns = await rate(SIGN_INS, async (i) => {
    const r = await sdk.send(new InitiateAuthCommand({ ClientId: t.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: name(i % USERS), PASSWORD } }));
    if (!r.AuthenticationResult?.AccessToken) throw new Error('no tokens');
  });
  let srp: number | undefined;
  if (t.name === 'sandlot') {
    srp = await rate(SIGN_INS, async (i) => {
      const c = clientSession(t.poolId.split('_')[1]!);
      const start = await sdk.send(new InitiateAuthCommand({ ClientId: t.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: name(i % USERS), SRP_A: c.A } }));
      const p = start.ChallengeParameters!;
      const ts = 'Tue Jan 5 03:04:05 UTC 2027';
      const r = await sdk.send(new RespondToAuthChallengeCommand({ ClientId: t.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: {
        USERNAME: p.USER_ID_FOR_SRP!, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK!, TIMESTAMP: ts, PASSWORD_CLAIM_SIGNATURE: c.sign(p.USER_ID_FOR_SRP!, PASSWORD, p.SALT!, p.SRP_B!, p.SECRET_BLOCK!, ts) } }));
      if (!r.AuthenticationResult?.AccessToken) throw new Error('no tokens');
    });
  }
  return { created, signIns, srp };
}

type Result = { startMs: number; created: number; signIns: number; srp?: number };

const bin = installPeer();
const bundle = await bundleOurs();
const runs: Record<string, Result[]> = { sandlot: [], 'cognito-local': [] };
for (let round = 0; round < ROUNDS; round++) {
  const dirs = [mkdtempSync(join(tmpdir(), 'sandlot-bench-auth-')), mkdtempSync(join(tmpdir(), 'sandlot-bench-cognito-local-'))];
  try {
    const starts = [() => startOurs(bundle, dirs[0]!), () => startPeer(bin, dirs[1]!)];
    for (const start of round % 2 ? starts.reverse() : starts) {
      const t = await start();
      try {
        runs[t.name]!.push({ startMs: t.startMs, ...(await measure(t)) });
      } finally {
        t.child.kill();
      }
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
const ours = runs.sandlot!;
const peer = runs['cognito-local']!;
const row = (label: string, key: keyof Result, unit: string, higherIsBetter: boolean) => {
  const a = median(ours.map((r) => r[key]!));
  const b = peer[0]?.[key] === undefined ? undefined : median(peer.map((r) => r[key]!));
  const ratio = b === undefined ? '' : `${median(ours.map((r, i) => (higherIsBetter ? r[key]! / peer[i]![key]! : peer[i]![key]! / r[key]!))).toFixed(2)}x`;
  console.log(`${label.padEnd(34)} ${a.toFixed(1).padStart(10)} ${unit.padEnd(4)} ${(b === undefined ? 'n/a (no SRP)' : b.toFixed(1)).padStart(14)}   ${ratio}`);
};
console.log(`median of ${ROUNDS} rounds`.padEnd(34) + ` ${'sandlot'.padStart(15)} ${'cognito-local'.padStart(14)}   sandlot faster by`);
row('start-up (spawn → first answer)', 'startMs', 'ms', false);
row(`users created/s (${USERS}, ${CONCURRENCY} at once)`, 'created', '/s', true);
row(`USER_PASSWORD_AUTH sign-ins/s`, 'signIns', '/s', true);
row(`USER_SRP_AUTH sign-ins/s`, 'srp', '/s', true);
if (process.env.BENCH_ROUNDS_DETAIL) {
  for (const [name, rs] of Object.entries(runs)) for (const r of rs) console.log(`  ${name.padEnd(14)} ${JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === undefined ? v : Math.round(v * 10) / 10])))}`);
}
