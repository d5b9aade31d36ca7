import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Amplify } from 'aws-amplify';
import {
  signUp, confirmSignUp, signIn, signOut, fetchAuthSession, fetchUserAttributes, resetPassword, confirmResetPassword,
  updatePassword, updateUserAttributes, confirmUserAttribute, sendUserAttributeVerificationCode, deleteUser,
} from 'aws-amplify/auth';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, errorName, lastCode, setUpPools } from './testing/amplifyPools.js';
import { verifyUserPoolToken, listOutbox } from './index.js';

// The account-management half of the auth category with the real aws-amplify 6.22.1.
describe('aws-amplify account management against the local cloud', () => {
  let t: TestCloud;
  const email = 'grace@example.com';
  const newest = () => listOutbox(t.cloud.services, { to: email }).at(-1)!;

  before(async () => {
    t = await startTestCloud();
    setUpPools(t);
    Amplify.configure({
      Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: IDENTITY_POOL_ID, allowGuestAccess: true, userPoolEndpoint: t.url, identityPoolEndpoint: t.url, loginWith: { email: true } } },
    });
    await signUp({ username: email, password: 'Passw0rd!', options: { userAttributes: { email } } });
    await confirmSignUp({ username: email, confirmationCode: lastCode(t, email) });
  });
  after(() => t.close());

  it('forgot password: a code by email, a wrong code refused, the new password works and the old one not', async () => {
    const started = await resetPassword({ username: email });
    assert.equal(started.nextStep.resetPasswordStep, 'CONFIRM_RESET_PASSWORD_WITH_CODE');
    const code = newest().code;
    assert.equal(await errorName(confirmResetPassword({ username: email, confirmationCode: code === '000000' ? '111111' : '000000', newPassword: 'Reset-Passw0rd!' })), 'CodeMismatchException');
    assert.equal(await errorName(confirmResetPassword({ username: email, confirmationCode: code, newPassword: 'short' })), 'InvalidPasswordException');
    await confirmResetPassword({ username: email, confirmationCode: code, newPassword: 'Reset-Passw0rd!' });
    assert.equal(await errorName(signIn({ username: email, password: 'Passw0rd!' })), 'NotAuthorizedException');
    assert.equal((await signIn({ username: email, password: 'Reset-Passw0rd!' })).nextStep.signInStep, 'DONE');
    await signOut();
    assert.equal(await errorName(resetPassword({ username: 'nobody@example.com' })), 'UserNotFoundException');
  });

  it('change password when signed in; the wrong old password is refused', async () => {
    await signIn({ username: email, password: 'Reset-Passw0rd!' });
    assert.equal(await errorName(updatePassword({ oldPassword: 'not-it-1A!', newPassword: 'Changed-Passw0rd!' })), 'NotAuthorizedException');
    await updatePassword({ oldPassword: 'Reset-Passw0rd!', newPassword: 'Changed-Passw0rd!' });
    await signOut();
    assert.equal((await signIn({ username: email, password: 'Changed-Passw0rd!' })).nextStep.signInStep, 'DONE');
  });

  it('update attributes; a changed email needs its code and is unverified until then', async () => {
    const out = await updateUserAttributes({ userAttributes: { locale: 'en', email: 'grace2@example.com' } });
    assert.equal(out.locale?.isUpdated, true);
    assert.equal(out.email?.nextStep.updateAttributeStep, 'CONFIRM_ATTRIBUTE_WITH_CODE');
    const code = listOutbox(t.cloud.services, { to: 'grace2@example.com' }).at(-1)!.code;
    assert.equal(await errorName(confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: code === '000000' ? '111111' : '000000' })), 'CodeMismatchException');
    await sendUserAttributeVerificationCode({ userAttributeKey: 'email' });
    await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: listOutbox(t.cloud.services, { to: 'grace2@example.com' }).at(-1)!.code });
    const attrs = await fetchUserAttributes();
    assert.equal(attrs.locale, 'en');
    assert.equal(attrs.email, 'grace2@example.com');
    assert.equal(attrs.email_verified, 'true');
  });

  it('global sign-out revokes the tokens; delete user removes the account', async () => {
    const access = (await fetchAuthSession()).tokens!.accessToken.toString();
    assert.ok(await verifyUserPoolToken(t.cloud.services, access));
    await signOut({ global: true });
    assert.equal(await verifyUserPoolToken(t.cloud.services, access), undefined, 'revoked by GlobalSignOut');
    await signIn({ username: 'grace2@example.com', password: 'Changed-Passw0rd!' });
    await deleteUser();
    assert.equal(await errorName(signIn({ username: 'grace2@example.com', password: 'Changed-Passw0rd!' })), 'UserNotFoundException');
  });
});
