import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAmpx, tempProject } from '../../testing/runAmpx.js';
import { FORMAT_CHOICES, MODEL_TARGET_CHOICES, STATEMENT_TARGET_CHOICES, TYPE_TARGET_CHOICES } from '@sandlot/codegen';

const examples = resolve(import.meta.dirname, '../../../../../../shared/examples');
const skip = existsSync(examples) ? false : `needs ../shared/examples beside the clone (${examples})`;
let p: { dir: string; env: NodeJS.ProcessEnv };
const ampx = (args: string[]) => runAmpx(args, { cwd: p.dir, env: p.env, timeoutMs: 60_000 });

before(async () => {
  if (skip) return;
  p = tempProject();
  cpSync(join(examples, 'docs-app'), p.dir, { recursive: true });
});

test('generate outputs needs a started environment, then writes every format where asked', { skip }, async () => {
  const none = await ampx(['generate', 'outputs']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /^\[StackDoesNotExistError\] Stack does not exist/);
  assert.match(none.stderr, /Resolution: Start the sandbox with npx ampx sandbox/);
  assert.equal((await ampx(['sandbox', '--once'])).code, 0);
  const json = await ampx(['generate', 'outputs', '--out-dir', 'out']);
  assert.equal(json.code, 0, json.stderr);
  assert.match(json.stdout, /File written: out\/amplify_outputs\.json/);
  assert.deepEqual(JSON.parse(readFileSync(join(p.dir, 'out/amplify_outputs.json'), 'utf8')), JSON.parse(readFileSync(join(p.dir, 'amplify_outputs.json'), 'utf8')));
  const dart = await ampx(['generate', 'outputs', '--format', 'dart', '--outputs-version', '1.3']);
  assert.equal(dart.code, 0, dart.stderr);
  assert.match(readFileSync(join(p.dir, 'amplify_outputs.dart'), 'utf8'), /^const amplifyConfig = r'''\{[\s\S]*"version": "1\.3"\n\}''';$/);
  const legacy = await ampx(['generate', 'outputs', '--outputs-version', '0', '--format', 'mjs']);
  assert.equal(legacy.code, 0, legacy.stderr);
  assert.match(readFileSync(join(p.dir, 'amplifyconfiguration.mjs'), 'utf8'), /aws_user_pools_id/);
  const mobile = await ampx(['generate', 'outputs', '--format', 'json-mobile', '--out-dir', 'app/src/main/res/raw']);
  assert.equal(mobile.code, 0, mobile.stderr);
  assert.equal(JSON.parse(readFileSync(join(p.dir, 'app/src/main/res/raw/amplify_outputs.json'), 'utf8')).version, '1.5');
  const bad = await ampx(['generate', 'outputs', '--format', 'xml']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /Invalid values/);
});

test('generate outputs --app-id X --branch B reads the local environment named after the branch', { skip }, async () => {
  const missing = await ampx(['generate', 'outputs', '--app-id', 'd123', '--branch', 'main']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /Start the branch environment with npx ampx sandbox --identifier main --once/);
  assert.equal((await ampx(['sandbox', '--once', '--identifier', 'main', '--outputs-out-dir', 'main-env'])).code, 0);
  const r = await ampx(['generate', 'outputs', '--app-id', 'd123', '--branch', 'main', '--out-dir', 'branch']);
  assert.equal(r.code, 0, r.stderr);
  const branch = JSON.parse(readFileSync(join(p.dir, 'branch/amplify_outputs.json'), 'utf8'));
  const mine = JSON.parse(readFileSync(join(p.dir, 'amplify_outputs.json'), 'utf8'));
  assert.notEqual(branch.auth.user_pool_id, mine.auth.user_pool_id, 'a different environment');
  assert.equal((await ampx(['generate', 'outputs', '--branch', 'main'])).code, 1, '--branch implies --app-id');
  const badStack = await ampx(['generate', 'outputs', '--stack', '9bad']);
  assert.match(badStack.stderr, /Invalid --stack name provided: 9bad/);
});

test('generate graphql-client-code writes every format without a running sandbox', { skip }, async () => {
  const def = await ampx(['generate', 'graphql-client-code', '--out', 'gql']);
  assert.equal(def.code, 0, def.stderr);
  for (const f of ['queries.ts', 'mutations.ts', 'subscriptions.ts', 'API.ts']) assert.ok(existsSync(join(p.dir, 'gql', f)), f);
  assert.match(readFileSync(join(p.dir, 'gql/queries.ts'), 'utf8'), /listTodos/);
  const intro = await ampx(['generate', 'graphql-client-code', '--format', 'introspection', '--out', 'intro']);
  assert.equal(intro.code, 0, intro.stderr);
  const outputs = JSON.parse(readFileSync(join(p.dir, 'amplify_outputs.json'), 'utf8'));
  assert.deepEqual(JSON.parse(readFileSync(join(p.dir, 'intro/model-introspection.json'), 'utf8')), outputs.data.model_introspection, 'one source for outputs and codegen');
  const models = await ampx(['generate', 'graphql-client-code', '--format', 'modelgen', '--model-target', 'dart', '--out', 'dart']);
  assert.equal(models.code, 0, models.stderr);
  assert.ok(existsSync(join(p.dir, 'dart/ModelProvider.dart')));
  const bad = await ampx(['generate', 'graphql-client-code', '--format', 'nope']);
  assert.equal(bad.code, 1);
});

test('a project without a data resource gets the real error', async () => {
  const q = tempProject();
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(q.dir, 'amplify/backend.ts'), "import { defineBackend } from '@aws-amplify/backend';\ndefineBackend({});\n");
  const r = await runAmpx(['generate', 'graphql-client-code'], { cwd: q.dir, env: q.env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^\[NoDataResourceError\] Unable to determine AppSync API ID\./);
});

test("graphql-client-code describes the API with the backend's resolved auth modes (apiKey default without apiKeyAuthorizationMode)", async () => {
  const q = tempProject();
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(join(q.dir, 'amplify/data'), { recursive: true });
  writeFileSync(
    join(q.dir, 'amplify/data/resource.ts'),
    "import { a, defineData } from '@aws-amplify/backend';\n" +
      'const schema = a.schema({ Note: a.model({ body: a.string() }).authorization((allow) => [allow.publicApiKey()]) });\n' +
      "export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'apiKey' } });\n",
  );
  writeFileSync(join(q.dir, 'amplify/backend.ts'), "import { defineBackend } from '@aws-amplify/backend';\nimport { data } from './data/resource';\ndefineBackend({ data });\n");
  // The backend gives this API a key (the sandbox serves it with one); codegen used to reject the default as unconfigured.
  const r = await runAmpx(['generate', 'graphql-client-code', '--statement-target', 'graphql', '--out', 'gql'], { cwd: q.dir, env: q.env, timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(join(q.dir, 'gql/queries.graphql'), 'utf8'), /query ListNotes/);
});

test('the CLI lists the codegen choices in the real order', () => {
  // generateCommand.ts keeps its own copy so --help does not load the generators.
  const src = readFileSync(new URL('./generateCommand.ts', import.meta.url), 'utf8');
  for (const list of [FORMAT_CHOICES, MODEL_TARGET_CHOICES, STATEMENT_TARGET_CHOICES, TYPE_TARGET_CHOICES]) {
    assert.ok(src.includes(JSON.stringify([...list]).replace(/"/g, "'").replace(/,/g, ', ')), list.join(','));
  }
});
