import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { buildBackendModel } from '../model/buildModel.js';
import { defineAuth, defineBackend, defineData, defineStorage, a, resetRegistry, registry } from '../index.js';
import type { LoadedBackend } from '../model/types.js';
import { renderEmptyOutputs, renderOutputs, type RenderOutputsOptions } from './renderOutputs.js';
import { stackOutputsFor } from './stackOutputs.js';
import { writeOutputs } from './writeOutputs.js';
import { OUTPUTS_FORMATS, type DeployedResources, type OutputsVersion } from './types.js';

const require = createRequire(import.meta.url);
const clientConfigLib = dirname(require.resolve('@aws-amplify/client-config'));
const lib = (path: string) => import(pathToFileURL(join(clientConfigLib, path)).href);
const V1: Exclude<OutputsVersion, '0'>[] = ['1', '1.1', '1.2', '1.3', '1.4', '1.5'];
const introspection = { version: 1, models: {}, enums: {}, nonModels: {} };

/** A backend using every output-relevant feature: groups, MFA, custom attributes, API key, two buckets, addOutput. */
function richBackend(withCustomOutput = true): LoadedBackend {
  resetRegistry();
  const auth = defineAuth({
    loginWith: { email: true },
    userAttributes: { givenName: { required: true }, 'custom:plan': { dataType: 'String', mutable: true } },
    groups: ['ADMINS', 'EDITORS'],
    multifactor: { mode: 'OPTIONAL', totp: true, email: true },
  });
  const schema = a.schema({ Todo: a.model({ content: a.string() }).authorization((allow) => [allow.publicApiKey(), allow.owner()]) });
  const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: { expiresInDays: 30 } } });
  const files = defineStorage({
    name: 'files',
    isDefault: true,
    access: (allow) => ({
      'public/*': [allow.guest.to(['read']), allow.authenticated.to(['read', 'write', 'delete'])],
      'private/{entity_id}/*': [allow.entity('identity').to(['read', 'write', 'delete']), allow.groups(['ADMINS']).to(['read'])],
    }),
  });
  const media = defineStorage({ name: 'media', access: (allow) => ({ 'clips/*': [allow.authenticated.to(['get'])] }) });
  const backend = defineBackend({ auth, data, files, media });
  if (withCustomOutput) backend.addOutput({ custom: { feature: 'on' } });
  return buildBackendModel(registry().current!, '/x/amplify/backend.ts');
}

const deployed: DeployedResources = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_AbCdEf123',
  userPoolClientId: '5q68s1hp45oktfidlugnobkqk',
  identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'http://127.0.0.1:4566/graphql',
  apiKey: 'da2-localkey',
  apiId: 'api1',
  modelSchemaS3Uri: 's3://codegen/model-schema.graphql',
  buckets: [
    { name: 'files', bucketName: 'files-bucket' },
    { name: 'media', bucketName: 'media-bucket' },
  ],
  modelIntrospection: introspection,
};

/** The real @aws-amplify/client-config pipeline (zod-checked stack outputs → V1 contributors → accumulator). */
async function realConfig(model: LoadedBackend, version: string): Promise<unknown> {
  const { UnifiedClientConfigGenerator } = await lib('unified_client_config_generator.js');
  const { ClientConfigContributorFactory } = await lib('client-config-contributor/client_config_contributor_factory.js');
  const contributors = new ClientConfigContributorFactory({ getModelIntrospectionSchemaFromS3Uri: async () => introspection }).getContributors(version);
  return new UnifiedClientConfigGenerator(async () => stackOutputsFor(model, deployed), contributors).generateClientConfig();
}

/** The real writer's file for a config, version and format. */
async function realFile(config: unknown, version: string, format: string): Promise<{ name: string; text: string }> {
  const { writeClientConfigToFile } = await lib('write_client_config_to_file.js');
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-real-outputs-'));
  try {
    await writeClientConfigToFile(config, version, dir, format);
    const name = readdirSync(dir)[0]!;
    return { name, text: readFileSync(join(dir, name), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const checkOptions: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 };
const checkHost = ts.createCompilerHost(checkOptions);
let previousProgram: ts.Program | undefined;

/** Type-checks a rendered 1.x file against the generated schema type `@aws-amplify/client-config` ships for that version. */
function schemaDiagnostics(version: string, json: string): string[] {
  const dir = mkdtempSync(join(resolve(import.meta.dirname, '..'), '.schema-check-'));
  try {
    const typeFile = join(clientConfigLib, 'client-config-schema', `client_config_v${version}.js`);
    const file = join(dir, 'check.ts');
    writeFileSync(file, `import type { AWSAmplifyBackendOutputs } from ${JSON.stringify(typeFile)};\nconst outputs: AWSAmplifyBackendOutputs = ${json};\nexport default outputs;\n`);
    const program = ts.createProgram({ rootNames: [file], options: checkOptions, host: checkHost, oldProgram: previousProgram });
    previousProgram = program;
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const model = richBackend();
const plainModel = richBackend(false);

for (const version of V1) {
  test(`outputs ${version} json equal the real client-config's, byte for byte, and type-check against its v${version} schema`, async () => {
    const mine = renderOutputs(model, deployed, { version, format: 'json' });
    assert.equal(mine.fileName, 'amplify_outputs.json');
    const real = await realFile(await realConfig(model, version), version, 'json');
    assert.equal(mine.fileName, real.name);
    assert.equal(mine.contents, real.text);
    // The backend used addOutput, whose parts default to version 1.4: the higher version wins (ampx-spec §4.1).
    const expectedVersion = Number(version) > 1.4 ? version : '1.4';
    assert.equal(JSON.parse(mine.contents).version, expectedVersion);
    if (expectedVersion === version) assert.deepEqual(schemaDiagnostics(version, mine.contents), []);
    const plain = renderOutputs(plainModel, deployed, { version, format: 'json' }).contents;
    assert.equal(plain, (await realFile(await realConfig(plainModel, version), version, 'json')).text);
    assert.equal(JSON.parse(plain).version, version);
    // As the real tool, mfa_methods is not filtered by version: EMAIL (allowed from 1.4) shows up in older files (ampx-spec §4.2).
    // Likewise the access-rule keys groups<Name>/entityidentity are only typed from 1.4 (fixed keys in 1.2/1.3).
    const quirk = Number(version) < 1.4 ? [`Type '"EMAIL"' is not assignable to type '"SMS" | "TOTP"'.`] : [];
    if (version === '1.2' || version === '1.3') {
      quirk.push(...['entityidentity', 'groupsADMINS'].map((k) => `Object literal may only specify known properties, and '"${k}"' does not exist in type 'AmplifyStorageAccessRule'.`));
    }
    assert.deepEqual(schemaDiagnostics(version, plain), quirk);
  });
  test(`outputs ${version} dart equal the real writer's`, async () => {
    const mine = renderOutputs(model, deployed, { version, format: 'dart' });
    const real = await realFile(await realConfig(model, version), version, 'dart');
    assert.deepEqual({ name: mine.fileName, text: mine.contents }, real);
  });
  for (const format of ['mjs', 'ts', 'json-mobile'] as const) {
    test(`outputs ${version} ${format} is refused with the real error`, async () => {
      assert.throws(() => renderOutputs(model, deployed, { version, format }), { message: `Unsupported client config format ${format} for client config` });
      await assert.rejects(realFile(await realConfig(model, version), version, format), { message: `Unsupported client config format ${format} for client config` });
      assert.throws(() => renderEmptyOutputs(version, format), { message: `Unsupported client config format ${format} for client config` });
    });
  }
}

for (const format of OUTPUTS_FORMATS) {
  test(`legacy outputs (version 0) ${format} equal the real tool's`, async () => {
    const mine = renderOutputs(model, deployed, { version: '0', format });
    const real = await realFile(await realConfig(model, '1.5'), '0', format);
    assert.deepEqual({ name: mine.fileName, text: mine.contents }, real);
  });
  test(`empty placeholder (version 0) ${format} equals the real generateEmptyClientConfigToFile`, async () => {
    const real = await realFile({ version: '1.5' }, '0', format);
    const mine = renderEmptyOutputs('0', format);
    assert.deepEqual({ name: mine.fileName, text: mine.contents }, real);
  });
}

test('empty placeholder for 1.x: { "version": "<v>" } in json and dart, valid against each schema', () => {
  for (const version of V1) {
    const json = renderEmptyOutputs(version, 'json');
    assert.deepEqual(json, { fileName: 'amplify_outputs.json', contents: `{\n  "version": "${version}"\n}` });
    assert.deepEqual(schemaDiagnostics(version, json.contents), []);
    assert.equal(renderEmptyOutputs(version, 'dart').contents, `const amplifyConfig = r'''{\n  "version": "${version}"\n}''';`);
  }
  assert.equal(renderEmptyOutputs('0', 'json').contents, '{}');
});

test('the schema check fails on what a version does not allow (so the checks above can fail)', () => {
  const o = JSON.parse(renderOutputs(plainModel, deployed, { version: '1.5', format: 'json' }).contents);
  assert.ok(schemaDiagnostics('1.2', JSON.stringify({ ...o, version: '1.2' })).some((m) => /groups/.test(m)));
  assert.ok(schemaDiagnostics('1.5', JSON.stringify({ ...o, extra: 1 })).some((m) => /extra/.test(m)));
  assert.ok(schemaDiagnostics('1.5', JSON.stringify({ ...o, auth: { ...o.auth, mfa_configuration: 'ON' } })).length > 0);
});

test('1.5 outputs field by field (ampx-spec §4.2, §4.4)', () => {
  const o = JSON.parse(renderOutputs(model, deployed, { version: '1.5', format: 'json' }).contents);
  assert.deepEqual(Object.keys(o), ['auth', 'data', 'storage', 'version', 'custom']);
  assert.deepEqual(o.auth, {
    user_pool_id: 'us-east-1_AbCdEf123',
    aws_region: 'us-east-1',
    user_pool_client_id: '5q68s1hp45oktfidlugnobkqk',
    identity_pool_id: 'us-east-1:11111111-2222-3333-4444-555555555555',
    mfa_methods: ['TOTP', 'EMAIL'],
    standard_required_attributes: ['email', 'given_name'],
    username_attributes: ['email'],
    user_verification_types: ['email'],
    groups: [{ ADMINS: { precedence: 0 } }, { EDITORS: { precedence: 1 } }],
    mfa_configuration: 'OPTIONAL',
    password_policy: { min_length: 8, require_lowercase: true, require_numbers: true, require_symbols: true, require_uppercase: true },
    unauthenticated_identities_enabled: true,
  });
  assert.deepEqual(o.data, {
    url: 'http://127.0.0.1:4566/graphql',
    aws_region: 'us-east-1',
    api_key: 'da2-localkey',
    default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
    authorization_types: ['API_KEY', 'AWS_IAM'],
    model_introspection: introspection,
  });
  assert.deepEqual(o.storage, {
    aws_region: 'us-east-1',
    bucket_name: 'files-bucket',
    buckets: [
      {
        name: 'files', bucket_name: 'files-bucket', aws_region: 'us-east-1',
        paths: {
          'public/*': { guest: ['get', 'list'], authenticated: ['get', 'list', 'write', 'delete'] },
          'private/${cognito-identity.amazonaws.com:sub}/*': { entityidentity: ['get', 'list', 'write', 'delete'] },
          'private/*': { groupsADMINS: ['get', 'list'] },
        },
      },
      { name: 'media', bucket_name: 'media-bucket', aws_region: 'us-east-1', paths: { 'clips/*': { authenticated: ['get'] } } },
    ],
  });
  assert.equal(o.version, '1.5');
  assert.deepEqual(o.custom, { feature: 'on' });
});

test('version deltas: 1 has no buckets, 1.1 buckets without paths, 1.2 paths, 1.3 groups', () => {
  const at = (version: Exclude<OutputsVersion, '0'>) => JSON.parse(renderOutputs(model, deployed, { version, format: 'json' }).contents);
  assert.equal(at('1').storage.buckets, undefined);
  assert.equal(at('1').auth.groups, undefined);
  assert.equal(at('1.1').storage.buckets[0].paths, undefined);
  assert.ok(at('1.2').storage.buckets[0].paths);
  assert.equal(at('1.2').auth.groups, undefined);
  assert.ok(at('1.3').auth.groups);
});

test('json-mobile with a 1.x version writes the 1.x JSON as amplify_outputs.json only with allowMobileJson', () => {
  const o: RenderOutputsOptions = { version: '1.5', format: 'json-mobile', allowMobileJson: true };
  assert.deepEqual(renderOutputs(model, deployed, o), renderOutputs(model, deployed, { version: '1.5', format: 'json' }));
  assert.deepEqual(renderEmptyOutputs('1.5', 'json-mobile', { allowMobileJson: true }), renderEmptyOutputs('1.5', 'json'));
});

test('bad version or format, and missing deployed ids, are named errors', () => {
  assert.throws(() => renderOutputs(model, deployed, { version: '2' as never, format: 'json' }), /Invalid outputs version "2"/);
  assert.throws(() => renderOutputs(model, deployed, { version: '1.5', format: 'yaml' as never }), /Invalid outputs format "yaml"/);
  assert.throws(() => renderOutputs(model, { ...deployed, userPoolId: undefined }, { version: '1.5', format: 'json' }), { name: 'MissingDeployedResourceError', message: /user pool id/ });
  assert.throws(() => renderOutputs(model, { ...deployed, buckets: [] }, { version: '1.5', format: 'json' }), { name: 'MissingDeployedResourceError', message: /storage 'files'/ });
});

test('a backend with nothing gives { version } and data with no auth defaults to API key', () => {
  resetRegistry();
  defineBackend({});
  const empty = buildBackendModel(registry().current!, 'x');
  assert.equal(renderOutputs(empty, { region: 'us-east-1' }, { version: '1.5', format: 'json' }).contents, '{\n  "version": "1.5"\n}');
  resetRegistry();
  defineBackend({ data: defineData({ schema: a.schema({ Note: a.model({ body: a.string() }).authorization((allow) => [allow.publicApiKey()]) }) }) });
  const apiOnly = buildBackendModel(registry().current!, 'x');
  const o = JSON.parse(renderOutputs(apiOnly, deployed, { version: '1.5', format: 'json' }).contents);
  assert.equal(o.data.default_authorization_type, 'API_KEY');
  assert.deepEqual(o.data.authorization_types, ['AWS_IAM']);
  assert.equal(o.data.api_key, 'da2-localkey');
});

test('writeOutputs creates the directory, writes atomically and leaves no temp file', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sandlot-write-outputs-'));
  try {
    const dir = join(root, 'a', 'b');
    const file = await writeOutputs(dir, renderOutputs(model, deployed, { version: '1.5', format: 'json' }));
    assert.equal(file, join(dir, 'amplify_outputs.json'));
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).version, '1.5');
    await writeOutputs(dir, renderEmptyOutputs('1.5', 'json'));
    assert.deepEqual(readdirSync(dir), ['amplify_outputs.json']);
    assert.equal(readFileSync(file, 'utf8'), '{\n  "version": "1.5"\n}');
    writeFileSync(join(root, 'file'), '');
    await assert.rejects(writeOutputs(join(root, 'file', 'sub'), renderEmptyOutputs('1.5', 'json')), { name: 'InvalidPathError' });
    assert.ok(existsSync(file));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
