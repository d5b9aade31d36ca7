import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { listOutbox } from '@sandlot/cloud';
import { AMPX_BIN } from '../../../testing/runAmpx.js';
import { examplesSkip, seedProject } from '../../../seedRunner/testing/seedProject.js';

const EVE = { username: 'eve@example.com', password: 'Passw0rd!x' };

test('docs-email-mfa unattended: without a terminal the e-mail codes are answered from the local outbox', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-email-mfa', EVE);
  const r = await p.ampx(['sandbox', 'seed']); // stdin is a pipe: --auto-confirm is on
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /✔ seed has successfully completed/);
  const state = await p.inspect(async ({ local, cognito, outputs }) => {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: outputs.auth.user_pool_id, Username: EVE.username }));
    return { preferred: user.PreferredMfaSetting, status: user.UserStatus, codes: listOutbox(local.cloud.services, { to: EVE.username }).filter((m) => m.purpose === 'mfa').length };
  });
  assert.deepEqual(state, { preferred: 'EMAIL_OTP', status: 'CONFIRMED', codes: 2 }, 'one code at sign-up, one at sign-in');

  // Explicitly off with nobody to type the code (stdin at its end): the real hidden prompt is shown and the seed stops.
  assert.equal((await p.ampx(['sandbox', 'secret', 'set', 'username'], { input: 'fay@example.com' })).code, 0);
  const off = await p.ampx(['sandbox', 'seed', '--no-auto-confirm']);
  assert.equal(off.code, 1);
  assert.match(off.stdout, /Please input one-time password from EMAIL for fay@example\.com:/);
  assert.match(off.stderr, /^\[ChallengeNotAnsweredError\] /);
});

test('docs-totp with --fast-clock against a running `ampx sandbox`: the 35 s wait moves the shared clock; a reused code is still refused', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const p = await seedProject('docs-totp', { username: 'tess@example.com', password: 'Passw0rd!x' }, { deploy: false });
  const sandbox = spawn(process.execPath, [AMPX_BIN, 'sandbox'], { cwd: p.dir, env: { ...process.env, ...p.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  sandbox.stdout!.on('data', (d) => (out += d));
  sandbox.stderr!.on('data', (d) => (out += d));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${out}`)), 30_000);
      sandbox.stdout!.on('data', () => /Watching for file changes/.test(out) && (clearTimeout(timer), resolve()));
    });
    const started = performance.now();
    const r = await p.ampx(['sandbox', 'seed', '--fast-clock']);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /User tess@example\.com was created\nUser was signed in: true\n/);
    assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s: the 35 s wait was not fast-forwarded`);

    // The same code for set-up and sign-in, no wait: refused even with --fast-clock.
    writeFileSync(join(p.dir, 'amplify', 'seed', 'seed.ts'), `
import { readFile } from "node:fs/promises";
import { createAndSignUpUser, signInUser } from "@aws-amplify/seed";
import { Amplify } from "aws-amplify";
import * as otpauth from "otpauth";
Amplify.configure(JSON.parse(await readFile(new URL("../../amplify_outputs.json", import.meta.url), "utf8")));
let code = "";
await createAndSignUpUser({ username: "twice@example.com", password: "Passw0rd!x", signInAfterCreation: false, signInFlow: "MFA", mfaPreference: "TOTP",
  totpSignUpChallenge: async (setup) => { code = new otpauth.TOTP({ secret: setup.sharedSecret }).generate(); return { challengeResponse: code }; } });
await signInUser({ username: "twice@example.com", password: "Passw0rd!x", signInFlow: "MFA", signInChallenge: async () => ({ challengeResponse: code }) });
`);
    const reused = await p.ampx(['sandbox', 'seed', '--fast-clock']);
    assert.equal(reused.code, 1);
    assert.match(reused.stderr, /^\[SeedingFailedError\] Seed failed to complete\n  ∟ Caused by: \[(CodeMismatchException|ExpiredCodeException|NotAuthorizedException)\]/);
  } finally {
    sandbox.kill('SIGINT');
    await new Promise((r) => sandbox.once('close', r));
  }
});
