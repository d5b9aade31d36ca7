// bench/storage: Sandlot's local S3 vs s3rver (npm) on this machine, each a separate process on loopback, driven
// by the same @aws-sdk/client-s3 client (path style, 8 requests in flight): PUT/GET ops per second for 1 KiB
// objects, LIST (1000 keys per page) per second, PUT/GET MiB/s for 8 MiB objects. Ours verifies SigV4 and the
// storage rules on every request. Run: npx tsx bench/storage.ts
// The peer is installed on demand into /tmp/sandlot-bench-peers (never into the repo).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent } from 'node:http';
import { build } from 'esbuild';

const PEERS = '/tmp/sandlot-bench-peers';
const SMALL = 1024;
const LARGE = 8 * 1024 * 1024;
const SMALL_OPS = 1000;
const LARGE_OPS = 16;
const LIST_OPS = 60;
const CONCURRENCY = 8;
const Bucket = 'bench-bucket';

function installPeer(): string {
  const main = join(PEERS, 'node_modules', 's3rver');
  if (!existsSync(main)) {
    // Keep the other benches' peers: a --no-save install removes what it is not told about.
    const others = existsSync(join(PEERS, 'node_modules', 'cognito-local')) ? ['cognito-local@5'] : [];
    const r = spawnSync('flock', ['/tmp/sandlot-npm.lock', 'npm', 'install', '--no-save', '--no-audit', '--no-fund', '--prefix', PEERS, 's3rver@3', ...others], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not install s3rver');
  }
  return main;
}

interface Target { name: string; url: string; creds: { accessKeyId: string; secretAccessKey: string }; child: ChildProcess }

async function readLine(child: ChildProcess): Promise<string> {
  const rl = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    rl.once('line', (l) => { rl.close(); resolve(l); });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function startOurs(dir: string): Promise<Target> {
  // Bundled as the CLI ships (esbuild, native better-sqlite3 external), so the run excludes TS transpiling.
  const out = fileURLToPath(new URL('../node_modules/.cache/sandlot-bench/storageCloudServer.mjs', import.meta.url));
  await build({ entryPoints: [fileURLToPath(new URL('./storageCloudServer.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    outfile: out, external: ['better-sqlite3'], banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }, logLevel: 'error' });
  const child = spawn(process.execPath, [out, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = JSON.parse(await readLine(child)) as { url: string; accessKeyId: string; secretAccessKey: string };
  return { name: 'sandlot', url: info.url, creds: info, child };
}

async function startS3rver(dir: string): Promise<Target> {
  const main = installPeer();
  const script = join(dir, 'run-s3rver.cjs');
  writeFileSync(script, `const S3rver = require(${JSON.stringify(main)});
new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: ${JSON.stringify(join(dir, 'data'))} }).run().then(({ port }) => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + port })));`);
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = JSON.parse(await readLine(child)) as { url: string };
  return { name: 's3rver', url: info.url, creds: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, child };
}

/** Runs `n` calls of `op(i)` with CONCURRENCY in flight; returns seconds taken. */
async function timed(n: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, n) }, async () => {
    while (next < n) await op(next++);
  }));
  return (performance.now() - t0) / 1000;
}

async function measure(t: Target): Promise<Record<string, number>> {
  const s3 = new S3Client({
    endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: t.creds,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) }),
  });
  await s3.send(new CreateBucketCommand({ Bucket }));
  const small = Buffer.alloc(SMALL, 7);
  const large = Buffer.alloc(LARGE, 9);
  const drain = async (key: string) => (await (await s3.send(new GetObjectCommand({ Bucket, Key: key }))).Body!.transformToByteArray()).length;
  const out: Record<string, number> = {};
  out['PUT 1 KiB (ops/s)'] = SMALL_OPS / await timed(SMALL_OPS, (i) => s3.send(new PutObjectCommand({ Bucket, Key: `small/${String(i).padStart(5, '0')}`, Body: small })));
  out['GET 1 KiB (ops/s)'] = SMALL_OPS / await timed(SMALL_OPS, (i) => drain(`small/${String(i).padStart(5, '0')}`));
  out['LIST 1000 keys (pages/s)'] = LIST_OPS / await timed(LIST_OPS, async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'small/' }));
    if (page.KeyCount !== SMALL_OPS) throw new Error(`${t.name} listed ${page.KeyCount}`);
  });
  out['PUT 8 MiB (MiB/s)'] = (LARGE_OPS * 8) / await timed(LARGE_OPS, (i) => s3.send(new PutObjectCommand({ Bucket, Key: `large/${i}`, Body: large })));
  out['GET 8 MiB (MiB/s)'] = (LARGE_OPS * 8) / await timed(LARGE_OPS, async (i) => {
    if ((await drain(`large/${i}`)) !== LARGE) throw new Error('short read');
  });
  out['PUT 1 KiB (MiB/s)'] = (out['PUT 1 KiB (ops/s)']! * SMALL) / 1024 ** 2;
  out['GET 1 KiB (MiB/s)'] = (out['GET 1 KiB (ops/s)']! * SMALL) / 1024 ** 2;
  out['PUT 8 MiB (ops/s)'] = out['PUT 8 MiB (MiB/s)']! / 8;
  out['GET 8 MiB (ops/s)'] = out['GET 8 MiB (MiB/s)']! / 8;
  s3.destroy();
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-storage-'));
const results: Record<string, Record<string, number>> = {};
try {
  for (const start of [startOurs, startS3rver]) {
    const sub = mkdtempSync(join(dir, 'run-'));
    const target = await start(sub);
    try {
      results[target.name] = await measure(target);
    } finally {
      target.child.kill();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ours = results.sandlot!;
const peer = results.s3rver!;
console.log(`${''.padEnd(26)} ${'sandlot'.padStart(10)} ${'s3rver'.padStart(10)}   sandlot faster by`);
for (const label of Object.keys(ours)) {
  console.log(`${label.padEnd(26)} ${ours[label]!.toFixed(1).padStart(10)} ${peer[label]!.toFixed(1).padStart(10)}   ${(ours[label]! / peer[label]!).toFixed(2)}x`);
}
console.log(`(${SMALL_OPS} small and ${LARGE_OPS} large objects, ${CONCURRENCY} requests in flight, one run; sandlot checks SigV4 and storage rules on every request)`);
