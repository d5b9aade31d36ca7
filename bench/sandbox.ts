// bench/sandbox: median cold start (`ampx sandbox --once`: command to outputs written, whole process)
// and change-to-live (an edit to amplify/auth/resource.ts until the new outputs file is written) for
// the docs app. Peers (anchors.md §1.5): the real sandbox's first deploy 178 s, hotswap up to 30 s.
// Run: npm run build && npx tsx bench/sandbox.ts   (needs ../shared/examples)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../packages/cli/bin/ampx.mjs', import.meta.url));
const app = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/examples/docs-app');
const env: NodeJS.ProcessEnv = { ...process.env, SANDLOT_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'sandlot-bench-key-')) };
// NODE_EXTRA_CA_CERTS makes every Node process parse that certificate bundle as it starts, before any of our
// code runs; a default Node setup has none, so the runs go without it (the note at the end says what it adds).
const extraCa = env.NODE_EXTRA_CA_CERTS;
delete env.NODE_EXTRA_CA_CERTS;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cold: number[] = [];
const log = (m: string) => process.env.BENCH_DEBUG && console.error(m);
for (let i = 0; i < 5; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-sandbox-'));
  cpSync(app, dir, { recursive: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, 'sandbox', '--once'], { cwd: dir, env });
  if (r.status !== 0) throw new Error(String(r.stderr));
  cold.push(performance.now() - t);
  log('cold ' + cold.at(-1));
  rmSync(dir, { recursive: true, force: true });
}

const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-sandbox-'));
cpSync(app, dir, { recursive: true });
const child = spawn(process.execPath, [bin, 'sandbox'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout!.on('data', (d) => (out += d));
const until = (cond: () => boolean) => new Promise<void>((r) => { const i = setInterval(() => cond() && (clearInterval(i), r()), 2); });
await until(() => out.includes('Watching for file changes'));
log('watching');
const outputs = join(dir, 'amplify_outputs.json');
const authFile = join(dir, 'amplify/auth/resource.ts');
const original = readFileSync(authFile, 'utf8');
const live: number[] = [];
for (let i = 0; i < 7; i++) {
  const before = statSync(outputs).mtimeMs;
  const count = (out.match(/Deployment completed/g) ?? []).length;
  const t = performance.now();
  writeFileSync(authFile, original.replace('groups: ["admin"]', `groups: ["admin", "g${i}"]`));
  await until(() => (out.match(/Deployment completed/g) ?? []).length > count && statSync(outputs).mtimeMs !== before);
  live.push(performance.now() - t);
  if (!readFileSync(outputs, 'utf8').includes(`"g${i}"`)) throw new Error('change not live');
  await new Promise((r) => setTimeout(r, 100));
}
child.kill('SIGINT');
await new Promise((r) => child.on('exit', r));
rmSync(dir, { recursive: true, force: true });

const row = (name: string, ms: number, goal: number, real: number) =>
  console.log(`${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms   goal < ${goal} ms ${ms < goal ? 'ok    ' : 'MISSED'}   real ampx ~${real / 1000} s   ${(real / ms).toFixed(0)}x faster`);
console.log('docs app (auth + data + storage), median of', cold.length, 'cold starts and', live.length, 'changes');
row('cold start (--once)', median(cold), 1000, 178_000);
row('change-to-live', median(live), 300, 30_000);
if (extraCa !== undefined) {
  const start = (withEnv: NodeJS.ProcessEnv) => median(Array.from({ length: 9 }, () => { const t = performance.now(); spawnSync(process.execPath, ['-e', '0'], { env: withEnv }); return performance.now() - t; }));
  console.log(`(runs without this shell's NODE_EXTRA_CA_CERTS=${extraCa}: it adds ${(start({ ...env, NODE_EXTRA_CA_CERTS: extraCa }) - start(env)).toFixed(0)} ms to every Node start here)`);
}
