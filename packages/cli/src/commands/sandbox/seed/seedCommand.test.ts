import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdminGetUserCommand, AdminListGroupsForUserCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { examplesSkip, seedProject } from '../../../seedRunner/testing/seedProject.js';

const ADA = { username: 'ada@example.com', password: 'Passw0rd!x' };

test('each missing piece has its own message naming the command that fixes it; a failing script is SeedingFailedError with its error and stack', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-app', ADA, { deploy: false });
  rmSync(join(p.dir, 'amplify', 'seed', 'seed.ts'));
  const noScript = await p.ampx(['sandbox', 'seed']);
  assert.equal(noScript.code, 1);
  assert.match(noScript.stderr, /^\[SeedScriptNotFoundError\] There is no file that corresponds to .*amplify\/seed\/seed\.ts\nResolution: Please make a file that corresponds to/);

  p.useSeed('admin-user');
  const neverStarted = await p.ampx(['sandbox', 'seed']);
  assert.equal(neverStarted.code, 1);
  assert.match(neverStarted.stderr, /^\[SandboxNotDeployedError\] The sandbox \S+ has not been deployed yet.*\nResolution: Run npx ampx sandbox \(or npx ampx sandbox --once\) first/);
  assert.doesNotMatch(neverStarted.stdout, /seed is running/);

  assert.equal((await p.ampx(['sandbox', '--once'])).code, 0);
  rmSync(join(p.dir, 'amplify_outputs.json'));
  const noOutputs = await p.ampx(['sandbox', 'seed']);
  assert.equal(noOutputs.code, 1);
  assert.match(noOutputs.stderr, /^\[MissingOutputsFileError\] The seed script reads amplify_outputs\.json, but .*amplify_outputs\.json does not exist\.\nResolution: Run npx ampx sandbox --once/);

  assert.equal((await p.ampx(['sandbox', '--once'])).code, 0);
  writeFileSync(join(p.dir, 'amplify', 'seed', 'seed.ts'), 'const fail = (n: number): never => { throw new TypeError(`bad row ${n}`); };\nfail(3);\n');
  const failing = await p.ampx(['sandbox', 'seed']);
  assert.equal(failing.code, 1);
  assert.match(failing.stdout, /^seed is running\.\.\.\n$/);
  assert.match(failing.stderr, /^\[SeedingFailedError\] Seed failed to complete\n  ∟ Caused by: \[TypeError\] bad row 3\nResolution: Check the Caused by error and fix any issues in your seed script\nDetails: \n\s+at fail \(.*amplify\/seed\/seed\.ts:1:\d+\)/);
});

test('docs-app admin-user: user with locale en in group admin; a second run is UsernameExistsError; --reset starts over keeping secrets', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-app', ADA);
  p.useSeed('admin-user');
  const r = await p.ampx(['sandbox', 'seed']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'seed is running...\n\n✔ seed has successfully completed\n');
  const check = () =>
    p.inspect(async ({ cognito, outputs }) => {
      const UserPoolId = outputs.auth.user_pool_id;
      const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: ADA.username }));
      const groups = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: ADA.username }));
      const all = await cognito.send(new ListUsersCommand({ UserPoolId }));
      return {
        status: user.UserStatus,
        locale: user.UserAttributes?.find((a) => a.Name === 'locale')?.Value,
        groups: groups.Groups?.map((g) => g.GroupName),
        users: all.Users?.length,
      };
    });
  assert.deepEqual(await check(), { status: 'CONFIRMED', locale: 'en', groups: ['admin'], users: 1 });

  const again = await p.ampx(['sandbox', 'seed']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^\[UsernameExistsError\] A user called ada@example\.com already exists\.\n  ∟ Caused by: \[UsernameExistsException\] .*\nResolution: Give this user a different name/);

  p.useSeed('many-users');
  assert.equal((await p.ampx(['sandbox', 'seed'])).code, 0);
  p.useSeed('admin-user');
  const reset = await p.ampx(['sandbox', 'seed', '--reset']);
  assert.equal(reset.code, 0, reset.stderr);
  assert.match(reset.stdout, /Reset \S+: users, data and files removed \(secrets kept\)\.\n[\s\S]*Backend re-applied; file written: .*amplify_outputs\.json\n[\s\S]*seed is running\.\.\.\n\n✔ seed has successfully completed\n$/, reset.stdout);
  assert.deepEqual(await check(), { status: 'CONFIRMED', locale: 'en', groups: ['admin'], users: 1 }, 'the many-users users are gone, ada is back');
});

test('docs-app idempotent-user runs twice; many-users leaves nobody signed in and omits signInFlow (Password)', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-app', ADA);
  p.useSeed('idempotent-user');
  for (let i = 0; i < 2; i++) {
    const r = await p.ampx(['sandbox', 'seed']);
    assert.equal(r.code, 0, `run ${i + 1}: ${r.stderr}`);
  }
  p.useSeed('many-users');
  const many = await p.ampx(['sandbox', 'seed']);
  assert.equal(many.code, 0, many.stderr);
  assert.match(many.stdout, /signed in after seeding: false/);
  const users = await p.inspect(async ({ cognito, outputs }) => {
    const out = await cognito.send(new ListUsersCommand({ UserPoolId: outputs.auth.user_pool_id }));
    return out.Users!.map((u) => [u.Attributes?.find((a) => a.Name === 'email')?.Value, u.UserStatus]).sort();
  });
  assert.deepEqual(users, [['ada@example.com', 'CONFIRMED'], ['user1@example.com', 'CONFIRMED'], ['user2@example.com', 'CONFIRMED'], ['user3@example.com', 'CONFIRMED']]);
});
