import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Amplify } from 'aws-amplify';
import { signUp, confirmSignUp, signIn, signOut, fetchAuthSession, fetchUserAttributes, getCurrentUser, resendSignUpCode } from 'aws-amplify/auth';
import { decodeJwt, createRemoteJWKSet, jwtVerify } from 'jose';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, errorName, lastCode, setUpPools } from './testing/amplifyPools.js';
import { verifyUserPoolToken } from './index.js';

// The real aws-amplify 6.22.1, pointed at the local cloud through the documented endpoint overrides (wire-spec §1.3 A).
describe('aws-amplify sign-up, SRP sign-in and session against the local cloud', () => {
  let t: TestCloud;
  const email = 'ada@example.com';
  const password = 'Passw0rd!';

  before(async () => {
    t = await startTestCloud();
    setUpPools(t);
    Amplify.configure({
      Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: IDENTITY_POOL_ID, allowGuestAccess: true,
        userPoolEndpoint: t.url, identityPoolEndpoint: t.url, loginWith: { email: true } } },
    });
  });
  after(() => t.close());

  it('signs up, confirms with the code from the outbox, signs in with SRP, reads the session and attributes', async () => {
    const up = await signUp({ username: email, password, options: { userAttributes: { email } } });
    assert.equal(up.isSignUpComplete, false);
    assert.equal(up.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
    assert.ok(up.userId);
    await resendSignUpCode({ username: email });
    const done = await confirmSignUp({ username: email, confirmationCode: lastCode(t, email, 'signup') });
    assert.equal(done.isSignUpComplete, true);

    const result = await signIn({ username: email, password });
    assert.deepEqual(result, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const current = await getCurrentUser();
    assert.equal(current.userId, up.userId);
    assert.equal(current.username, up.userId, 'email sign-in: the username is the sub');

    const session = await fetchAuthSession();
    const access = session.tokens!.accessToken.toString();
    const id = session.tokens!.idToken!.toString();
    const claims = decodeJwt(id);
    assert.equal(claims.iss, `https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`);
    assert.equal(claims.email, email);
    assert.equal(claims.email_verified, true);
    assert.equal(claims.aud, CLIENT_ID);
    assert.equal(decodeJwt(access).token_use, 'access');
    assert.ok(session.credentials?.accessKeyId.startsWith('ASIA'));
    assert.ok(session.identityId?.startsWith('us-east-1:'));
    const owner = t.cloud.services.credentials.lookup(session.credentials!.accessKeyId);
    assert.equal(owner?.kind, 'authenticated');
    assert.equal(owner?.userSub, up.userId);
    assert.equal(owner?.identityId, session.identityId);

    // JWKS at the real path verifies the tokens; verifyUserPoolToken agrees.
    const jwks = createRemoteJWKSet(new URL(`${t.url}/${USER_POOL_ID}/.well-known/jwks.json`));
    await jwtVerify(access, jwks, { issuer: claims.iss });
    assert.equal((await verifyUserPoolToken(t.cloud.services, access))?.tokenUse, 'access');
    assert.equal((await verifyUserPoolToken(t.cloud.services, id))?.tokenUse, 'id');
    assert.equal(await verifyUserPoolToken(t.cloud.services, access.slice(0, -4) + 'AAAA'), undefined);

    const attrs = await fetchUserAttributes();
    assert.equal(attrs.email, email);
    assert.equal(attrs.sub, up.userId);

    // A forced refresh goes through GetTokensFromRefreshToken (aws-amplify ≥ 6.15.4) and yields new tokens.
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    assert.notEqual(refreshed.tokens!.accessToken.toString(), access);
    assert.equal(refreshed.tokens!.accessToken.payload.origin_jti, decodeJwt(access).origin_jti);

    await signOut();
    assert.equal(await verifyUserPoolToken(t.cloud.services, access), undefined, 'sign-out revokes the tokens of that sign-in');
    assert.equal(await errorName(getCurrentUser()), 'UserUnAuthenticatedException');
  });

  it('gives guests credentials of their own', async () => {
    const guest = await fetchAuthSession();
    assert.equal(guest.tokens, undefined);
    assert.ok(guest.credentials?.accessKeyId);
    assert.equal(t.cloud.services.credentials.lookup(guest.credentials!.accessKeyId)?.kind, 'unauthenticated');
  });

  it('names the errors as Cognito does', async () => {
    assert.equal(await errorName(signIn({ username: email, password: 'Wrong-passw0rd' })), 'NotAuthorizedException');
    assert.equal(await errorName(signIn({ username: 'nobody@example.com', password })), 'UserNotFoundException');
    assert.equal(await errorName(signUp({ username: email, password, options: { userAttributes: { email } } })), 'UsernameExistsException');
    assert.equal(await errorName(signUp({ username: 'weak@example.com', password: 'short', options: { userAttributes: { email: 'weak@example.com' } } })), 'InvalidPasswordException');
    await signUp({ username: 'bob@example.com', password, options: { userAttributes: { email: 'bob@example.com' } } });
    assert.equal(await errorName(confirmSignUp({ username: 'bob@example.com', confirmationCode: '000000' === lastCode(t, 'bob@example.com') ? '111111' : '000000' })), 'CodeMismatchException');
    const unconfirmed = await signIn({ username: 'bob@example.com', password });
    assert.equal(unconfirmed.nextStep.signInStep, 'CONFIRM_SIGN_UP');
    t.cloud.services.clock.advance(25 * 3600_000);
    assert.equal(await errorName(confirmSignUp({ username: 'bob@example.com', confirmationCode: lastCode(t, 'bob@example.com') })), 'ExpiredCodeException');
  });
});
