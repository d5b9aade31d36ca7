import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { examplesSkip, seedProject } from '../../../seedRunner/testing/seedProject.js';

// The published @aws-amplify/seed@1.1.4 (installed at the repository root, nothing new installed): its
// SDK calls go to the local cloud through AWS_ENDPOINT_URL, its sign-ins share the script's aws-amplify.

test('published package: docs-app admin-user (CloudFormation config, AdminCreateUser, SRP + NEW_PASSWORD_REQUIRED, AdminAddUserToGroup)', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-app', { username: 'pub@example.com', password: 'Passw0rd!x' });
  p.useSeed('admin-user');
  const r = await p.ampx(['sandbox', 'seed', '--seed-library', 'installed']);
  // The published package's client-config also fetches the data model from the stack's codegen bucket
  // (S3 GetObject of amplifyApiModelSchemaS3Uri): the sandbox publishes it there at every apply.
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'seed is running...\n\n✔ seed has successfully completed\n');
  const state = await p.inspect(async ({ cognito, outputs }) => {
    const UserPoolId = outputs.auth.user_pool_id;
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: 'pub@example.com' }));
    const groups = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: 'pub@example.com' }));
    return { status: user.UserStatus, locale: user.UserAttributes?.find((a) => a.Name === 'locale')?.Value, groups: groups.Groups?.map((g) => g.GroupName) };
  });
  assert.deepEqual(state, { status: 'CONFIRMED', locale: 'en', groups: ['admin'] });
});

test('published package: docs-totp (MFA selection, TOTP set-up, updateMFAPreference, TOTP sign-in) with --fast-clock', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-totp', { username: 'pubtotp@example.com', password: 'Passw0rd!x' });
  const r = await p.ampx(['sandbox', 'seed', '--seed-library', 'installed', '--fast-clock']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /User pubtotp@example\.com was created\nUser was signed in: true\n/);
  const mfa = await p.inspect(async ({ cognito, outputs }) => (await cognito.send(new AdminGetUserCommand({ UserPoolId: outputs.auth.user_pool_id, Username: 'pubtotp@example.com' }))).PreferredMfaSetting);
  assert.equal(mfa, 'SOFTWARE_TOKEN_MFA');
  // Its real error for a second run, through the same CLI error path.
  const again = await p.ampx(['sandbox', 'seed', '--seed-library', 'installed', '--fast-clock']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^\[UsernameExistsError\] A user called pubtotp@example\.com already exists\./);
});

test('published package: docs-email-mfa unattended (its code prompts answered from the local outbox)', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-email-mfa', { username: 'pubmail@example.com', password: 'Passw0rd!x' });
  const r = await p.ampx(['sandbox', 'seed', '--seed-library', 'installed']); // stdin is a pipe: --auto-confirm is on
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /✔ seed has successfully completed/);
  assert.doesNotMatch(r.stdout, /Please input/, 'no prompt was shown');
  const mfa = await p.inspect(async ({ cognito, outputs }) => (await cognito.send(new AdminGetUserCommand({ UserPoolId: outputs.auth.user_pool_id, Username: 'pubmail@example.com' }))).PreferredMfaSetting);
  assert.equal(mfa, 'EMAIL_OTP');
});
