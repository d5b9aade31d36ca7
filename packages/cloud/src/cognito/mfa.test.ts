import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Amplify } from 'aws-amplify';
import { signUp, confirmSignUp, signIn, confirmSignIn, signOut, setUpTOTP, verifyTOTPSetup, updateMFAPreference, fetchMFAPreference, fetchAuthSession } from 'aws-amplify/auth';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { install } from '../../../cli/src/register/install.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, errorName, lastCode, setUpPools } from './testing/amplifyPools.js';
import { totpCode } from './totp.js';

// The real aws-amplify 6.22.1 with NO endpoint settings: the `sandlot/register` preload's fetch wrapper
// sends https://cognito-idp.us-east-1.amazonaws.com/ to the local cloud (wire-spec §1.3 C).
describe('MFA with aws-amplify through the register preload', () => {
  let t: TestCloud;
  let uninstall: () => void;
  const password = 'Passw0rd!';

  const newUser = async (email: string, phone?: string) => {
    await signUp({ username: email, password, options: { userAttributes: { email, ...(phone ? { phone_number: phone } : {}) } } });
    await confirmSignUp({ username: email, confirmationCode: lastCode(t, email, 'signup') });
    assert.equal((await signIn({ username: email, password })).isSignedIn, true);
  };

  before(async () => {
    t = await startTestCloud();
    setUpPools(t, { mfa: { mode: 'OPTIONAL', totp: true, sms: true, email: true } });
    uninstall = install({ endpoint: t.url });
    Amplify.configure({ Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: IDENTITY_POOL_ID, allowGuestAccess: true, loginWith: { email: true } } } });
  });
  after(async () => {
    uninstall();
    await t.close();
  });

  it('sets up TOTP, then signs in with a TOTP code; a wrong or reused code is refused', async () => {
    await newUser('totp@example.com');
    const setup = await setUpTOTP();
    assert.match(setup.getSetupUri('Sandlot').href, /^otpauth:\/\/totp\/Sandlot:/);
    const clock = t.cloud.services.clock;
    assert.equal(await errorName(verifyTOTPSetup({ code: '000000' === totpCode(setup.sharedSecret, clock.now().getTime()) ? '111111' : '000000' })), 'EnableSoftwareTokenMFAException');
    const setupCode = totpCode(setup.sharedSecret, clock.now().getTime());
    await verifyTOTPSetup({ code: setupCode });
    await updateMFAPreference({ totp: 'PREFERRED' });
    assert.deepEqual(await fetchMFAPreference(), { enabled: ['TOTP'], preferred: 'TOTP' });
    await signOut();

    const first = await signIn({ username: 'totp@example.com', password });
    assert.equal(first.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    assert.equal(await errorName(confirmSignIn({ challengeResponse: setupCode })), 'ExpiredCodeException', 'the code used for set-up cannot be used again');
    const wrong = String((Number(setupCode) + 1) % 1_000_000).padStart(6, '0');
    assert.equal(await errorName(confirmSignIn({ challengeResponse: wrong })), 'CodeMismatchException');
    clock.advance(31_000); // the sandbox clock: no 30 s wait for the next code
    const code = totpCode(setup.sharedSecret, clock.now().getTime());
    assert.equal((await confirmSignIn({ challengeResponse: code })).nextStep.signInStep, 'DONE');
    assert.ok((await fetchAuthSession()).tokens?.accessToken);
    await signOut();

    await signIn({ username: 'totp@example.com', password });
    assert.equal(await errorName(confirmSignIn({ challengeResponse: code })), 'ExpiredCodeException', 'a code is good for one sign-in');
    clock.advance(31_000);
    assert.equal((await confirmSignIn({ challengeResponse: totpCode(setup.sharedSecret, clock.now().getTime()) })).isSignedIn, true);
    await signOut();
  });

  it('signs in with an e-mailed code', async () => {
    await newUser('mail@example.com');
    await updateMFAPreference({ email: 'PREFERRED' });
    await signOut();
    const step = await signIn({ username: 'mail@example.com', password });
    assert.equal(step.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
    assert.equal(await errorName(confirmSignIn({ challengeResponse: lastCode(t, 'mail@example.com', 'mfa') === '123456' ? '654321' : '123456' })), 'CodeMismatchException');
    assert.equal((await confirmSignIn({ challengeResponse: lastCode(t, 'mail@example.com', 'mfa') })).isSignedIn, true);
    await signOut();
  });

  it('signs in with a texted code, and lets the user choose when two methods are enabled', async () => {
    await newUser('sms@example.com', '+15555550100');
    await updateMFAPreference({ sms: 'PREFERRED' });
    await signOut();
    const step = await signIn({ username: 'sms@example.com', password });
    assert.equal(step.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_SMS_CODE');
    assert.equal((await confirmSignIn({ challengeResponse: lastCode(t, '+15555550100', 'mfa') })).isSignedIn, true);

    await updateMFAPreference({ sms: 'NOT_PREFERRED', email: 'ENABLED' });
    await signOut();
    const choose = await signIn({ username: 'sms@example.com', password });
    assert.equal(choose.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION');
    const emailed = await confirmSignIn({ challengeResponse: 'EMAIL' });
    assert.equal(emailed.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
    assert.equal((await confirmSignIn({ challengeResponse: lastCode(t, 'sms@example.com', 'mfa') })).isSignedIn, true);
    await signOut();
  });
});
