import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error -- plain JavaScript build helper (no declarations)
import { buildGeneratorsBundle } from '../generatorsBundle.mjs';
import { CodegenRun, generateGraphqlClientCodeFiles, MODEL_TARGET_CHOICES, modelSchemaFromDataResource, STATEMENT_TARGET_CHOICES, TYPE_TARGET_CHOICES } from './index.js';
import type { CodegenDataSource, GraphqlClientCodeFlags } from './index.js';
import { GENERATORS_BUNDLE } from './formats/generatorModules.js';
import { richSchema } from './testing/schemas.js';

/**
 * The codegen code bundled as the CLI ships it, with the generator packages in `codegen-generators.cjs` beside
 * it (`generatorsBundle.mjs`), run in a plain node process: it loads the generators from that bundle (the
 * prettier parsers and the types generator's directives file it reads from disk included) and writes the same
 * files as the sources with the generators from node_modules.
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
const { generatorsBundled } = await import('./generatorModules.mjs');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { data, requests } = JSON.parse(input);
const files = [];
const run = new codegen.CodegenRun();
for (const flags of requests) files.push(await codegen.generateGraphqlClientCodeFiles({ ...flags, data }, run).catch((error) => ({ error: error.name + ': ' + error.message })));
const batch = await codegen.generateGraphqlClientCodeBatch(data, requests.slice(0, 4), { threads: 2 });
process.stdout.write(JSON.stringify({ bundled: generatorsBundled(), files, batch: batch.files }));
`;

test('the bundled codegen code with the generators bundle writes the same files as the sources', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandlot-codegen-bundle-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await build({
    entryPoints: { codegen: source('./index.ts'), generatorModules: source('./formats/generatorModules.ts') },
    outdir: dir, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
    mainFields: ['module', 'main'], minify: true, keepNames: true, logLevel: 'error',
    external: ['better-sqlite3', 'tsx', 'typescript', 'esbuild', 'aws-amplify', '@aws-amplify/*', 'aws-cdk-lib', 'constructs'],
    banner: { js: "import { createRequire as __testRequire } from 'node:module'; const require = __testRequire(import.meta.url);" },
  });
  await buildGeneratorsBundle(dir, { minify: true, logLevel: 'error' });
  // As in the CLI's dist/, whose package is `"type": "module"`.
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  assert.ok(existsSync(path.join(dir, GENERATORS_BUNDLE)));
  writeFileSync(path.join(dir, 'child.mjs'), CHILD);

  const data: CodegenDataSource = { modelSchema: modelSchemaFromDataResource(richSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: { expiresInDays: 30 } } };
  const bundled = new Promise<{ bundled: boolean; files: unknown[]; batch: unknown[] }>((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = execFile(process.execPath, [path.join(dir, 'child.mjs')], { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(JSON.stringify({ data, requests }));
  });
  const run = new CodegenRun();
  const expected: unknown[] = [];
  for (const flags of requests) expected.push(await generateGraphqlClientCodeFiles({ ...flags, data }, run).catch((error: Error) => ({ error: `${error.name}: ${error.message}` })));
  const got = await bundled;
  assert.equal(got.bundled, true, 'the child loaded the generators from the bundle');
  requests.forEach((flags, at) => assert.deepEqual(got.files[at], expected[at], JSON.stringify(flags)));
  assert.deepEqual(got.batch, expected.slice(0, 4), 'batch over worker threads');
});
