import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { AdminListGroupsForUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { TestCloud } from '@sandlot/cloud/testing/startTestCloud.js';
import { addUsersToGroup, createAndSignUpUsers, getSecret, setSecret, signInUser } from './index.js';
import { resetAwsClients } from './awsClients.js';
import { forgetAuthConfig } from './authConfig.js';
import { sdkRequestHandler } from './sdkRequestHandler.js';
import { startSeedSandbox, POOL_ID } from './testing/seedTestSandbox.js';

// `ampx sandbox seed` serving the cloud itself: the library's SDK calls reach the router without a socket.
let t: TestCloud;
let httpRequests = 0;
before(async () => {
  t = await startSeedSandbox({}, { inProcessSdk: true });
  t.server.server.on('request', () => httpRequests++);
});
after(() => t.close());

test('in-process SDK handler: admin calls, secrets and the stack read skip the socket; the users sign in over HTTP as usual', async () => {
  assert.ok(sdkRequestHandler());
  const users = Array.from({ length: 10 }, (_, i) => ({ username: `inproc${i}@example.com`, password: 'Passw0rd!x', signInFlow: 'Password' as const, signInAfterCreation: false }));
  await createAndSignUpUsers(users);
  await addUsersToGroup(users, 'admin');
  await setSecret('colour', 'teal');
  assert.equal(await getSecret('colour'), 'teal');
  assert.equal(httpRequests, 0, 'no SDK call of the library went through the HTTP server');
  const admin = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: t.url, credentials: t.credentials });
  try {
    assert.deepEqual((await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: POOL_ID, Username: 'inproc9@example.com' }))).Groups?.map((g) => g.GroupName), ['admin']);
  } finally {
    admin.destroy();
  }
  // aws-amplify's own sign-in goes over loopback HTTP (its fetch), as before.
  assert.equal(await signInUser({ username: 'inproc3@example.com', password: 'Passw0rd!x', signInFlow: 'Password' }), true);
  assert.ok(httpRequests > 0);
});

test('in-process SDK handler: the cloud still verifies the signature (wrong secret key → InvalidSignatureException)', async () => {
  const saved = process.env.AWS_SECRET_ACCESS_KEY;
  process.env.AWS_SECRET_ACCESS_KEY = 'not-the-secret-key-of-this-account';
  resetAwsClients();
  forgetAuthConfig();
  try {
    await assert.rejects(getSecret('colour'), { name: 'SSMCredentialsError', message: /^Failed to get secrets\. InvalidSignatureException: / });
  } finally {
    process.env.AWS_SECRET_ACCESS_KEY = saved;
    resetAwsClients();
  }
});
