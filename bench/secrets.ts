// bench/secrets: median time of `ampx sandbox secret set` / `get` as whole processes, and of the same
// calls as library calls (SecretClient over the in-process SSM). Run: npm run build && npx tsx bench/secrets.ts
// set/get/list/remove with only --identifier/--profile skip yargs (packages/cli/src/secrets/secretFastPath.ts);
// one row shows the same get through the full parser.
// Peer: the real `ampx sandbox secret set/get` makes SSM calls to AWS and takes seconds per call
// (Node start + credential chain + network round trips); it cannot run offline, so it is not measured here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SecretClient } from '../packages/cli/src/secrets/secretClient.js';
import { openSsm } from '../packages/cli/src/secrets/ssmConnection.js';
import { resolveSandbox } from '../packages/cli/src/commands/sandboxTarget.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/ampx.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-secrets-'));
mkdirSync(join(dir, 'amplify'));
writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-app' }));
const env: NodeJS.ProcessEnv = { ...process.env, SANDLOT_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'sandlot-bench-key-')) };
// NODE_EXTRA_CA_CERTS makes every Node process read and parse that bundle of certificates as it starts (on this
// machine: /etc/ssl/certs/ca-certificates.crt, ~220 KB, tens of ms) before any of our code runs. A default Node
// setup has no such variable, so the process rows are measured without it (the goal is about Sandlot's time);
// when it is set, the same rows are also printed with it, for comparison.
const extraCa = env.NODE_EXTRA_CA_CERTS;
delete env.NODE_EXTRA_CA_CERTS;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const proc = (args: string[], input?: string, withEnv = env) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: withEnv, input });
  if (r.status !== 0) throw new Error(`ampx ${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
};

proc(['sandbox', 'secret', 'set', 'warmup'], 'x');
const floor = (withEnv: NodeJS.ProcessEnv) => median(Array.from({ length: 9 }, () => { const t = performance.now(); spawnSync(process.execPath, ['-e', '0'], { env: withEnv }); return performance.now() - t; }));
const baseline = floor(env);
const sets = Array.from({ length: 15 }, (_, i) => proc(['sandbox', 'secret', 'set', 'bench'], `value-${i}`));
const gets = Array.from({ length: 15 }, () => proc(['sandbox', 'secret', 'get', 'bench']));
// The same read through the full yargs parser (`--json` is not on the fast path of secretFastPath.ts).
const parsedGets = Array.from({ length: 15 }, () => proc(['sandbox', 'secret', 'get', 'bench', '--json']));
const envWithCa = { ...env, NODE_EXTRA_CA_CERTS: extraCa };
const withCa = extraCa === undefined ? undefined : {
  baseline: floor(envWithCa),
  set: median(Array.from({ length: 15 }, (_, i) => proc(['sandbox', 'secret', 'set', 'bench'], `value-${i}`, envWithCa))),
  get: median(Array.from({ length: 15 }, () => proc(['sandbox', 'secret', 'get', 'bench'], undefined, envWithCa))),
};

const loc = resolveSandbox({}, dir);
process.env.SANDLOT_CONFIG_DIR = env.SANDLOT_CONFIG_DIR;
const conn = await openSsm(loc);
const client = new SecretClient(conn.ssm, loc.id);
const lib = async (fn: () => Promise<unknown>, n: number) => {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); await fn(); xs.push(performance.now() - t); }
  return median(xs);
};
const libSet = await lib(() => client.set('lib', 'v'), 1000);
const libGet = await lib(() => client.get('lib'), 1000);
conn.close();

const row = (name: string, ms: number, goal: number) => console.log(`${name.padEnd(34)} ${ms.toFixed(2).padStart(8)} ms   goal < ${goal} ms   ${ms < goal ? 'ok' : 'MISSED'}`);
console.log(`node -e 0 (process floor on this machine): ${baseline.toFixed(1)} ms`);
row('ampx sandbox secret set (process)', median(sets), 150);
row('ampx sandbox secret get (process)', median(gets), 150);
console.log(`${'  same get via yargs (--json)'.padEnd(34)} ${median(parsedGets).toFixed(2).padStart(8)} ms   (the full parser; for comparison)`);
if (withCa) {
  console.log(`with this shell's NODE_EXTRA_CA_CERTS=${extraCa} (every Node process parses it at start; not Sandlot's time):`);
  console.log(`  node -e 0 ${withCa.baseline.toFixed(1)} ms, secret set ${withCa.set.toFixed(1)} ms, secret get ${withCa.get.toFixed(1)} ms (Sandlot's part: set ${(withCa.set - withCa.baseline).toFixed(1)} ms, get ${(withCa.get - withCa.baseline).toFixed(1)} ms; without it: set ${(median(sets) - baseline).toFixed(1)} ms, get ${(median(gets) - baseline).toFixed(1)} ms)`);
}
row('SecretClient.set (library call)', libSet, 1);
row('SecretClient.get (library call)', libGet, 1);
