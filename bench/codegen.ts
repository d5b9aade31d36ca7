// bench/codegen: time to generate every `ampx generate graphql-client-code` format and target the docs name —
// introspection, the five modelgen targets, the five graphql-codegen statement targets with their default type
// targets — for a generated 50-model schema. Goal: under 2 s in total. Run: npx tsx bench/codegen.ts [--threads N]
//
// What is measured: one process generating all of them (`generateGraphqlClientCodeBatch`, the codegen package's
// entry for several formats at once, bundled as the CLI ships it), from before the codegen package is imported to the last file in memory:
// module loading, the AppSync schema (the SDL the local sandbox serves, `servedAppsyncSchema.ts`: the printer of
// the local AppSync, held equal in generator output to the Amplify transformer's SDL by test; the transformer
// itself still runs for schemas outside that proof), and every generator. Why not the sum of eleven
// `ampx generate graphql-client-code` runs (the CLI writes one format per run): each run would add process
// start, backend loading and module loading, and each graphql-codegen run the AppSync schema again — per-process
// costs that do not depend on the generators; the batch measures the generation work itself, each shared step once.
// `--threads 1` runs the same batch on this thread only (default: one thread per core, at most 4).
// Peer: the real command needs a deployed backend (CloudFormation + S3 + AppSync calls) and cannot run offline,
// so it is not measured here.
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const MODELS = 50;
const GOAL_MS = 2000;
const threadsArg = process.argv.indexOf('--threads');
const threads = threadsArg === -1 ? undefined : Number(process.argv[threadsArg + 1]);

// The codegen package as the CLI ships it (esbuild bundle, the same packages external as scripts/build.mjs), built
// before the timer starts: importing the sources would add tsx's compile and loader hooks to every module the
// generators load (the batch's worker threads included), which no user's `ampx` run pays.
const bundleDir = fileURLToPath(new URL('../node_modules/.cache/sandlot-bench/codegen/', import.meta.url));
await build({
  entryPoints: { codegen: fileURLToPath(new URL('../packages/codegen/src/index.ts', import.meta.url)), schemas: fileURLToPath(new URL('../packages/codegen/src/testing/schemas.ts', import.meta.url)) },
  outdir: bundleDir, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
  mainFields: ['module', 'main'], keepNames: true, logLevel: 'error',
  external: ['better-sqlite3', 'tsx', 'typescript', 'esbuild', 'aws-amplify', '@aws-amplify/*', 'aws-cdk-lib', 'constructs'],
  banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
});

const measure = async () => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const codegen = (await import(pathToFileURL(`${bundleDir}codegen.mjs`).href)) as typeof import('../packages/codegen/src/index.js');
  const { generatedSchema } = (await import(pathToFileURL(`${bundleDir}schemas.mjs`).href)) as typeof import('../packages/codegen/src/testing/schemas.js');
  const requests = [
    { format: 'introspection' },
    ...codegen.MODEL_TARGET_CHOICES.map((modelTarget) => ({ format: 'modelgen', modelTarget })),
    ...codegen.STATEMENT_TARGET_CHOICES.map((statementTarget) => ({ format: 'graphql-codegen', statementTarget })),
  ];
  const data = {
    modelSchema: codegen.modelSchemaFromDataResource(generatedSchema(MODELS)),
    hasAuth: true,
    authorizationModes: { defaultAuthorizationMode: 'userPool' as const, apiKeyAuthorizationMode: {} },
  };
  const loadedMs = performance.now() - started;
  const batch = await codegen.generateGraphqlClientCodeBatch(data, requests, { threads });
  const totalMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { requests, batch, loadedMs, totalMs, cpuMs: (used.user + used.system) / 1000 };
};

const ms = (value: number) => value.toFixed(0).padStart(6);

const result = await measure();
console.log(`bench/codegen: every graphql-client-code format/target, ${MODELS} models, one process (${result.batch.threads} threads of ${availableParallelism()} cores)`);
console.log('measured: one process generating every format (library batch), not the sum of 11 CLI runs, which would each add process start, backend and module loading, and the AppSync schema per graphql-codegen run');
console.log(`${'thread'.padEnd(7)}${'start'.padStart(6)} ${'ms'.padStart(6)}  part`);
console.log(`${'0'.padEnd(7)}${ms(0)} ${ms(result.loadedMs)}  load the codegen package, build the model schema`);
for (const timing of result.batch.timings) {
  console.log(`${String(timing.thread).padEnd(7)}${ms(timing.startMs + result.loadedMs)} ${ms(timing.ms)}  ${timing.label}`);
}
const fileCount = result.batch.files.reduce((sum, files) => sum + Object.keys(files).length, 0);
console.log(`${result.requests.length} format/targets, ${fileCount} files`);
console.log(`total ${result.totalMs.toFixed(0)} ms wall, ${result.cpuMs.toFixed(0)} ms CPU (all threads) — goal < ${GOAL_MS} ms: ${result.totalMs < GOAL_MS ? 'met' : 'NOT met'}`);
// Other processes on the machine take cores from the threads: wall time only approaches CPU / threads when idle.
console.log(`load average during the run: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
