import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Amplify } from 'aws-amplify';
import { signUp, confirmSignUp, signIn, signOut, fetchAuthSession } from 'aws-amplify/auth';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, errorName, lastCode, setUpPools } from '../cognito/testing/amplifyPools.js';
import { routerFetch } from './routerFetch.js';

// The cloud answers from this process on an origin where nothing listens (port 9, discard): a request that
// reached the network would fail, so every success below came through the router.
const ORIGIN = 'http://127.0.0.1:9';

describe('routerFetch: the real aws-amplify served by the router in this process', () => {
  let t: TestCloud;
  const saved = globalThis.fetch;
  const passedOn: string[] = [];

  before(async () => {
    t = await startTestCloud();
    setUpPools(t);
    const next: typeof fetch = async (input) => {
      passedOn.push(String(input instanceof Request ? input.url : input));
      return new Response('from the network', { status: 200 });
    };
    globalThis.fetch = routerFetch(t.cloud.router, ORIGIN, next);
    Amplify.configure({
      Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: IDENTITY_POOL_ID, userPoolEndpoint: ORIGIN, identityPoolEndpoint: ORIGIN, loginWith: { email: true } } },
    });
  });
  after(async () => {
    globalThis.fetch = saved;
    await t.close();
  });

  it('sign-up, confirmation, SRP sign-in and identity-pool credentials; service errors keep their names', async () => {
    const email = 'ada@example.com';
    await signUp({ username: email, password: 'Passw0rd!', options: { userAttributes: { email } } });
    await confirmSignUp({ username: email, confirmationCode: lastCode(t, email) });
    assert.equal(await errorName(signIn({ username: email, password: 'Wrong-Passw0rd!' })), 'NotAuthorizedException');
    assert.equal((await signIn({ username: email, password: 'Passw0rd!' })).nextStep.signInStep, 'DONE');
    const session = await fetchAuthSession();
    assert.ok(session.tokens?.idToken?.payload.email === email);
    assert.match(session.credentials?.accessKeyId ?? '', /^ASIA/);
    await signOut();
    assert.deepEqual(passedOn, []);
  });

  it('other origins go to the next fetch; statuses, headers and bodies come back as the router wrote them', async () => {
    const other = await fetch('http://example.com/x');
    assert.equal(await other.text(), 'from the network');
    assert.deepEqual(passedOn, ['http://example.com/x']);
    const bad = await fetch(`${ORIGIN}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' }, body: '{not json' });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('x-amzn-errortype') ?? '', /SerializationException/);
    assert.match(await bad.text(), /SerializationException/);
  });
});
