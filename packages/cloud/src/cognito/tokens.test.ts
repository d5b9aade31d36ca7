import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand, GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { CLIENT_ID, USER_POOL_ID, setUpPools } from './testing/amplifyPools.js';
import { checkToken } from './tokens.js';

// checkToken remembers the tokens whose signature it has verified; what it remembers must never outlive
// what AWS checks on every call: expiry (sandbox clock), revocation (GlobalSignOut) and the signature itself.
describe('checkToken: a verified token is remembered, expiry and revocation still apply on every call', () => {
  let t: TestCloud;
  let admin: CognitoIdentityProviderClient;
  let pub: CognitoIdentityProviderClient;
  const password = 'Passw0rd!x';

  before(async () => {
    t = await startTestCloud({ services: ['cognito', 'identity'] });
    setUpPools(t);
    admin = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });
    pub = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
  });
  after(() => t.close());

  async function tokensOf(email: string) {
    await admin.send(new AdminCreateUserCommand({ UserPoolId: USER_POOL_ID, Username: email, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email }] })).catch(() => undefined);
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: USER_POOL_ID, Username: email, Password: password, Permanent: true }));
    const r = await pub.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));
    return r.AuthenticationResult!;
  }

  it('answers the same (frozen) claims again, and refuses a token whose signature was changed', async () => {
    const { AccessToken } = await tokensOf('cache@example.com');
    const cognito = t.cloud.services.cognito;
    const first = await checkToken(cognito, AccessToken!);
    const again = await checkToken(cognito, AccessToken!);
    assert.ok(first.ok && again.ok);
    assert.deepEqual(again.claims, first.claims);
    assert.equal(again.tokenUse, 'access');
    assert.throws(() => { (again.claims as Record<string, unknown>).sub = 'someone else'; }, TypeError, 'remembered claims cannot be changed');
    const [h, p, sig] = AccessToken!.split('.');
    const forged = `${h}.${p}.${sig!.slice(0, -4)}${sig!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    assert.deepEqual(await checkToken(cognito, forged), { ok: false, reason: 'invalid' });
  });

  it('refuses a remembered token once GlobalSignOut revoked its session', async () => {
    const { AccessToken, IdToken } = await tokensOf('signout@example.com');
    const cognito = t.cloud.services.cognito;
    assert.ok((await checkToken(cognito, AccessToken!)).ok);
    assert.ok((await checkToken(cognito, IdToken!)).ok);
    await pub.send(new GlobalSignOutCommand({ AccessToken }));
    assert.deepEqual(await checkToken(cognito, AccessToken!), { ok: false, reason: 'revoked' });
    assert.deepEqual(await checkToken(cognito, IdToken!), { ok: false, reason: 'revoked' });
  });

  it('refuses a remembered token once the sandbox clock passes its expiry', async () => {
    const { AccessToken, ExpiresIn } = await tokensOf('expiry@example.com');
    const cognito = t.cloud.services.cognito;
    assert.ok((await checkToken(cognito, AccessToken!)).ok);
    t.cloud.services.clock.advance((ExpiresIn! + 1) * 1000);
    assert.deepEqual(await checkToken(cognito, AccessToken!), { ok: false, reason: 'expired' });
  });
});
