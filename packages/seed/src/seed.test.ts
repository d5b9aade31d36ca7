import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { AdminGetUserCommand, AdminListGroupsForUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { getCurrentUser, signOut } from 'aws-amplify/auth';
import type { TestCloud } from '@sandlot/cloud/testing/startTestCloud.js';
import { addToUserGroup, createAndSignUpUser, createOrSignInUser, getSecret, setSecret, signInUser, createAndSignUpUsers, addUsersToGroup } from './index.js';
import { startSeedSandbox, POOL_ID } from './testing/seedTestSandbox.js';

let t: TestCloud;
let admin: CognitoIdentityProviderClient;
before(async () => {
  t = await startSeedSandbox();
  admin = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: t.url, credentials: t.credentials });
});
after(async () => {
  admin.destroy();
  await t.close();
});

const signedInAs = () => getCurrentUser().then((u) => u.signInDetails?.loginId ?? u.username, () => undefined);
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { resolution?: string };
    return { name: err.name, message: err.message, resolution: err.resolution };
  }
  assert.fail('expected a failure');
};

test('secrets: setSecret returns the name, getSecret reads it back at the sandbox path; missing ones fail as the real package', async () => {
  assert.equal(await setSecret('username', 'ada@example.com'), 'username');
  assert.equal(await getSecret('username'), 'ada@example.com');
  const param = t.cloud.services.parameters;
  assert.ok(param.exists('/amplify/seedapp/tester-sandbox-' + (await import('./backendIdentifier.js')).stackName({ namespace: 'seedapp', name: 'tester', type: 'sandbox' }).split('-').at(-1) + '/username'));
  const missing = await failure(getSecret('nope'));
  assert.equal(missing.name, 'SSMParameterNotFoundError');
  assert.match(missing.message, /^Failed to get nope secret\. ParameterNotFound: /);
  const saved = process.env.AMPLIFY_BACKEND_IDENTIFIER;
  delete process.env.AMPLIFY_BACKEND_IDENTIFIER;
  try {
    assert.deepEqual(await failure(getSecret('username')), { name: 'SandboxIdentifierNotFoundError', message: 'Sandbox Identifier is undefined', resolution: 'Run npx ampx sandbox before re-running npx ampx sandbox seed' });
  } finally {
    process.env.AMPLIFY_BACKEND_IDENTIFIER = saved;
  }
});

test('createAndSignUpUser (Password, no sign-in): user CONFIRMED with attributes and its password, nobody signed in; group add', async () => {
  const out = await createAndSignUpUser({ username: 'ada@example.com', password: 'Passw0rd!x', signInAfterCreation: false, signInFlow: 'Password', userAttributes: { locale: 'en', givenName: 'Ada' } });
  assert.deepEqual(out, { signInFlow: 'Password', username: 'ada@example.com' });
  const u = await admin.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'ada@example.com' }));
  assert.equal(u.UserStatus, 'CONFIRMED');
  const attrs = Object.fromEntries(u.UserAttributes!.map((a) => [a.Name, a.Value]));
  assert.equal(attrs.locale, 'en');
  assert.equal(attrs.given_name, 'Ada');
  assert.equal(await signedInAs(), undefined);
  await addToUserGroup(out, 'admin');
  const groups = await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: POOL_ID, Username: 'ada@example.com' }));
  assert.deepEqual(groups.Groups?.map((g) => g.GroupName), ['admin']);
  assert.equal(await signInUser({ username: 'ada@example.com', password: 'Passw0rd!x', signInFlow: 'Password' }), true);
  assert.equal(await signedInAs(), 'ada@example.com');
  await signOut();
});

test('the real errors: UsernameExistsError, NoGroupError, UserNotFoundError, UserExistsError (sic), MFANotConfiguredError, bad password', async () => {
  await createAndSignUpUser({ username: 'dup@example.com', password: 'Passw0rd!x', signInAfterCreation: false, signInFlow: 'Password' });
  assert.deepEqual(await failure(createAndSignUpUser({ username: 'dup@example.com', password: 'Passw0rd!x', signInAfterCreation: false, signInFlow: 'Password' })), {
    name: 'UsernameExistsError', message: 'A user called dup@example.com already exists.', resolution: 'Give this user a different name',
  });
  assert.deepEqual(await failure(addToUserGroup({ username: 'dup@example.com' }, 'editors')), {
    name: 'NoGroupError', message: 'There is no group called editors in this userpool.', resolution: 'Either create a group called editors or assign this user to a group that exists on this userpool.',
  });
  assert.deepEqual(await failure(addToUserGroup({ username: 'ghost@example.com' }, 'admin')), {
    name: 'UserNotFoundError', message: 'The user, ghost@example.com, does not exist', resolution: 'Create a user called ghost@example.com or try again with a different user',
  });
  assert.deepEqual(await failure(signInUser({ username: 'ghost@example.com', password: 'Passw0rd!x', signInFlow: 'Password' })), {
    name: 'UserExistsError', message: 'ghost@example.com does not exist', resolution: 'Create a user called ghost@example.com',
  });
  const mfa = await failure(createAndSignUpUser({ username: 'm@example.com', password: 'Passw0rd!x', signInAfterCreation: false, signInFlow: 'MFA', mfaPreference: 'TOTP', totpSignUpChallenge: async () => ({ challengeResponse: '000000' }) }));
  assert.equal(mfa.name, 'MFANotConfiguredError');
  assert.equal(mfa.message, 'MFA is not configured for this userpool, you cannot create m@example.com with MFA.');
  assert.equal((await failure(createAndSignUpUser({ username: 'weak@example.com', password: 'short', signInAfterCreation: false, signInFlow: 'Password' }))).name, 'InvalidPasswordException');
  assert.equal((await failure(createAndSignUpUser({ username: 'weak2@example.com', password: 'short', signInAfterCreation: true, signInFlow: 'Password' }))).name, 'InvalidPasswordException');
});

test('signInAfterCreation: one user signed in at a time; a missing signInFlow means Password (docs many-users)', async () => {
  const create = (username: string, signInAfterCreation: boolean) => createAndSignUpUser({ username, password: 'Password123!', signInAfterCreation } as Parameters<typeof createAndSignUpUser>[0]);
  await create('user1@example.com', true);
  assert.equal(await signedInAs(), 'user1@example.com');
  await create('user2@example.com', true);
  assert.equal(await signedInAs(), 'user2@example.com');
  await create('user3@example.com', false);
  assert.equal(await signedInAs(), undefined);
  const u3 = await admin.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'user3@example.com' }));
  assert.equal(u3.UserStatus, 'CONFIRMED');
});

test('createOrSignInUser: creates once, then signs in; bulk helpers create and group many users', async () => {
  const u = { username: 'idem@example.com', password: 'Passw0rd!x', signInFlow: 'Password' as const, signInAfterCreation: true };
  assert.equal((await createOrSignInUser(u)).created, true);
  await signOut();
  assert.equal((await createOrSignInUser(u)).created, false);
  assert.equal(await signedInAs(), 'idem@example.com');
  const many = Array.from({ length: 20 }, (_, i) => ({ username: `bulk${i}@example.com`, password: 'Passw0rd!x', signInFlow: 'Password' as const, signInAfterCreation: false }));
  const out = await createAndSignUpUsers(many, { concurrency: 4 });
  assert.deepEqual(out.map((o) => o.username), many.map((m) => m.username));
  assert.equal(await signedInAs(), undefined);
  await addUsersToGroup(out, 'admin');
  const g = await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: POOL_ID, Username: 'bulk19@example.com' }));
  assert.deepEqual(g.Groups?.map((x) => x.GroupName), ['admin']);
  assert.equal(await signInUser({ username: 'bulk7@example.com', password: 'Passw0rd!x', signInFlow: 'Password' }), true);
  await signOut();
});
