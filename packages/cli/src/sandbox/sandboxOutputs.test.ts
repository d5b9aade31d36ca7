import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { generateClientConfig } from '@aws-amplify/client-config';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAmpx, tempProject } from '../testing/runAmpx.js';
import { resolveSandbox } from '../commands/sandboxTarget.js';
import { openInProcessCloud, type InProcessCloud } from '../backendState/localCloudClients.js';
import { readBackendOutput, type BackendOutput } from '../backendState/deployedBackend.js';
import { renderStackOutputs } from '@sandlot/backend/sandbox';
import { readObjectText } from '@sandlot/cloud';

const examples = resolve(import.meta.dirname, '../../../../../shared/examples');
const skip = existsSync(examples) ? false : `needs ../shared/examples beside the clone (${examples})`;

let local: InProcessCloud;
let stackName: string;
let output: BackendOutput;
let cfn: CloudFormationClient;
let introspection: unknown;
let project: { dir: string; env: NodeJS.ProcessEnv };

before(async () => {
  if (skip) return;
  project = tempProject();
  cpSync(join(examples, 'docs-app'), project.dir, { recursive: true });
  const r = await runAmpx(['sandbox', '--once'], { cwd: project.dir, env: project.env });
  assert.equal(r.code, 0, r.stderr);
  process.env.SANDLOT_CONFIG_DIR = project.env.SANDLOT_CONFIG_DIR;
  const loc = resolveSandbox({}, project.dir);
  stackName = loc.stackName;
  local = openInProcessCloud(loc, ['cloudformation', 's3']);
  cfn = new CloudFormationClient(local.clientConfig);
  output = await readBackendOutput(cfn, stackName);
  introspection = (JSON.parse(readFileSync(join(project.dir, 'amplify_outputs.json'), 'utf8')) as { data: { model_introspection: unknown } }).data.model_introspection;
});
after(() => {
  if (skip) return;
  cfn.destroy();
  local.close();
  rmSync(project.dir, { recursive: true, force: true });
});

/** Our renderer over the sandbox's recorded stack (what `ampx sandbox` and `generate outputs` write). */
const renderOutputs = async (o: BackendOutput, version: string, format: string, intro: unknown, opts: { allowMobileJson?: boolean } = {}) =>
  renderStackOutputs(o, { version: version as '1.5', format: format as 'json', ...opts }, intro).contents;

/** The real @aws-amplify/client-config, reading our CloudFormation; S3 answers with the stored model schema. */
async function realOutputs(version: string, format: string): Promise<string> {
  const s3 = new S3Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    requestHandler: {
      handle: async (req: { hostname: string; path: string }) => {
        const bucket = req.hostname.split('.')[0];
        const body = readObjectText(local.cloud.services, `s3://${bucket}${req.path}`) ?? '';
        const { HttpResponse } = await import('@smithy/core/transport');
        return { response: new HttpResponse({ statusCode: 200, headers: {}, body: Readable.from([Buffer.from(body)]) }) };
      },
    } as never,
  });
  const provider = { getCloudFormationClient: () => cfn, getS3Client: () => s3, getAmplifyClient: () => ({}) };
  const config = await generateClientConfig({ stackName }, version === '0' ? '1.4' : (version as '1.5'), provider as never);
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-real-outputs-'));
  const writer = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('@aws-amplify/client-config')), 'write_client_config_to_file.js')).href;
  const { writeClientConfigToFile } = await import(writer);
  await writeClientConfigToFile(config, version as '1.5', dir, format as 'json');
  const text = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return text;
}

for (const version of ['1', '1.1', '1.2', '1.3', '1.4', '1.5']) {
  for (const format of ['json', 'dart']) {
    test(`outputs ${version} ${format} equal the real @aws-amplify/client-config's, byte for byte`, { skip }, async () => {
      assert.equal(await renderOutputs(output, version as '1.5', format as 'json', introspection), await realOutputs(version, format));
    });
  }
  for (const format of ['mjs', 'ts', 'json-mobile']) {
    test(`outputs ${version} ${format} is refused as the real tool refuses it`, { skip }, async () => {
      await assert.rejects(renderOutputs(output, version as '1.5', format as 'json', introspection), { message: `Unsupported client config format ${format} for client config` });
    });
  }
}

for (const format of ['json', 'mjs', 'ts', 'dart', 'json-mobile']) {
  test(`legacy outputs (version 0) ${format} equal the real tool's`, { skip }, async () => {
    assert.equal(await renderOutputs(output, '0', format as 'json', introspection), await realOutputs('0', format));
  });
}

test('json-mobile with a 1.x version writes the 1.x JSON for Android when allowed (the docs page form)', { skip }, async () => {
  const text = await renderOutputs(output, '1.5', 'json-mobile', introspection, { allowMobileJson: true });
  assert.equal(text, await renderOutputs(output, '1.5', 'json', introspection));
});

test('the sandbox outputs point at the local cloud and carry the docs-app resources', { skip }, async () => {
  const o = JSON.parse(readFileSync(join(project.dir, 'amplify_outputs.json'), 'utf8'));
  assert.equal(o.version, '1.5');
  assert.match(o.data.url, /^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  assert.deepEqual(o.auth.groups, [{ admin: { precedence: 0 } }]);
  assert.deepEqual(o.auth.username_attributes, ['email']);
  assert.equal(o.storage.buckets[0].name, 'myStorage');
  assert.deepEqual(o.storage.buckets[0].paths, { 'pictures/*': { authenticated: ['write', 'list'] } });
  assert.ok(o.data.model_introspection.models.Todo);
});
