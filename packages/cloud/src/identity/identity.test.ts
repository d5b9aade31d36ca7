import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CognitoIdentityClient, GetIdCommand, GetCredentialsForIdentityCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand, AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, errorName, setUpPools } from '../cognito/testing/amplifyPools.js';
import { applyIdentityPoolConfig } from './index.js';

describe('Cognito identity pools through @aws-sdk/client-cognito-identity', () => {
  let t: TestCloud;
  let identity: CognitoIdentityClient;
  let idToken: string;
  const provider = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;

  before(async () => {
    t = await startTestCloud();
    setUpPools(t, {}, false);
    identity = new CognitoIdentityClient({ endpoint: t.url, region: 'us-east-1' });
    const idp = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });
    await idp.send(new AdminCreateUserCommand({ UserPoolId: USER_POOL_ID, Username: 'id@example.com', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: USER_POOL_ID, Username: 'id@example.com', Password: 'Passw0rd!', Permanent: true }));
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: USER_POOL_ID, Username: 'id@example.com', GroupName: 'ADMINS' }));
    const auth = await idp.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'id@example.com', PASSWORD: 'Passw0rd!' } }));
    idToken = auth.AuthenticationResult!.IdToken!;
  });
  after(() => t.close());

  it('refuses guests when unauthenticated access is off, and unknown pools / identities', async () => {
    assert.equal(await errorName(identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID }))), 'NotAuthorizedException');
    assert.equal(await errorName(identity.send(new GetIdCommand({ IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }))), 'ResourceNotFoundException');
    assert.equal(await errorName(identity.send(new GetCredentialsForIdentityCommand({ IdentityId: 'us-east-1:00000000-0000-0000-0000-000000000000' }))), 'ResourceNotFoundException');
    assert.equal(await errorName(identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: { [provider]: idToken.slice(0, -3) + 'abc' } }))), 'NotAuthorizedException');
    assert.equal(await errorName(identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: { 'accounts.google.com': idToken } }))), 'NotAuthorizedException');
  });

  it('gives a signed-in user one identity and real keys carrying who they are', async () => {
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: { [provider]: idToken } }));
    assert.equal((await identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: { [provider]: idToken } }))).IdentityId, IdentityId, 'same login, same identity');
    const out = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [provider]: idToken } }));
    assert.equal(out.IdentityId, IdentityId);
    assert.ok(out.Credentials?.Expiration instanceof Date);
    const lifetime = out.Credentials!.Expiration!.getTime() - t.cloud.services.clock.now().getTime();
    assert.ok(lifetime > 3500_000 && lifetime <= 3600_000);
    const owner = t.cloud.services.credentials.lookup(out.Credentials!.AccessKeyId!);
    assert.equal(owner?.secretAccessKey, out.Credentials?.SecretKey);
    assert.equal(owner?.sessionToken, out.Credentials?.SessionToken);
    assert.deepEqual({ kind: owner?.kind, identityId: owner?.identityId, userSub: owner?.userSub, groups: owner?.groups },
      { kind: 'authenticated', identityId: IdentityId, userSub: decodeJwt(idToken).sub, groups: ['ADMINS'] });
    assert.match(owner!.principal, /^arn:aws:sts::000000000000:assumed-role\/.+\/CognitoIdentityCredentials$/);
    assert.equal(await errorName(identity.send(new GetCredentialsForIdentityCommand({ IdentityId }))), 'NotAuthorizedException', 'an authenticated identity needs its login');
    const openId = await identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: { [provider]: idToken } }));
    assert.equal(decodeJwt(openId.Token!).sub, IdentityId);
  });

  it('links a guest identity to the login used with it (as aws-amplify does after sign-in)', async () => {
    applyIdentityPoolConfig(t.cloud.services, { identityPoolId: IDENTITY_POOL_ID, userPoolId: USER_POOL_ID, clientId: CLIENT_ID, allowUnauthenticated: true });
    const guest = await identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID }));
    const guestCreds = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId }));
    assert.equal(t.cloud.services.credentials.lookup(guestCreds.Credentials!.AccessKeyId!)?.kind, 'unauthenticated');
    const known = await identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: { [provider]: idToken } }));
    const out = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId, Logins: { [provider]: idToken } }));
    assert.equal(out.IdentityId, known.IdentityId, 'the login keeps its own identity');
  });
});
