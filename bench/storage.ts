// bench/storage: Sandlot's local S3 vs s3rver (npm) on this machine, each a separate process on loopback, driven
// by the same @aws-sdk/client-s3 client (path style, 8 requests in flight): PUT/GET ops per second for 1 KiB
// objects, LIST (1000 keys per page) per second, PUT/GET MiB/s for 8 MiB objects. Ours verifies SigV4 (and the
// body's signed SHA-256 and CRC32) and the storage rules on every request; s3rver checks neither. Each row is
// measured in 5 rounds, the two servers taking turns, and the median printed (the machine is shared: a load
// change between two back-to-back runs would otherwise decide a row), after a warm-up of the client against
// both. Before every measurement the machine's dirty page cache is written out (`sync`, untimed): s3rver
// never fsyncs, so the kernel would otherwise write its 128 MiB of PUT bodies back during whichever row comes
// next (often ours); Sandlot's PUTs fsync inside their own timing. Run: npx tsx bench/storage.ts
// The peer is installed on demand into /tmp/sandlot-bench-peers/s3rver (never into the repo).
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
const ROUNDS = 5;
const Bucket = 'bench-bucket';

function installPeer(): string {
  // Its own folder under the shared peers directory: a --no-save install into a folder removes whatever it is
  // not told about, so sharing one folder with the other benches' peers would make them uninstall each other.
  const prefix = join(PEERS, 's3rver');
  const main = join(prefix, 'node_modules', 's3rver');
  if (!existsSync(main)) {
    const r = spawnSync('flock', ['/tmp/sandlot-npm.lock', 'npm', 'install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 's3rver@3'], { stdio: 'inherit' });
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

/** One client per server; the bucket is created once. */
async function clientFor(t: Target): Promise<S3Client> {
  const s3 = new S3Client({
    endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: t.creds,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) }),
  });
  await s3.send(new CreateBucketCommand({ Bucket }));
  return s3;
}

const small = Buffer.alloc(SMALL, 7);
const large = Buffer.alloc(LARGE, 9);
const smallKey = (i: number) => `small/${String(i).padStart(5, '0')}`;
const drain = async (s3: S3Client, key: string) => (await (await s3.send(new GetObjectCommand({ Bucket, Key: key }))).Body!.transformToByteArray()).length;

/** The measured rows, in order (later rows read what earlier ones wrote); each returns its rate. */
const ROWS: { label: string; run(s3: S3Client, name: string): Promise<number> }[] = [
  { label: 'PUT 1 KiB (ops/s)', run: async (s3) => SMALL_OPS / await timed(SMALL_OPS, (i) => s3.send(new PutObjectCommand({ Bucket, Key: smallKey(i), Body: small }))) },
  { label: 'GET 1 KiB (ops/s)', run: async (s3) => SMALL_OPS / await timed(SMALL_OPS, (i) => drain(s3, smallKey(i))) },
  {
    label: 'LIST 1000 keys (pages/s)',
    run: async (s3, name) => LIST_OPS / await timed(LIST_OPS, async () => {
      const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'small/' }));
      if (page.KeyCount !== SMALL_OPS) throw new Error(`${name} listed ${page.KeyCount}`);
    }),
  },
  { label: 'PUT 8 MiB (MiB/s)', run: async (s3) => (LARGE_OPS * 8) / await timed(LARGE_OPS, (i) => s3.send(new PutObjectCommand({ Bucket, Key: `large/${i}`, Body: large }))) },
  {
    label: 'GET 8 MiB (MiB/s)',
    run: async (s3) => (LARGE_OPS * 8) / await timed(LARGE_OPS, async (i) => {
      if ((await drain(s3, `large/${i}`)) !== LARGE) throw new Error('short read');
    }),
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Both servers run side by side (an idle one costs nothing); every row is measured on one and then the
// other, first one alternating by round, so a change in the machine's load hits both alike.
const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-storage-'));
const samples: Record<string, Record<string, number[]>> = { sandlot: {}, s3rver: {} };
const targets: Target[] = [];
try {
  for (const start of [startOurs, startS3rver]) targets.push(await start(mkdtempSync(join(dir, 'run-'))));
  const clients = await Promise.all(targets.map(clientFor));
  // Warm-up, not measured: the first server a fresh client talks to would otherwise pay for its JIT.
  for (const s3 of clients) {
    await timed(200, (i) => s3.send(new PutObjectCommand({ Bucket, Key: `warm/${i}`, Body: i % 50 ? small : large })));
    await timed(200, (i) => drain(s3, `warm/${i}`));
    await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'warm/' }));
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const row of ROWS) {
      for (const i of order) {
        spawnSync('sync'); // settle the previous measurement's deferred disk writes outside every timer
        (samples[targets[i]!.name]![row.label] ??= []).push(await row.run(clients[i]!, targets[i]!.name));
      }
    }
  }
  for (const c of clients) c.destroy();
} finally {
  for (const t of targets) t.child.kill();
  rmSync(dir, { recursive: true, force: true });
}

const result = (name: string): Record<string, number> => {
  const r: Record<string, number> = {};
  for (const row of ROWS) r[row.label] = median(samples[name]![row.label]!);
  r['PUT 1 KiB (MiB/s)'] = (r['PUT 1 KiB (ops/s)']! * SMALL) / 1024 ** 2;
  r['GET 1 KiB (MiB/s)'] = (r['GET 1 KiB (ops/s)']! * SMALL) / 1024 ** 2;
  r['PUT 8 MiB (ops/s)'] = r['PUT 8 MiB (MiB/s)']! / 8;
  r['GET 8 MiB (ops/s)'] = r['GET 8 MiB (MiB/s)']! / 8;
  return r;
};
const ours = result('sandlot');
const peer = result('s3rver');
console.log(`${''.padEnd(26)} ${'sandlot'.padStart(10)} ${'s3rver'.padStart(10)}   sandlot faster by`);
for (const label of Object.keys(ours)) {
  console.log(`${label.padEnd(26)} ${ours[label]!.toFixed(1).padStart(10)} ${peer[label]!.toFixed(1).padStart(10)}   ${(ours[label]! / peer[label]!).toFixed(2)}x`);
}
for (const row of ROWS) {
  const list = (name: string) => samples[name]![row.label]!.map((x) => x.toFixed(1)).join(' / ');
  console.log(`  rounds of ${row.label}: sandlot ${list('sandlot')}; s3rver ${list('s3rver')}`);
}
console.log(`(${SMALL_OPS} small and ${LARGE_OPS} large objects, ${CONCURRENCY} requests in flight; median of ${ROUNDS} rounds, the servers taking turns row by row; sandlot checks SigV4 and storage rules on every request)`);
