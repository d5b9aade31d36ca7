import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
// @ts-expect-error -- plain JavaScript build helper (no declarations)
import { buildGeneratorsBundle, writeGeneratorsCodeCache } from '../generatorsBundle.mjs';
import { CodegenRun, generateGraphqlClientCodeFiles, MODEL_TARGET_CHOICES, modelSchemaFromDataResource, STATEMENT_TARGET_CHOICES, TYPE_TARGET_CHOICES } from './index.js';
import type { CodegenDataSource, GraphqlClientCodeFlags } from './index.js';
import { CODE_CACHE_SUFFIX, GENERATORS_BUNDLE } from './formats/generatorModules.js';
import { richSchema } from './testing/schemas.js';

/**
 * The codegen code bundled as the CLI ships it, with the generator packages in `codegen-generators.cjs` beside
 * it (`generatorsBundle.mjs`), run in a plain node process: it loads the generators from that bundle (the
 * prettier parsers and the types generator's directives file it reads from disk included) and writes the same
 * files as the sources with the generators from node_modules. With the V8 code caches the build writes beside
 * the bundle and the parsers (`generatorsCodeCache.ts`), every thread loads them from their caches; a cache V8
 * rejects, or one made from another source, is not used, and the files are the same.
 */
const source = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const requests: GraphqlClientCodeFlags[] = [
  { format: 'introspection' },
  ...MODEL_TARGET_CHOICES.map((modelTarget) => ({ format: 'modelgen', modelTarget }) as const),
  ...STATEMENT_TARGET_CHOICES.map((statementTarget) => ({ format: 'graphql-codegen', statementTarget }) as const),
  ...TYPE_TARGET_CHOICES.map((typeTarget) => ({ format: 'graphql-codegen', statementTarget: 'graphql', typeTarget }) as const),
];

const CHILD = `
const codegen = await import('./codegen.mjs');
const { generatorsBundled, generatorsCodeCacheStates } = await import('./generatorModules.mjs');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { data, requests, batchRequests } = JSON.parse(input);
const files = [];
const run = new codegen.CodegenRun();
for (const flags of requests) files.push(await codegen.generateGraphqlClientCodeFiles({ ...flags, data }, run).catch((error) => ({ error: error.name + ': ' + error.message })));
const batch = await codegen.generateGraphqlClientCodeBatch(data, batchRequests, { threads: 2 });
process.stdout.write(JSON.stringify({ bundled: generatorsBundled(), cache: generatorsCodeCacheStates(), files, batch: batch.files }));
`;

type ChildResult = { bundled: boolean; cache: Record<string, string>; files: unknown[]; batch: unknown[] };
const runChild = (dir: string, input: object) =>
  new Promise<ChildResult>((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = execFile(process.execPath, [path.join(dir, 'child.mjs')], { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(JSON.stringify(input));
  });

test('the bundled codegen code with the generators bundle writes the same files as the sources', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandlot-codegen-bundle-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await build({
    entryPoints: { codegen: source('./index.ts'), generatorModules: source('./formats/generatorModules.ts'), 'codegen-code-cache': source('./generatorsCodeCache.ts') },
    outdir: dir, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
    mainFields: ['module', 'main'], minify: true, keepNames: true, logLevel: 'error',
    external: ['better-sqlite3', 'tsx', 'typescript', 'esbuild', 'aws-amplify', '@aws-amplify/*', 'aws-cdk-lib', 'constructs'],
    banner: { js: "import { createRequire as __testRequire } from 'node:module'; const require = __testRequire(import.meta.url);" },
  });
  await buildGeneratorsBundle(dir, { minify: true, logLevel: 'error' });
  // As in the CLI's dist/, whose package is `"type": "module"`.
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  assert.ok(existsSync(path.join(dir, GENERATORS_BUNDLE)));
  assert.ok(!/[^\x00-\x7f]/.test(readFileSync(path.join(dir, GENERATORS_BUNDLE), 'utf8')), 'the bundle is ASCII-only (a one-byte string in V8)');
  writeFileSync(path.join(dir, 'child.mjs'), CHILD);
  const written = (writeGeneratorsCodeCache(path.join(dir, 'codegen-code-cache.mjs')) as string[]).map((file) => path.relative(dir, file)).sort();
  const bundleCache = `${GENERATORS_BUNDLE}${CODE_CACHE_SUFFIX}`;
  // (No prettier parser among them: the statements' GraphQL is printed without prettier, graphqlStatementPrinter.ts.)
  assert.ok(written.includes(bundleCache), `code caches written: ${written.join(', ')}`);

  const data: CodegenDataSource = { modelSchema: modelSchemaFromDataResource(richSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: { expiresInDays: 30 } } };
  const bundled = runChild(dir, { data, requests, batchRequests: requests.slice(0, 4) });
  const run = new CodegenRun();
  const expected: unknown[] = [];
  for (const flags of requests) expected.push(await generateGraphqlClientCodeFiles({ ...flags, data }, run).catch((error: Error) => ({ error: `${error.name}: ${error.message}` })));
  const got = await bundled;
  assert.equal(got.bundled, true, 'the child loaded the generators from the bundle');
  requests.forEach((flags, at) => assert.deepEqual(got.files[at], expected[at], JSON.stringify(flags)));
  assert.deepEqual(got.batch, expected.slice(0, 4), 'batch over worker threads');
  // Every file with a cache was compiled from it (the bundle, the parsers the requests used).
  const states = Object.fromEntries(Object.entries(got.cache).map(([file, state]) => [path.relative(dir, file), state]));
  for (const file of written) assert.equal(states[file.slice(0, -CODE_CACHE_SUFFIX.length)], 'accepted', `${file} used`);

  // A cache V8 refuses (the source's digest kept, V8's data made for another script), and one made from
  // another source (digest changed): each file compiled as usual, the same files generated.
  const cached = readFileSync(path.join(dir, bundleCache));
  const few = [requests.find((flags) => flags.format === 'introspection')!, ...requests.filter((flags) => flags.format === 'graphql-codegen' && flags.statementTarget === 'angular' && !flags.typeTarget)];
  const otherDigest = Buffer.from(cached);
  otherDigest[0] = otherDigest[0]! ^ 1;
  for (const [contents, state] of [
    [Buffer.concat([cached.subarray(0, 32), new vm.Script('"another script"').createCachedData()]), 'rejected'],
    [otherDigest, 'absent'],
  ] as const) {
    writeFileSync(path.join(dir, bundleCache), contents);
    const again = await runChild(dir, { data, requests: few, batchRequests: [] });
    const againStates = Object.fromEntries(Object.entries(again.cache).map(([file, cacheState]) => [path.relative(dir, file), cacheState]));
    assert.equal(againStates[GENERATORS_BUNDLE], state);
    few.forEach((flags, at) => assert.deepEqual(again.files[at], expected[requests.indexOf(flags)], JSON.stringify(flags)));
  }
});
