// bench/codegen: time to generate every `ampx generate graphql-client-code` format and target the docs name —
// introspection, the five modelgen targets, the five graphql-codegen statement targets with their default type
// targets — for a generated 50-model schema. Goal: under 2 s in total. Run: npx tsx bench/codegen.ts [--threads N]
//
// What is measured: one process generating all of them (`generateGraphqlClientCodeBatch`, the codegen package's
// entry for several formats at once, bundled as the CLI ships it, in a plain node child process), from before the codegen package is imported to the last file in memory:
// module loading, the AppSync schema (the SDL the local sandbox serves, `servedAppsyncSchema.ts`: the printer of
// the local AppSync, held equal in generator output to the Amplify transformer's SDL by test; the transformer
// itself still runs for schemas outside that proof), and every generator. Why not the sum of eleven
// `ampx generate graphql-client-code` runs (the CLI writes one format per run): each run would add process
// start, backend loading and module loading, and each graphql-codegen run the AppSync schema again — per-process
// costs that do not depend on the generators; the batch measures the generation work itself, each shared step once.
// `--threads N` runs the same batch on N threads, this one included (default: one per core but one, at least 1, at most 4);
// `--no-generators-bundle` loads the generator packages from node_modules instead of their bundle;
// `--no-code-cache` builds the bundle without the V8 code caches scripts/build.mjs ships beside it.
// Peer: the real command needs a deployed backend (CloudFormation + S3 + AppSync calls) and cannot run offline,
// so it is not measured here.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { GraphqlClientCodeBatchTiming } from '../packages/codegen/src/index.js';
// @ts-expect-error -- plain JavaScript build helper (no declarations)
import { buildGeneratorsBundle, writeGeneratorsCodeCache } from '../packages/codegen/generatorsBundle.mjs';

const MODELS = 50;
const GOAL_MS = 2000;
const threadsArg = process.argv.indexOf('--threads');
const threads = threadsArg === -1 ? undefined : Number(process.argv[threadsArg + 1]);

// The codegen package as the CLI ships it (esbuild bundle, minified, the same packages external as scripts/build.mjs,
// and the official generator packages in `codegen-generators.cjs` beside it, built by the same
// `packages/codegen/generatorsBundle.mjs`), built before the timer starts, then measured in a plain `node` child
// process: no tsx (its compile and require hooks would run for every module the generators load, in the batch's
// worker threads too, which no user's `ampx` run pays). The child starts its timer before it imports the bundle.
const bundleDir = fileURLToPath(new URL('../node_modules/.cache/sandlot-bench/codegen/', import.meta.url));
rmSync(bundleDir, { recursive: true, force: true });
await build({
  entryPoints: {
    codegen: fileURLToPath(new URL('../packages/codegen/src/index.ts', import.meta.url)),
    schemas: fileURLToPath(new URL('../packages/codegen/src/testing/schemas.ts', import.meta.url)),
    'codegen-code-cache': fileURLToPath(new URL('../packages/codegen/src/generatorsCodeCache.ts', import.meta.url)),
  },
  outdir: bundleDir, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
  mainFields: ['module', 'main'], minify: true, keepNames: true, logLevel: 'error',
  external: ['better-sqlite3', 'tsx', 'typescript', 'esbuild', 'aws-amplify', '@aws-amplify/*', 'aws-cdk-lib', 'constructs'],
  banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
});
// `--no-generators-bundle`: the generators from node_modules instead (for comparison).
const generatorsBundle = !process.argv.includes('--no-generators-bundle');
if (generatorsBundle) await buildGeneratorsBundle(bundleDir, { minify: true, logLevel: 'error' });
// The generators' V8 code caches, written as scripts/build.mjs writes them (a build step: a small schema of its own,
// not this bench's, generated once in another process); `--no-code-cache` leaves them out (for comparison).
const codeCache = generatorsBundle && !process.argv.includes('--no-code-cache');
if (codeCache) writeGeneratorsCodeCache(`${bundleDir}codegen-code-cache.mjs`);

/** What the child runs (plain node, ESM): the timed batch, reported as JSON on stdout. */
const CHILD = `
const [threadsArg, models] = process.argv.slice(2);
const cpu = process.cpuUsage();
const started = performance.now();
const codegen = await import('./codegen.mjs');
const { generatedSchema } = await import('./schemas.mjs');
const requests = [
  { format: 'introspection' },
  ...codegen.MODEL_TARGET_CHOICES.map((modelTarget) => ({ format: 'modelgen', modelTarget })),
  ...codegen.STATEMENT_TARGET_CHOICES.map((statementTarget) => ({ format: 'graphql-codegen', statementTarget })),
];
const data = {
  modelSchema: codegen.modelSchemaFromDataResource(generatedSchema(Number(models))),
  hasAuth: true,
  authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} },
};
const loadedMs = performance.now() - started;
const batch = await codegen.generateGraphqlClientCodeBatch(data, requests, { threads: threadsArg === '' ? undefined : Number(threadsArg) });
const totalMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const fileCount = batch.files.reduce((sum, files) => sum + Object.keys(files).length, 0);
const { createHash } = await import('node:crypto');
const digest = createHash('sha256').update(JSON.stringify(batch.files)).digest('hex').slice(0, 16);
const tsxLoaded = process.execArgv.some((arg) => arg.includes('tsx')) || /tsx/.test(process.env.NODE_OPTIONS ?? '');
process.stdout.write(JSON.stringify({ requests: requests.length, fileCount, timings: batch.timings, threads: batch.threads, loadedMs, totalMs, cpuMs: (used.user + used.system) / 1000,
  node: process.version, execArgv: process.execArgv, tsxLoaded, digest }));
`;
writeFileSync(`${bundleDir}measure.mjs`, CHILD);

type Measured = {
  requests: number; fileCount: number; timings: GraphqlClientCodeBatchTiming[]; threads: number; loadedMs: number; totalMs: number; cpuMs: number;
  node: string; execArgv: string[]; tsxLoaded: boolean; digest: string;
};
const measure = (): Measured => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // tsx's CLI passes its hooks by flags; nothing of it reaches the child through the environment
  const child = spawnSync(process.execPath, [`${bundleDir}measure.mjs`, threads === undefined ? '' : String(threads), String(MODELS)], { cwd: bundleDir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`bench child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as Measured;
};

const ms = (value: number) => value.toFixed(0).padStart(6);

const result = measure();
if (result.tsxLoaded) throw new Error('the bench child runs under tsx');
console.log(`bench/codegen: every graphql-client-code format/target, ${MODELS} models, one plain node ${result.node} process (execArgv ${JSON.stringify(result.execArgv)}, no tsx; ${result.threads} thread${result.threads === 1 ? "" : "s"} of ${availableParallelism()} cores; generators ${generatorsBundle ? `bundled, ${codeCache ? 'with' : 'without'} V8 code cache` : 'from node_modules'})`);
console.log('measured: one process generating every format (library batch), not the sum of 11 CLI runs, which would each add process start, backend and module loading, and the AppSync schema per graphql-codegen run');
console.log(`${'thread'.padEnd(7)}${'start'.padStart(6)} ${'ms'.padStart(6)}  part`);
console.log(`${'0'.padEnd(7)}${ms(0)} ${ms(result.loadedMs)}  load the codegen package, build the model schema`);
for (const timing of result.timings) {
  console.log(`${String(timing.thread).padEnd(7)}${ms(timing.startMs + result.loadedMs)} ${ms(timing.ms)}  ${timing.label}`);
}
console.log(`${result.requests} format/targets, ${result.fileCount} files (sha256 of all files, after the timer: ${result.digest})`);
console.log(`total ${result.totalMs.toFixed(0)} ms wall, ${result.cpuMs.toFixed(0)} ms CPU (all threads) — goal < ${GOAL_MS} ms: ${result.totalMs < GOAL_MS ? 'met' : 'NOT met'}`);
// Other processes on the machine take cores from the threads: wall time only approaches CPU / threads when idle.
console.log(`load average during the run: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
