import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeProtectedHeader } from 'jose';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { CLIENT_ID, USER_POOL_ID, setUpPools } from './testing/amplifyPools.js';

// The pools' RS256 key is generated once per sandbox. A user getting a password starts its generation on the thread
// pool, so the first sign-in does not generate it inline; the key tokens are signed with is always the stored one.
describe('the signing key is prepared in the background when a user gets a password', () => {
  let t: TestCloud;
  let admin: CognitoIdentityProviderClient;
  const UserPoolId = USER_POOL_ID;
  const storedKid = () => (t.cloud.services.db.prepare("SELECT kid FROM cognito_signing_keys WHERE name = 'default'").get() as { kid: string } | undefined)?.kid;
  async function eventuallyStored(): Promise<string> {
    for (let i = 0; i < 300; i++) {
      const kid = storedKid();
      if (kid) return kid;
      await sleep(50);
    }
    throw new Error('no signing key was stored');
  }

  before(async () => {
    t = await startTestCloud();
    setUpPools(t, { passwordPolicy: { minLength: 24 } });
    admin = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });
  });
  after(() => t.close());

  it('a user created without a password (SUPPRESS) starts nothing and needs no generated password; its password starts the key; sign-in uses the stored key', async () => {
    const Username = 'first.user@example.com';
    // No temporary password is made for a SUPPRESS creation, so the pool's 24-character minimum does not refuse one.
    await admin.send(new AdminCreateUserCommand({ UserPoolId, Username, MessageAction: 'SUPPRESS' }));
    assert.equal(storedKid(), undefined, 'a user without a password does not start the key');
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: 'A-long-enough-Passw0rd-24!', Permanent: true }));
    const kid = await eventuallyStored();
    const auth = await admin.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD: 'A-long-enough-Passw0rd-24!' } }));
    assert.equal(decodeProtectedHeader(auth.AuthenticationResult!.IdToken!).kid, kid);
    const jwks = (await (await fetch(`${t.url}/${UserPoolId}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    assert.deepEqual(jwks.keys.map((k) => k.kid), [kid]);
  });

  it('a key loaded while one is being prepared is the one that stays stored', async () => {
    const other = await startTestCloud();
    try {
      setUpPools(other);
      const services = other.cloud.services.cognito;
      const preparing = services.prepareSigningKey();
      assert.ok(preparing, 'the first call starts the preparation');
      assert.equal(services.prepareSigningKey(), undefined, 'once per process');
      const inUse = services.signingKey(); // generated inline: the background one is then not stored
      await preparing;
      const stored = other.cloud.services.db.prepare("SELECT kid FROM cognito_signing_keys WHERE name = 'default'").get() as { kid: string };
      assert.equal(stored.kid, inUse.kid);
    } finally {
      await other.close();
    }
  });
});
