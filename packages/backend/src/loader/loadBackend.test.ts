import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBackend } from './loadBackend.js';
import { typeCheckBackend } from './typeCheckBackend.js';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const examples = resolve(repoRoot, '../shared/examples');
const skip = existsSync(examples) ? false : `needs the docs' example apps at ${examples} (../shared/examples beside the clone)`;

/** amplify/backend.ts of a project whose only resource is `auth` from amplify/auth/resource.ts. */
const BACKEND_WITH_AUTH = 'import { defineBackend } from "@aws-amplify/backend";\nimport { auth } from "./auth/resource";\ndefineBackend({ auth });\n';
const tempDir = () => mkdtempSync(join(tmpdir(), 'sandlot-load-backend-'));
function project(files: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', type: 'module' }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('docs-app loads unchanged: email login, locale, group admin, Todo for authenticated userPool, storage myStorage pictures/*', { skip }, async () => {
  const m = await loadBackend(join(examples, 'docs-app'));
  assert.equal(m.entryPoint, join(examples, 'docs-app', 'amplify', 'backend.ts'));
  assert.deepEqual(m.auth?.usernameAttributes, ['email']);
  assert.deepEqual(m.auth?.loginWith, { email: true, phone: false });
  assert.deepEqual(m.auth?.standardAttributes, [
    { name: 'email', required: true, mutable: true },
    { name: 'locale', required: false, mutable: true },
  ]);
  assert.deepEqual(m.auth?.groups, [{ name: 'admin', precedence: 0 }]);
  assert.deepEqual(m.auth?.mfa, { mode: 'OFF', totp: false, sms: false, email: false });
  assert.equal(m.data?.name, 'TodoApi');
  assert.match(m.data!.modelSchema, /type Todo @model @auth\(rules: \[\{allow: private\}\]\)/);
  assert.equal(m.data?.authorizationModes.defaultAuthorizationType, 'AMAZON_COGNITO_USER_POOLS');
  assert.deepEqual(m.data?.authorizationModes.additionalAuthorizationTypes, ['AWS_IAM']);
  assert.deepEqual(m.storage, [
    { name: 'myStorage', isDefault: true, versioned: false, paths: { 'pictures/*': { authenticated: ['write', 'list'] } }, rules: [{ path: 'pictures/*', who: 'authenticated', actions: ['write', 'list'] }] },
  ]);
  assert.deepEqual(m.warnings, []);
  assert.deepEqual(m.secretRefs, []);
  assert.deepEqual(JSON.parse(JSON.stringify(m)), m, 'the model is plain data');
});

test('docs-totp loads unchanged: MFA required with TOTP', { skip }, async () => {
  const m = await loadBackend(join(examples, 'docs-totp'));
  assert.deepEqual(m.auth?.mfa, { mode: 'REQUIRED', totp: true, sms: false, email: false });
  assert.equal(m.data, undefined);
  assert.equal(m.storage, undefined);
});

test('docs-email-mfa loads unchanged: MFA required with email codes', { skip }, async () => {
  const m = await loadBackend(join(examples, 'docs-email-mfa'));
  assert.deepEqual(m.auth?.mfa, { mode: 'REQUIRED', totp: false, sms: false, email: true });
});

test('reloading after an edit (watch mode) shows the change; onImport lists the project files', { skip }, async () => {
  const dir = tempDir();
  try {
    cpSync(join(examples, 'docs-app'), dir, { recursive: true });
    const files: string[] = [];
    const first = await loadBackend(dir, { onImport: (f) => files.push(f) });
    assert.deepEqual(first.auth?.groups.map((g) => g.name), ['admin']);
    assert.ok(files.includes(join(dir, 'amplify', 'auth', 'resource.ts')), files.join());
    const auth = join(dir, 'amplify', 'auth', 'resource.ts');
    writeFileSync(auth, readFileSync(auth, 'utf8').replace('groups: ["admin"]', 'groups: ["admin", "editors"]'));
    const second = await loadBackend(dir);
    assert.deepEqual(second.auth?.groups, [{ name: 'admin', precedence: 0 }, { name: 'editors', precedence: 1 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no amplify/backend.* is FileConventionError', async () => {
  const dir = project({});
  try {
    await assert.rejects(loadBackend(dir), { name: 'FileConventionError', message: `Amplify Backend not found in ${dir}.`, resolution: 'Amplify Backend must be defined in amplify/backend.(ts|js|cjs|mjs)' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JS (.mjs) is preferred over TS, and a file without defineBackend is MissingDefineBackendError', async () => {
  const dir = project({ 'amplify/backend.ts': 'import { defineBackend } from "@aws-amplify/backend";\ndefineBackend({});\n', 'amplify/backend.mjs': 'export {};\n' });
  try {
    await assert.rejects(loadBackend(dir), { name: 'MissingDefineBackendError', message: 'The Amplify backend definition is missing `defineBackend` call.' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a syntax error is BackendBuildError naming file and line; a define* error keeps its name and gains file:line', async () => {
  const broken = project({ 'amplify/backend.ts': 'import { defineBackend } from "@aws-amplify/backend";\n\ndefineBackend({ auth: });\n' });
  const bad = project({
    'amplify/backend.ts': BACKEND_WITH_AUTH,
    'amplify/auth/resource.ts': 'import { defineAuth } from "@aws-amplify/backend";\n\nexport const auth = defineAuth({ loginWith: { email: true }, groups: ["a b"] });\n',
  });
  try {
    await assert.rejects(loadBackend(broken), (e: Error) => e.name === 'BackendBuildError' && /amplify\/backend\.ts:3/.test(e.message));
    await assert.rejects(loadBackend(bad), (e: Error) => e.name === 'InvalidBackendDefinitionError' && /defineAuth: groups/.test(e.message) && /amplify\/auth\/resource\.ts:3/.test(e.message));
  } finally {
    rmSync(broken, { recursive: true, force: true });
    rmSync(bad, { recursive: true, force: true });
  }
});

test('unsupported options and escape hatches come back as named warnings; secrets are collected', async () => {
  const dir = project({
    'amplify/backend.ts': [
      'import { defineBackend, defineAuth, secret } from "@aws-amplify/backend";',
      'const auth = defineAuth({ loginWith: { email: true, externalProviders: { google: { clientId: secret("GOOGLE_CLIENT_ID"), clientSecret: secret("GOOGLE_CLIENT_SECRET") }, callbackUrls: ["http://localhost:3000/"], logoutUrls: ["http://localhost:3000/"] } } });',
      'const backend = defineBackend({ auth });',
      'backend.auth.resources.cfnResources.cfnUserPool.userPoolName = "x";',
      'backend.createStack("extra");',
      'backend.addOutput({ custom: { pool: backend.auth.resources.userPool.userPoolId } });',
    ].join('\n'),
  });
  try {
    const m = await loadBackend(dir);
    assert.deepEqual(m.secretRefs, ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET']);
    assert.deepEqual(m.auth?.externalProviders?.providers, ['GOOGLE']);
    const w = m.warnings.join('\n');
    assert.match(w, /defineAuth loginWith\.externalProviders \(google/);
    assert.match(w, /setting backend\.auth\.resources\.cfnResources\.cfnUserPool\.userPoolName \(CDK escape hatch\)/);
    assert.match(w, /backend\.createStack\('extra'\)/);
    assert.match(w, /using backend\.auth\.resources\.userPool\.userPoolId \(CDK escape hatch\)/);
    assert.deepEqual(m.customOutputs, { custom: { pool: '<unsupported: backend.auth.resources.userPool.userPoolId>' }, version: '1.4' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('typeCheckBackend: skipped without amplify/tsconfig.json; docs-app clean; a type error is SyntaxError with file:line', { skip }, async () => {
  const dir = tempDir();
  try {
    cpSync(join(examples, 'docs-app'), dir, { recursive: true });
    rmSync(join(dir, 'amplify', 'seed'), { recursive: true, force: true });
    assert.deepEqual(await typeCheckBackend(dir), { skipped: true, diagnostics: [] });
    writeFileSync(join(dir, 'amplify', 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'es2022', moduleResolution: 'bundler', strict: true, esModuleInterop: true, skipLibCheck: true } }));
    const clean = await typeCheckBackend(dir);
    assert.deepEqual(clean.diagnostics, []);
    const storage = join(dir, 'amplify', 'storage', 'resource.ts');
    writeFileSync(storage, readFileSync(storage, 'utf8').replace('isDefault: true', 'isDefault: "yes"'));
    const failed = await typeCheckBackend(dir);
    assert.equal(failed.error?.name, 'SyntaxError');
    assert.equal(failed.error?.message, 'TypeScript validation check failed.');
    assert.deepEqual(failed.diagnostics.map((d) => `${d.file}:${d.line}`), ['amplify/storage/resource.ts:4']);
    assert.match(failed.error!.details!, /amplify\/storage\/resource\.ts:4:\d+ - error TS2322/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that reads its own location (import.meta.url) sees its own path: loaded file by file (tsx)', async () => {
  const dir = project({
    'amplify/backend.ts': BACKEND_WITH_AUTH,
    'amplify/auth/resource.ts': [
      'import { basename, dirname } from "node:path";',
      'import { fileURLToPath } from "node:url";',
      'import { defineAuth } from "@aws-amplify/backend";',
      'const here = fileURLToPath(import.meta.url);',
      'export const auth = defineAuth({ loginWith: { email: true }, groups: [basename(dirname(here)) + "-" + basename(here, ".ts")] });',
    ].join('\n'),
  });
  try {
    const files: string[] = [];
    const m = await loadBackend(dir, { onImport: (f) => files.push(f) });
    assert.deepEqual(m.auth?.groups.map((g) => g.name), ['auth-resource']);
    assert.ok(files.includes(join(dir, 'amplify', 'auth', 'resource.ts')), files.join());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bundled load: a throw in an imported file names that file and line; no bundle file is left behind', async () => {
  const dir = project({
    'amplify/backend.ts': BACKEND_WITH_AUTH,
    'amplify/auth/resource.ts': 'import { defineAuth } from "@aws-amplify/backend";\nconst fail = (): never => { throw new Error("boom"); };\nexport const auth = defineAuth({ loginWith: { email: true } });\nfail();\n',
  });
  try {
    await assert.rejects(loadBackend(dir), (e: Error) => e.name === 'BackendBuildError' && /at amplify\/auth\/resource\.ts:2: boom/.test(e.message));
    const definitions = join(dir, '.amplify', 'sandlot', 'definition');
    assert.deepEqual(existsSync(definitions) ? readdirSync(definitions) : [], []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('packages: one the project lacks comes from Sandlot (@aws-amplify/data-schema); an unknown one is named in the error', async () => {
  const ok = project({
    'amplify/backend.ts': [
      'import { defineBackend, defineData } from "@aws-amplify/backend";',
      'import { a } from "@aws-amplify/data-schema";',
      'const schema = a.schema({ Note: a.model({ text: a.string() }).authorization((allow) => [allow.publicApiKey()]) });',
      'defineBackend({ data: defineData({ schema }) });',
    ].join('\n'),
  });
  const missing = project({ 'amplify/backend.ts': 'import { defineBackend } from "@aws-amplify/backend";\nimport "no-such-package-anywhere";\ndefineBackend({});\n' });
  try {
    const m = await loadBackend(ok);
    assert.match(m.data!.modelSchema, /type Note @model/);
    await assert.rejects(loadBackend(missing), (e: Error) => e.name === 'BackendBuildError' && /no-such-package-anywhere/.test(e.message));
  } finally {
    rmSync(ok, { recursive: true, force: true });
    rmSync(missing, { recursive: true, force: true });
  }
});
