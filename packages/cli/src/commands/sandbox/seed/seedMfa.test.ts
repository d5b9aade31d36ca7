import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
    assert.ok(seconds < 33, `took ${seconds.toFixed(1)} s: the 35 s wait was not fast-forwarded`);

    // The running sandbox's clock is now ahead of real time (35 s, plus a minute more here): the next
    // fast-clock seed's Date starts from the sandbox clock, so the codes it computes are the cloud's.
    const { url } = JSON.parse(readFileSync(join(p.dir, '.amplify', 'sandlot', 'endpoint.json'), 'utf8')) as { url: string };
    assert.equal((await fetch(new URL('/_sandlot/clock', url), { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) })).status, 200);

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
    // Set-up took the code (the script's clock agreed with the cloud's); the sign-in with it was refused.
    assert.match(reused.stderr, /^\[SeedingFailedError\] Seed failed to complete\n  ∟ Caused by: \[(CodeMismatchException|ExpiredCodeException|NotAuthorizedException)\]/);
    assert.doesNotMatch(reused.stderr, /EnableSoftwareTokenMFAException/);
  } finally {
    sandbox.kill('SIGINT');
    await new Promise((r) => sandbox.once('close', r));
  }
});

test('SMS MFA: smsSignUpChallenge unattended from the outbox, then the sign-in code; the preference is SMS', { skip: examplesSkip, timeout: 120_000 }, async () => {
  const SAM = { username: 'sam@example.com', password: 'Passw0rd!x' };
  const p = await seedProject('docs-email-mfa', SAM, { deploy: false });
  writeFileSync(join(p.dir, 'amplify', 'auth', 'resource.ts'), `import { defineAuth } from "@aws-amplify/backend";
export const auth = defineAuth({ loginWith: { email: true }, multifactor: { mode: "REQUIRED", sms: true } });
`);
  // The docs' e-mail script with SMS: the user needs a phone number for the code to go to.
  writeFileSync(join(p.dir, 'amplify', 'seed', 'seed.ts'), `import { readFile } from "node:fs/promises";
import { createAndSignUpUser, getSecret, signInUser } from "@aws-amplify/seed";
import { Amplify } from "aws-amplify";
import * as auth from "aws-amplify/auth";
Amplify.configure(JSON.parse(await readFile(new URL("../../amplify_outputs.json", import.meta.url), { encoding: "utf8" })));
const username = await getSecret("username");
const password = await getSecret("password");
await createAndSignUpUser({ username, password, signInAfterCreation: false, signInFlow: "MFA", mfaPreference: "SMS", userAttributes: { phoneNumber: "+15555550123" } });
const out = await signInUser({ username, password, signInFlow: "MFA" });
console.log("User was signed in:", out);
auth.signOut();
`);
  const deployed = await p.ampx(['sandbox', '--once']);
  assert.equal(deployed.code, 0, deployed.stdout + deployed.stderr);
  const r = await p.ampx(['sandbox', 'seed']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /User was signed in: true\n/);
  const state = await p.inspect(async ({ local, cognito, outputs }) => {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: outputs.auth.user_pool_id, Username: SAM.username }));
    const sms = listOutbox(local.cloud.services, {}).filter((m) => m.purpose === 'mfa' && m.to === '+15555550123');
    return { preferred: user.PreferredMfaSetting, phone: user.UserAttributes?.find((a) => a.Name === 'phone_number')?.Value, codes: sms.length };
  });
  assert.deepEqual(state, { preferred: 'SMS_MFA', phone: '+15555550123', codes: 2 }, 'one SMS code at sign-up, one at sign-in');
});
