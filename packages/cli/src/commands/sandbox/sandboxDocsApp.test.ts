import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CognitoIdentityProviderClient, ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { loadMasterKey, rootCredentials } from '@sandlot/cloud';
import { AMPX_BIN, collect, runAmpx, tempProject } from '../../testing/runAmpx.js';

const examples = resolve(import.meta.dirname, '../../../../../../shared/examples');
const skip = existsSync(examples) ? false : `needs ../shared/examples beside the clone (${examples})`;
const register = fileURLToPath(new URL('../../register.ts', import.meta.url));
const signInScript = fileURLToPath(new URL('../../testing/clients/signUpAndSignIn.mjs', import.meta.url));

/** Starts `ampx sandbox` (watch mode) and resolves once it is watching, with its URL. */
async function startSandbox(dir: string, env: NodeJS.ProcessEnv, extra: string[] = []): Promise<{ child: ChildProcess; url: string; output: () => string; waitFor(re: RegExp, from?: number): Promise<void> }> {
  const child = spawn(process.execPath, [AMPX_BIN, 'sandbox', ...extra], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const waitFor = (re: RegExp, from = 0) =>
    new Promise<void>((resolveWait, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${out}`)), 30_000);
      const check = () => {
        if (re.test(out.slice(from))) {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          resolveWait();
        }
      };
      child.stdout!.on('data', check);
      check();
    });
  await waitFor(/Watching for file changes/);
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
  return { child, url, output: () => out, waitFor };
}

function signUpAndSignIn(dir: string, url: string, outputsFile: string, email: string) {
  return new Promise<Record<string, unknown>>((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', register, signInScript, outputsFile, email, 'Passw0rd!x'], {
      cwd: process.cwd(), // resolves aws-amplify from the repository
      env: { ...process.env, SANDLOT_ENDPOINT: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    collect(child, 30_000).then((r) => (r.code === 0 ? resolveRun(JSON.parse(r.stdout.trim().split('\n').at(-1)!)) : reject(new Error(r.stderr))), reject);
  });
}

test('docs-app: the real aws-amplify signs in against `ampx sandbox`; an added group is live; identifiers are separate; delete removes one', { skip, timeout: 120_000 }, async () => {
  const p = tempProject();
  cpSync(join(examples, 'docs-app'), p.dir, { recursive: true });
  const outputsFile = join(p.dir, 'amplify_outputs.json');
  const one = await startSandbox(p.dir, p.env);
  const two = await startSandbox(p.dir, p.env, ['--identifier', 'feature2', '--outputs-out-dir', 'feature2']);
  try {
    const outputs = JSON.parse(readFileSync(outputsFile, 'utf8'));
    assert.equal(outputs.data.url, `${one.url}/graphql`);
    const me = await signUpAndSignIn(p.dir, one.url, outputsFile, 'ada@example.com');
    assert.deepEqual({ ...me, identityId: typeof me.identityId }, { signUpStep: 'CONFIRM_SIGN_UP', signInStep: 'DONE', hasIdToken: true, groups: [], identityId: 'string', hasCredentials: true, email: 'ada@example.com' });
    const other = await signUpAndSignIn(p.dir, two.url, join(p.dir, 'feature2/amplify_outputs.json'), 'grace@example.com');
    assert.equal(other.signInStep, 'DONE');

    process.env.SANDLOT_CONFIG_DIR = p.env.SANDLOT_CONFIG_DIR;
    const admin = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: one.url, credentials: rootCredentials(loadMasterKey(), 'default') });
    const users = await admin.send(new ListUsersCommand({ UserPoolId: outputs.auth.user_pool_id }));
    assert.deepEqual(users.Users?.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value), ['ada@example.com'], 'separate users per identifier');

    // An edit to the auth definition is applied without a restart.
    const mark = one.output().length;
    const authFile = join(p.dir, 'amplify/auth/resource.ts');
    writeFileSync(authFile, readFileSync(authFile, 'utf8').replace('groups: ["admin"]', 'groups: ["admin", "editors"]'));
    await one.waitFor(/Deployment completed/, mark);
    const groups = await admin.send(new ListGroupsCommand({ UserPoolId: outputs.auth.user_pool_id }));
    assert.deepEqual(groups.Groups?.map((g) => g.GroupName).sort(), ['admin', 'editors']);
    assert.deepEqual(JSON.parse(readFileSync(outputsFile, 'utf8')).auth.groups, [{ admin: { precedence: 0 } }, { editors: { precedence: 1 } }]);
    const again = await admin.send(new ListUsersCommand({ UserPoolId: outputs.auth.user_pool_id }));
    assert.equal(again.Users?.length, 1, 'the change kept the users');

    // A broken edit is reported and the sandbox keeps serving the last good state.
    const mark2 = one.output().length;
    writeFileSync(authFile, 'export const auth = defineAuth({ loginWith: {} });\n');
    await one.waitFor(/The backend was not applied/, mark2);
    assert.equal((await admin.send(new ListGroupsCommand({ UserPoolId: outputs.auth.user_pool_id }))).Groups?.length, 2);
    admin.destroy();
  } finally {
    one.child.kill('SIGINT');
    two.child.kill('SIGINT');
    await Promise.all([new Promise((r) => one.child.on('exit', r)), new Promise((r) => two.child.on('exit', r))]);
  }
  const del = await runAmpx(['sandbox', 'delete', '--yes', '--identifier', 'feature2'], { cwd: p.dir, env: p.env });
  assert.equal(del.code, 0, del.stderr);
  assert.equal(existsSync(join(p.dir, 'feature2/amplify_outputs.json')), false);
  assert.ok(existsSync(outputsFile), 'the other sandbox keeps its outputs');
  const policy = await runAmpx(['generate', 'outputs', '--out-dir', 'check'], { cwd: p.dir, env: p.env });
  assert.equal(policy.code, 0, 'the default sandbox still exists');
  const gone = await runAmpx(['generate', 'outputs', '--identifier', 'feature2', '--out-dir', 'check2'], { cwd: p.dir, env: p.env });
  assert.equal(gone.code, 1, 'the deleted one is gone');
});
