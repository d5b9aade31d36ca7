import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, AdminGetUserCommand, AdminDeleteUserCommand,
  AdminAddUserToGroupCommand, AdminRemoveUserFromGroupCommand, AdminListGroupsForUserCommand, AdminConfirmSignUpCommand,
  AdminUpdateUserAttributesCommand, ListUsersCommand, CreateGroupCommand, ListGroupsCommand, GetGroupCommand, DeleteGroupCommand,
  ListUsersInGroupCommand, DescribeUserPoolCommand, DescribeUserPoolClientCommand, SignUpCommand, InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { signIn, confirmSignIn, signOut, fetchAuthSession } from 'aws-amplify/auth';
import { decodeJwt } from 'jose';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { CLIENT_ID, USER_POOL_ID, errorName, setUpPools } from './testing/amplifyPools.js';
import { applyUserPoolConfig } from './apply.js';

describe('Cognito admin API through @aws-sdk/client-cognito-identity-provider (SigV4 with the root keys)', () => {
  let t: TestCloud;
  let admin: CognitoIdentityProviderClient;
  const UserPoolId = USER_POOL_ID;

  before(async () => {
    t = await startTestCloud();
    setUpPools(t);
    admin = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });
    Amplify.configure({ Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: t.url, loginWith: { email: true } } } });
  });
  after(() => t.close());

  it('refuses an unsigned admin call, and one signed with unknown keys', async () => {
    const anonymous = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    assert.equal(await errorName(anonymous.send(new ListUsersCommand({ UserPoolId }))), 'UnrecognizedClientException');
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' }, body: JSON.stringify({ UserPoolId, Username: 'a' }) });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { __type: string }).__type, 'MissingAuthenticationTokenException');
  });

  it('AdminCreateUser → NEW_PASSWORD_REQUIRED on sign-in → signed in with the new password', async () => {
    const created = await admin.send(new AdminCreateUserCommand({ UserPoolId, Username: 'grace@example.com', TemporaryPassword: 'Temp0rary!', MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'grace@example.com' }, { Name: 'email_verified', Value: 'true' }] }));
    assert.equal(created.User?.UserStatus, 'FORCE_CHANGE_PASSWORD');
    assert.equal(await errorName(admin.send(new AdminCreateUserCommand({ UserPoolId, Username: 'grace@example.com', MessageAction: 'SUPPRESS' }))), 'UsernameExistsException');
    const first = await signIn({ username: 'grace@example.com', password: 'Temp0rary!' });
    assert.equal(first.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    assert.equal(await errorName(confirmSignIn({ challengeResponse: 'weak' })), 'InvalidPasswordException');
    const done = await confirmSignIn({ challengeResponse: 'N3w-Passw0rd!' });
    assert.equal(done.nextStep.signInStep, 'DONE');
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId, Username: 'grace@example.com' }));
    assert.equal(user.UserStatus, 'CONFIRMED');
    await signOut();
    assert.equal((await signIn({ username: 'grace@example.com', password: 'N3w-Passw0rd!' })).isSignedIn, true);
    await signOut();
  });

  it('keeps a password only as its SRP salt and verifier: USER_PASSWORD_AUTH recomputes the verifier and compares', async () => {
    const Username = 'ada.verifier@example.com';
    await admin.send(new AdminCreateUserCommand({ UserPoolId, Username, MessageAction: 'SUPPRESS' }));
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: 'Verif1er-Hash!', Permanent: true }));
    const row = () => t.cloud.services.db.prepare('SELECT * FROM cognito_users WHERE pool_id = ? AND email = ?').get(UserPoolId, Username) as Record<string, unknown>;
    assert.match(row().srp_verifier as string, /^[0-9a-f]+$/);
    assert.match(row().srp_salt as string, /^[0-9a-f]{32}$/);
    assert.equal('password_hash' in row(), false, 'no second hash beside the verifier');
    assert.doesNotMatch(JSON.stringify(row()), /Verif1er-Hash!/);
    const pub = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
    const passwordAuth = (PASSWORD: string) => pub.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD } }));
    assert.ok((await passwordAuth('Verif1er-Hash!')).AuthenticationResult?.IdToken);
    assert.equal(await errorName(passwordAuth('Verif1er-Hash?')), 'NotAuthorizedException');
    // The verifier is what USER_PASSWORD_AUTH checks: another password's verifier refuses the right one.
    const good = { salt: row().srp_salt, verifier: row().srp_verifier };
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: 'Sec0nd-Passw0rd!', Permanent: true }));
    assert.notEqual(row().srp_verifier, good.verifier);
    assert.notEqual(row().srp_salt, good.salt, 'a new salt with each password');
    assert.equal(await errorName(passwordAuth('Verif1er-Hash!')), 'NotAuthorizedException');
    assert.ok((await passwordAuth('Sec0nd-Passw0rd!')).AuthenticationResult?.IdToken);
    // A row without a verifier (a user that never had a password) refuses every password.
    t.cloud.services.db.prepare('UPDATE cognito_users SET srp_salt = NULL, srp_verifier = NULL WHERE pool_id = ? AND email = ?').run(UserPoolId, Username);
    assert.equal(await errorName(passwordAuth('Sec0nd-Passw0rd!')), 'NotAuthorizedException');
    assert.equal(await errorName(passwordAuth('')), 'InvalidParameterException');
  });

  it('AdminSetUserPassword (permanent and temporary), groups in tokens, REFRESH_TOKEN_AUTH and USER_PASSWORD_AUTH with the SDK', async () => {
    await admin.send(new AdminCreateUserCommand({ UserPoolId, Username: 'linus@example.com', MessageAction: 'SUPPRESS' }));
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'linus@example.com', Password: 'Perm4nent!', Permanent: true }));
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'linus@example.com', GroupName: 'ADMINS' }));
    assert.equal(await errorName(admin.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'linus@example.com', GroupName: 'NOPE' }))), 'ResourceNotFoundException');
    const pub = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
    const auth = await pub.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'linus@example.com', PASSWORD: 'Perm4nent!' } }));
    assert.deepEqual(decodeJwt(auth.AuthenticationResult!.IdToken!)['cognito:groups'], ['ADMINS']);
    assert.equal(await errorName(pub.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'linus@example.com', PASSWORD: 'wrong' } }))), 'NotAuthorizedException');
    const refreshed = await pub.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: auth.AuthenticationResult!.RefreshToken! } }));
    assert.ok(refreshed.AuthenticationResult?.AccessToken);
    assert.equal(refreshed.AuthenticationResult?.RefreshToken, undefined);
    assert.equal(await errorName(pub.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'bogus' } }))), 'NotAuthorizedException');
    assert.equal(await errorName(pub.send(new InitiateAuthCommand({ ClientId: 'nope', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'x', PASSWORD: 'y' } }))), 'ResourceNotFoundException');

    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'linus@example.com', Password: 'Temp4rary!', Permanent: false }));
    assert.equal((await admin.send(new AdminGetUserCommand({ UserPoolId, Username: 'linus@example.com' }))).UserStatus, 'FORCE_CHANGE_PASSWORD');
    assert.equal(await errorName(admin.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'linus@example.com', Password: 'weak', Permanent: true }))), 'InvalidPasswordException');
  });

  it('groups: create, get, list, members, remove, delete; config groups can be added live', async () => {
    const g = await admin.send(new CreateGroupCommand({ UserPoolId, GroupName: 'EDITORS', Precedence: 5, Description: 'edit' }));
    assert.equal(g.Group?.Precedence, 5);
    assert.equal(await errorName(admin.send(new CreateGroupCommand({ UserPoolId, GroupName: 'EDITORS' }))), 'GroupExistsException');
    assert.equal(await errorName(admin.send(new CreateGroupCommand({ UserPoolId, GroupName: 'NEG', Precedence: -1 }))), 'InvalidParameterException');
    assert.equal((await admin.send(new GetGroupCommand({ UserPoolId, GroupName: 'EDITORS' }))).Group?.Description, 'edit');
    await admin.send(new AdminCreateUserCommand({ UserPoolId, Username: 'ed@example.com', MessageAction: 'SUPPRESS' }));
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'ed@example.com', GroupName: 'EDITORS' }));
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'ed@example.com', GroupName: 'ADMINS' }));
    const groups = await admin.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: 'ed@example.com' }));
    assert.deepEqual(groups.Groups?.map((x) => x.GroupName), ['ADMINS', 'EDITORS'], 'ordered by precedence');
    const members = await admin.send(new ListUsersInGroupCommand({ UserPoolId, GroupName: 'EDITORS' }));
    assert.equal(members.Users?.length, 1);
    await admin.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: 'ed@example.com', GroupName: 'EDITORS' }));
    assert.equal((await admin.send(new ListUsersInGroupCommand({ UserPoolId, GroupName: 'EDITORS' }))).Users?.length, 0);
    await admin.send(new DeleteGroupCommand({ UserPoolId, GroupName: 'EDITORS' }));
    assert.equal(await errorName(admin.send(new GetGroupCommand({ UserPoolId, GroupName: 'EDITORS' }))), 'ResourceNotFoundException');

    applyUserPoolConfig(t.cloud.services, { userPoolId: USER_POOL_ID, clientId: CLIENT_ID, groups: [{ name: 'ADMINS', precedence: 0 }, { name: 'READERS', precedence: 2 }] });
    const names = (await admin.send(new ListGroupsCommand({ UserPoolId }))).Groups?.map((x) => x.GroupName);
    assert.deepEqual(names, ['ADMINS', 'READERS']);
    assert.equal((await admin.send(new ListUsersCommand({ UserPoolId }))).Users!.length >= 3, true, 'users survive a config change');
  });

  it('ListUsers filters, AdminUpdateUserAttributes, AdminConfirmSignUp, AdminDeleteUser, Describe*', async () => {
    const pub = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
    await pub.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'zed@example.org', Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'zed@example.org' }] }));
    const exact = await admin.send(new ListUsersCommand({ UserPoolId, Filter: 'email = "zed@example.org"' }));
    assert.equal(exact.Users?.length, 1);
    assert.equal(exact.Users?.[0]?.UserStatus, 'UNCONFIRMED');
    const prefix = await admin.send(new ListUsersCommand({ UserPoolId, Filter: 'email ^= "ZED@"' }));
    assert.equal(prefix.Users?.length, 1);
    assert.equal((await admin.send(new ListUsersCommand({ UserPoolId, Filter: 'cognito:user_status = "UNCONFIRMED"' }))).Users?.length, 1);
    assert.equal(await errorName(admin.send(new ListUsersCommand({ UserPoolId, Filter: 'email == zed' }))), 'InvalidParameterException');
    assert.equal(await errorName(admin.send(new ListUsersCommand({ UserPoolId, Filter: 'custom:x = "a"' }))), 'InvalidParameterException');
    const page = await admin.send(new ListUsersCommand({ UserPoolId, Limit: 2 }));
    assert.equal(page.Users?.length, 2);
    assert.ok(page.PaginationToken);
    const rest = await admin.send(new ListUsersCommand({ UserPoolId, Limit: 60, PaginationToken: page.PaginationToken }));
    assert.ok(rest.Users!.every((u) => !page.Users!.some((p) => p.Username === u.Username)));

    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: 'zed@example.org' }));
    assert.equal(await errorName(admin.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: 'zed@example.org' }))), 'NotAuthorizedException');
    await admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username: 'zed@example.org', UserAttributes: [{ Name: 'name', Value: 'Zed' }] }));
    const zed = await admin.send(new AdminGetUserCommand({ UserPoolId, Username: 'zed@example.org' }));
    assert.equal(zed.UserStatus, 'CONFIRMED');
    assert.equal(zed.UserAttributes?.find((a) => a.Name === 'name')?.Value, 'Zed');
    assert.equal(await errorName(admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username: 'zed@example.org', UserAttributes: [{ Name: 'custom:nope', Value: '1' }] }))), 'InvalidParameterException');
    assert.equal(await errorName(admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username: 'zed@example.org', UserAttributes: [{ Name: 'email', Value: 'grace@example.com' }] }))), 'AliasExistsException');
    await admin.send(new AdminDeleteUserCommand({ UserPoolId, Username: 'zed@example.org' }));
    assert.equal(await errorName(admin.send(new AdminGetUserCommand({ UserPoolId, Username: 'zed@example.org' }))), 'UserNotFoundException');
    assert.equal(await errorName(admin.send(new AdminDeleteUserCommand({ UserPoolId, Username: 'zed@example.org' }))), 'UserNotFoundException');

    const pool = await admin.send(new DescribeUserPoolCommand({ UserPoolId }));
    assert.deepEqual(pool.UserPool?.UsernameAttributes, ['email']);
    assert.equal(await errorName(admin.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Nope' }))), 'ResourceNotFoundException');
    const client = await admin.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: CLIENT_ID }));
    assert.equal(client.UserPoolClient?.ClientId, CLIENT_ID);
    assert.equal(await errorName(admin.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: 'other' }))), 'ResourceNotFoundException');
    assert.ok((await fetchAuthSession()).tokens === undefined);
  });
});
