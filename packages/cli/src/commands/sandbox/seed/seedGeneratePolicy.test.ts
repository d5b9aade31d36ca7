import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCloud } from '@sandlot/cloud';
import { runAmpx, tempProject } from '../../../testing/runAmpx.js';
import { resolveSandbox } from '../../sandboxTarget.js';

test('generate-policy prints the real policy for this sandbox as JSON on stdout', async () => {
  const p = tempProject('my-app');
  mkdirSync(join(p.dir, 'amplify', 'seed'), { recursive: true });
  writeFileSync(join(p.dir, 'amplify', 'seed', 'seed.ts'), '// seed\n');
  const noStack = await runAmpx(['sandbox', 'seed', 'generate-policy', '--identifier', 'alice'], { cwd: p.dir, env: p.env });
  assert.equal(noStack.code, 1);
  assert.match(noStack.stderr, /^\[StackDoesNotExistError\] Stack does not exist\.\nResolution: Start the sandbox first/);

  // What a deployed sandbox leaves behind: its stack record (written here directly).
  const loc = resolveSandbox({ identifier: 'alice' }, p.dir);
  process.env.SANDLOT_CONFIG_DIR = p.env.SANDLOT_CONFIG_DIR;
  const cloud = createCloud({ databaseFile: loc.databaseFile, services: ['cloudformation'] });
  const put = (auth: boolean) =>
    cloud.services.stacks.put({
      name: loc.stackName,
      stackId: `arn:aws:cloudformation:us-east-1:000000000000:stack/${loc.stackName}/x`,
      status: 'CREATE_COMPLETE',
      metadata: auth ? { 'AWS::Amplify::Auth': { version: '1', stackOutputs: ['authRegion', 'userPoolId', 'webClientId', 'identityPoolId'] } } : {},
      outputs: { authRegion: 'us-east-1', userPoolId: 'us-east-1_Pool12345', webClientId: 'c', identityPoolId: 'us-east-1:x' },
      now: new Date(),
    });
  put(false);
  const noAuth = await runAmpx(['sandbox', 'seed', 'generate-policy', '--identifier', 'alice'], { cwd: p.dir, env: p.env });
  assert.match(noAuth.stderr, /^\[MissingAuthError\] There is no auth resource in this sandbox/);
  put(true);
  cloud.close();
  const r = await runAmpx(['sandbox', 'seed', 'generate-policy', '--identifier', 'alice'], { cwd: p.dir, env: p.env });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), {
    Statement: [
      { Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup'], Effect: 'Allow', Resource: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Pool12345' },
      { Action: ['ssm:PutParameter', 'ssm:GetParameter'], Effect: 'Allow', Resource: ['arn:aws:ssm:*:*:parameter/amplify/myapp/alice-sandbox-617b6b058d/*', 'arn:aws:ssm:*:*:parameter/amplify/shared/my-app/*'] },
    ],
    Version: '2012-10-17',
  });
});

test('seed and generate-policy need amplify/seed/seed.ts', async () => {
  const p = tempProject();
  const r = await runAmpx(['sandbox', 'seed', 'generate-policy'], { cwd: p.dir, env: p.env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^\[SeedScriptNotFoundError\] There is no file that corresponds to .*amplify\/seed\/seed\.ts\nResolution: Please make a file/);
});
