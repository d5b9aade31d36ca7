import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { examplesSkip, seedProject } from '../../../seedRunner/testing/seedProject.js';

// Its own file: it waits the docs' real 35 s, so it runs beside the other seed tests.
test('docs-totp verbatim: TOTP set-up, the real 35 s wait, sign-in with a fresh code', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-totp', { username: 'tess@example.com', password: 'Passw0rd!x' });
  const started = performance.now();
  const r = await p.ampx(['sandbox', 'seed'], { timeoutMs: 90_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.ok(performance.now() - started >= 35_000, 'the script really waited');
  assert.equal(r.stdout, 'seed is running...\nUser tess@example.com was created\nUser was signed in: true\n\n✔ seed has successfully completed\n');
  const mfa = await p.inspect(async ({ cognito, outputs }) => (await cognito.send(new AdminGetUserCommand({ UserPoolId: outputs.auth.user_pool_id, Username: 'tess@example.com' }))).PreferredMfaSetting);
  assert.equal(mfa, 'SOFTWARE_TOKEN_MFA');
});
