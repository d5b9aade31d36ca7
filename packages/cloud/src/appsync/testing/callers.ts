import { CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, AdminAddUserToGroupCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, GetIdCommand, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { SignatureV4 } from '@smithy/signature-v4';
import { decodeJwt } from 'jose';
import type { TestCloud } from '../../testing/startTestCloud.js';
import { applyUserPoolConfig } from '../../cognito/apply.js';
import { applyIdentityPoolConfig } from '../../identity/index.js';
import { API_KEY } from './dataApi.js';
import { Sha256 } from '../../testing/sha256.js';

/**
 * Test callers minted through the local Cognito's real flows (AdminCreateUser + USER_PASSWORD_AUTH, identity-pool
 * GetId/GetCredentialsForIdentity) — never hand-made JWTs — and the headers each puts on a GraphQL POST,
 * exactly as aws-amplify sends them (raw JWT, x-api-key, SigV4 for service `appsync`).
 */
export const USER_POOL_ID = 'us-east-1_SandlotData';
export const CLIENT_ID = 'sandlotdataclient01';
export const IDENTITY_POOL_ID = 'us-east-1:22222222-3333-4444-5555-666666666666';
const PASSWORD = 'Passw0rd!Passw0rd';

export type Caller =
  | { kind: 'apiKey' }
  | { kind: 'none' }
  | { kind: 'user'; username: string; sub: string; accessToken: string; idToken: string }
  | { kind: 'iam'; label: string; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } };

export function setUpAuth(t: TestCloud): void {
  applyUserPoolConfig(t.cloud.services, { userPoolId: USER_POOL_ID, clientId: CLIENT_ID, signInWith: { username: true }, groups: [{ name: 'Admins' }, { name: 'Editors' }] });
  applyIdentityPoolConfig(t.cloud.services, { identityPoolId: IDENTITY_POOL_ID, userPoolId: USER_POOL_ID, clientId: CLIENT_ID, allowUnauthenticated: true });
}

const sdkOptions = (t: TestCloud) => ({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });

export async function makeUser(t: TestCloud, username: string, groups: string[] = []): Promise<Extract<Caller, { kind: 'user' }>> {
  const idp = new CognitoIdentityProviderClient(sdkOptions(t));
  await idp.send(new AdminCreateUserCommand({ UserPoolId: USER_POOL_ID, Username: username, MessageAction: 'SUPPRESS' }));
  await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: USER_POOL_ID, Username: username, Password: PASSWORD, Permanent: true }));
  for (const g of groups) await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: USER_POOL_ID, Username: username, GroupName: g }));
  const auth = await idp.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD } }));
  const accessToken = auth.AuthenticationResult!.AccessToken!;
  const idToken = auth.AuthenticationResult!.IdToken!;
  return { kind: 'user', username, sub: decodeJwt(accessToken).sub!, accessToken, idToken };
}

/** Identity-pool credentials: guest without a login, authenticated with a user's id token. */
export async function identityPoolCaller(t: TestCloud, user?: Extract<Caller, { kind: 'user' }>): Promise<Extract<Caller, { kind: 'iam' }>> {
  const ci = new CognitoIdentityClient({ endpoint: t.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const Logins = user ? { [`cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`]: user.idToken } : undefined;
  const { IdentityId } = await ci.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins }));
  const { Credentials } = await ci.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  return { kind: 'iam', label: user ? `iam:${user.username}` : 'iam:guest', credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken } };
}

export const rootIamCaller = (t: TestCloud): Caller => ({ kind: 'iam', label: 'iam:root', credentials: t.credentials });

/** POST /graphql as `caller`; returns status and parsed body. */
export async function graphqlAs(t: TestCloud, caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; json: any }> {
  const body = JSON.stringify({ query, variables });
  const url = new URL(`${t.url}/graphql`);
  let headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
  if (caller.kind === 'apiKey') headers['x-api-key'] = API_KEY;
  if (caller.kind === 'user') headers.authorization = caller.accessToken;
  if (caller.kind === 'iam') {
    const signer = new SignatureV4({ credentials: caller.credentials, region: 'us-east-1', service: 'appsync', sha256: Sha256 });
    const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/graphql', headers: { ...headers, host: url.host }, body });
    headers = signed.headers as Record<string, string>;
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, json: await res.json() };
}


