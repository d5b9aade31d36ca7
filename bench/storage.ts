// bench/storage: Sandlot's local S3 vs s3rver (npm) on this machine, each a separate process on loopback, driven
// by the same @aws-sdk/client-s3 client (path style, 8 requests in flight): PUT/GET ops per second for 1 KiB
// objects, LIST (1000 keys per page) per second, PUT/GET MiB/s for 8 MiB objects. Ours verifies SigV4 (and the
// body's signed SHA-256 and CRC32) and the storage rules on every request; s3rver checks neither. Each row is
// measured in 6 rounds, the two servers taking turns (the first one alternating, an even count so each goes
// first as often as second), and the median printed (the machine is shared: a load change between two
// back-to-back runs would otherwise decide a row), after a warm-up of the client against both.
// Fairness, the same for both servers: every measurement starts after the same untimed settling (`sync` of the
// machine's dirty pages: s3rver never fsyncs, so the kernel would otherwise write its 128 MiB of PUT bodies back
// during whichever row comes next, while Sandlot's PUTs fsync inside their own timing; a collection of the
// client's garbage; a short pause for the servers' deferred work). The 8 MiB rows run as a PUT phase (both
// servers) and then a GET phase (both servers), and each server's timed GET round follows an untimed GET of
// 4 objects against the same server: a GET round timed right behind a round of 8 MiB PUTs was seen at about a third
// of its speed (either server), so with rows interleaved as PUT a, PUT b, GET a, GET b and an odd number of
// rounds, one server's median GET came from the slowed position and the other's did not.
// The GET 8 MiB row reads each body as a stream and counts its bytes (as a download written to a file does), the
// same for both servers. Gathered into one array instead (the SDK's transformToByteArray: 64 KiB socket reads
// concatenated into a new 8 MiB array, about 55 ms of the client's CPU per GET on this 2-core machine against
// about 9 ms of Sandlot's and 25 ms of s3rver's), the row measured the client: both servers tied within noise
// (0.97-1.07x). After the table the bench prints each server's CPU per request (its process's user + system time
// over its rounds, from /proc): what each server costs the machine, apart from the shared client. The GET 8 MiB
// row is measured in 3 times as many rounds (18, GET_LARGE_REPEATS) (each round's GET phase
// repeated, the order reversed each time) to make its median steadier.
// The peer is installed on demand into /tmp/sandlot-bench-peers/s3rver (never into the repo).
// Run: npx tsx bench/storage.ts   (STORAGE_BENCH_ONLY=large: only the 8 MiB rows)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
const ROUNDS = 6; // even: each server goes first in as many rounds as it goes second
/** GET phases of 8 MiB per round (odd or even alike: the order flips between them and between rounds). */
const GET_LARGE_REPEATS = 3;
/** Untimed 8 MiB GETs of a server right before its timed GET round. */
const PRIME_OPS = 4;
/** Pause after the untimed settling work before each measurement. */
const SETTLE_MS = 300;
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
    outfile: out, external: ['better-sqlite3'], banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" }, logLevel: 'error' });
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

/** A measured row: `run` makes `ops` requests and returns its rate against one server. */
interface Row { label: string; ops: number; run(s3: S3Client, name: string): Promise<number> }

/** The 1 KiB and LIST rows, in order (later rows read what earlier ones wrote). */
const SMALL_ROWS: Row[] = [
  { label: 'PUT 1 KiB (ops/s)', ops: SMALL_OPS, run: async (s3) => SMALL_OPS / await timed(SMALL_OPS, (i) => s3.send(new PutObjectCommand({ Bucket, Key: smallKey(i), Body: small }))) },
  { label: 'GET 1 KiB (ops/s)', ops: SMALL_OPS, run: async (s3) => SMALL_OPS / await timed(SMALL_OPS, (i) => drain(s3, smallKey(i))) },
  {
    label: 'LIST 1000 keys (pages/s)',
    ops: LIST_OPS,
    run: async (s3, name) => LIST_OPS / await timed(LIST_OPS, async () => {
      const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'small/' }));
      if (page.KeyCount !== SMALL_OPS) throw new Error(`${name} listed ${page.KeyCount}`);
    }),
  },
];
/** An 8 MiB body read as a stream (counted, not gathered into one array, as a download written to a file reads it). */
const streamed = async (s3: S3Client, key: string) => {
  let n = 0;
  for await (const chunk of (await s3.send(new GetObjectCommand({ Bucket, Key: key }))).Body as AsyncIterable<Uint8Array>) {
    if (chunk[0] !== 9 || chunk[chunk.length - 1] !== 9) throw new Error(`wrong bytes in ${key}`);
    n += chunk.length;
  }
  return n;
};
const getLarge = (s3: S3Client) => async (i: number) => {
  if ((await streamed(s3, `large/${i}`)) !== LARGE) throw new Error('short read');
};
/** The 8 MiB rows: a PUT phase (both servers) and then a GET phase (both servers) reading what it wrote. */
const PUT_LARGE: Row = { label: 'PUT 8 MiB (MiB/s)', ops: LARGE_OPS, run: async (s3) => (LARGE_OPS * 8) / await timed(LARGE_OPS, (i) => s3.send(new PutObjectCommand({ Bucket, Key: `large/${i}`, Body: large }))) };
const GET_LARGE: Row = { label: 'GET 8 MiB (MiB/s)', ops: LARGE_OPS, run: async (s3) => (LARGE_OPS * 8) / await timed(LARGE_OPS, getLarge(s3)) };
/** STORAGE_BENCH_ONLY=large: only the 8 MiB rows (quicker tries of a large-body change). */
const LARGE_ONLY = process.env.STORAGE_BENCH_ONLY === 'large';
const ROWS = [...(LARGE_ONLY ? [] : SMALL_ROWS), PUT_LARGE, GET_LARGE];

// The client's collector, for settling between measurements (tsx gives no --expose-gc).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
/**
 * Untimed, before every measurement, the same for both servers: the machine's dirty pages are written out
 * (`sync`), the client's garbage collected, and the servers get a moment to finish deferred work (unlinks of
 * overwritten bodies, their own collections) so it lands in no one's timer.
 */
async function settle(): Promise<void> {
  spawnSync('sync');
  collect();
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

/** The median (of an even count: the mean of the middle two). */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// Both servers run side by side (an idle one costs nothing); every row is measured on one and then the
// other, first one alternating by round, so a change in the machine's load hits both alike.
const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-storage-'));
const samples: Record<string, Record<string, number[]>> = { sandlot: {}, s3rver: {} };
/** CPU milliseconds each server process spent in a row's measurements, and the requests they served. */
const serverCpu: Record<string, Record<string, { ms: number; ops: number }>> = { sandlot: {}, s3rver: {} };
/** CPU milliseconds (user + system) of a process so far, from /proc (Linux; NaN elsewhere). */
const processCpuMs = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ = 100
  } catch {
    return NaN;
  }
};
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
  const measure = async (row: Row, i: number) => {
    await settle();
    const cpu0 = processCpuMs(targets[i]!.child.pid!);
    (samples[targets[i]!.name]![row.label] ??= []).push(await row.run(clients[i]!, targets[i]!.name));
    const cpu = (serverCpu[targets[i]!.name]![row.label] ??= { ms: 0, ops: 0 });
    cpu.ms += processCpuMs(targets[i]!.child.pid!) - cpu0;
    cpu.ops += row.ops;
  };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    if (!LARGE_ONLY) for (const row of SMALL_ROWS) for (const i of order) await measure(row, i);
    // 8 MiB: both servers' PUT rounds, then both servers' GET rounds, each GET round right after an untimed
    // GET of the same server (so no GET round is timed right behind a PUT round, see the header).
    for (const i of order) await measure(PUT_LARGE, i);
    for (let g = 0; g < GET_LARGE_REPEATS; g++) {
      for (const i of g % 2 ? [...order].reverse() : order) {
        await timed(PRIME_OPS, getLarge(clients[i]!));
        await measure(GET_LARGE, i);
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
  if (!LARGE_ONLY) {
    r['PUT 1 KiB (MiB/s)'] = (r['PUT 1 KiB (ops/s)']! * SMALL) / 1024 ** 2;
    r['GET 1 KiB (MiB/s)'] = (r['GET 1 KiB (ops/s)']! * SMALL) / 1024 ** 2;
  }
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
const cpuPerOp = (name: string, label: string) => serverCpu[name]![label]!.ms / serverCpu[name]![label]!.ops;
console.log(`\nserver CPU per request (ms, user + system of the server's process over all its rounds; lower is better)`);
for (const row of ROWS) console.log(`  ${row.label.replace(/ \(.*\)$/, '').padEnd(24)} sandlot ${cpuPerOp('sandlot', row.label).toFixed(2).padStart(7)}   s3rver ${cpuPerOp('s3rver', row.label).toFixed(2).padStart(7)}`);
console.log(`(${SMALL_OPS} small and ${LARGE_OPS} large objects, ${CONCURRENCY} requests in flight; median of ${ROUNDS} rounds (GET 8 MiB: ${ROUNDS * GET_LARGE_REPEATS}), the servers taking turns, settled alike before each; sandlot checks SigV4 and storage rules on every request)`);
