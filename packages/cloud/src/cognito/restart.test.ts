import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, AssociateSoftwareTokenCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, GetIdCommand, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
import { createCloud } from '../createCloud.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, errorName, setUpPools } from './testing/amplifyPools.js';
import { clientSession } from './srp.js';
import { verifyUserPoolToken } from './index.js';
import { totpCode } from './totp.js';
import type { TestCloud } from '../testing/startTestCloud.js';

const PASSWORD = 'Sup3r-Secret-Passw0rd!';

async function open(dir: string, masterKey: Buffer) {
  const cloud = createCloud({ databaseFile: join(dir, 'sandbox.db'), masterKey });
  const server = await cloud.listen(0);
  const t = { cloud, server, url: server.url, dir, credentials: cloud.services.rootCredentials, close: async () => { await server.close(); cloud.close(); } } satisfies TestCloud;
  return t;
}

/** USER_SRP_AUTH as aws-amplify computes it (srp.clientSession mirrors the client's maths). */
export async function srpSignIn(idp: CognitoIdentityProviderClient, username: string, password: string) {
  const client = clientSession(USER_POOL_ID.split('_')[1]!);
  const start = await idp.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: client.A } }));
  const p = start.ChallengeParameters!;
  const timestamp = 'Tue Jan 5 03:04:05 UTC 2027';
  return idp.send(new RespondToAuthChallengeCommand({ ClientId: CLIENT_ID, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: {
    USERNAME: p.USER_ID_FOR_SRP!, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK!, TIMESTAMP: timestamp,
    PASSWORD_CLAIM_SIGNATURE: client.sign(p.USER_ID_FOR_SRP!, password, p.SALT!, p.SRP_B!, p.SECRET_BLOCK!, timestamp) } }));
}

describe('a sandbox restart keeps user pools, sessions and identity keys; nothing secret is stored in clear', () => {
  it('restarts on the same db file and master key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandlot-restart-'));
    const masterKey = randomBytes(32);
    try {
      let t = await open(dir, masterKey);
      setUpPools(t, { mfa: { mode: 'OPTIONAL', totp: true } });
      const idp = () => new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });
      await idp().send(new AdminCreateUserCommand({ UserPoolId: USER_POOL_ID, Username: 'keep@example.com', MessageAction: 'SUPPRESS' }));
      await idp().send(new AdminSetUserPasswordCommand({ UserPoolId: USER_POOL_ID, Username: 'keep@example.com', Password: PASSWORD, Permanent: true }));
      const before = await srpSignIn(idp(), 'keep@example.com', PASSWORD);
      const access = before.AuthenticationResult!.AccessToken!;
      const { SecretCode } = await idp().send(new AssociateSoftwareTokenCommand({ AccessToken: access }));
      await idp().send(new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: totpCode(SecretCode!, t.cloud.services.clock.now().getTime()) }));
      const identity = new CognitoIdentityClient({ endpoint: t.url, region: 'us-east-1' });
      const logins = { [`cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`]: before.AuthenticationResult!.IdToken! };
      const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: logins }));
      const creds = (await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }))).Credentials!;
      await t.close();

      const bytes = Buffer.concat(readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => readFileSync(join(dir, f.name))));
      for (const secret of [PASSWORD, SecretCode!, creds.SecretKey!, creds.SessionToken!]) {
        assert.equal(bytes.includes(Buffer.from(secret)), false, 'no password, TOTP secret or identity key in clear on disk');
      }
      assert.equal(bytes.includes(Buffer.from('keep@example.com')), true, 'the check itself can see plain data');

      t = await open(dir, masterKey);
      assert.equal((await verifyUserPoolToken(t.cloud.services, access))?.tokenUse, 'access', 'tokens signed before the restart still verify');
      const after = await srpSignIn(idp(), 'keep@example.com', PASSWORD);
      assert.equal(after.ChallengeName, 'SOFTWARE_TOKEN_MFA', 'the TOTP secret survived (sealed)');
      assert.equal(await errorName(srpSignIn(idp(), 'keep@example.com', 'Wr0ng-Passw0rd!')), 'NotAuthorizedException');
      // The identity-pool keys issued before the restart still sign requests (here: SSM answers with ParameterNotFound, not a signature error).
      const ssm = new SSMClient({ endpoint: t.url, region: 'us-east-1', credentials: { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretKey!, sessionToken: creds.SessionToken! } });
      assert.equal(await errorName(ssm.send(new GetParameterCommand({ Name: '/nothing' }))), 'ParameterNotFound');
      const owner = t.cloud.services.credentials.lookup(creds.AccessKeyId!);
      assert.equal(owner?.identityId, IdentityId);
      assert.equal(owner?.kind, 'authenticated');
      await t.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens a store written by a build that kept an scrypt hash beside the verifier: the column goes, the users still sign in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandlot-restart-'));
    const masterKey = randomBytes(32);
    try {
      let t = await open(dir, masterKey);
      setUpPools(t);
      const idp = () => new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });
      await idp().send(new AdminCreateUserCommand({ UserPoolId: USER_POOL_ID, Username: 'old@example.com', MessageAction: 'SUPPRESS' }));
      await idp().send(new AdminSetUserPasswordCommand({ UserPoolId: USER_POOL_ID, Username: 'old@example.com', Password: PASSWORD, Permanent: true }));
      // The earlier layout: cognito schema version 1, with a password_hash column filled in.
      const db = t.cloud.services.db;
      db.exec("ALTER TABLE cognito_users ADD COLUMN password_hash TEXT; UPDATE sandlot_migrations SET version = 1 WHERE service = 'cognito'");
      db.prepare('UPDATE cognito_users SET password_hash = ?').run('scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      await t.close();

      t = await open(dir, masterKey);
      const columns = (t.cloud.services.db.prepare('PRAGMA table_info(cognito_users)').all() as { name: string }[]).map((c) => c.name);
      assert.equal(columns.includes('password_hash'), false);
      assert.ok(columns.includes('srp_verifier'));
      assert.ok((await srpSignIn(idp(), 'old@example.com', PASSWORD)).AuthenticationResult?.IdToken);
      const passwordAuth = (PASSWORD: string) => idp().send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'old@example.com', PASSWORD } }));
      assert.ok((await passwordAuth(PASSWORD)).AuthenticationResult?.IdToken);
      assert.equal(await errorName(passwordAuth('Wr0ng-Passw0rd!')), 'NotAuthorizedException');
      await t.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
