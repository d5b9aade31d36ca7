import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Amplify } from 'aws-amplify';
import { signIn, signOut, fetchAuthSession } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/data';
import { generateModelIntrospection } from '@sandlot/codegen';
import { startTestCloud } from '../testing/startTestCloud.js';
import { applyDataConfig } from './apply.js';
import { docsAppSchema, sdlOf } from './testing/schemas.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, graphqlAs, makeUser, setUpAuth } from './testing/callers.js';

const resource = new URL('../../../../../shared/examples/docs-app/amplify/data/resource.ts', import.meta.url);
const skip = existsSync(fileURLToPath(resource)) ? false : 'needs ../shared/examples/docs-app';

/** The docs-app `data` export, imported with `@aws-amplify/backend` redirected to Sandlot's definition API (as `ampx` loads it). */
async function docsAppSdl(): Promise<string> {
  const redirects = (await import('@sandlot/backend/loader/moduleRedirects.ts' as string)) as { installModuleRedirects(): void };
  redirects.installModuleRedirects();
  const { register } = await import('tsx/esm/api');
  const api = register({ namespace: `sandlot-appsync-test-${process.pid}` });
  try {
    const mod = (await api.import(resource.href, import.meta.url)) as { data: { props: { schema: { transform(): { schema: string } } } } };
    return sdlOf(mod.data.props.schema);
  } finally {
    await api.unregister();
  }
}

test('docs-app Todo (allow.authenticated, userPool default): the real client signs in and does CRUD + list', { skip }, async () => {
  const sdl = await docsAppSdl();
  assert.equal(sdl, sdlOf(docsAppSchema()), 'the imported resource.ts transforms to the documented schema');
  const t = await startTestCloud({ services: ['appsync', 'cognito', 'identity'] });
  try {
    setUpAuth(t);
    applyDataConfig(t.cloud.services, { apiId: 'docsapp', apiName: 'TodoApi', schemaSdl: sdl, authorizationModes: { default: 'userPool', userPoolId: USER_POOL_ID, identityPoolId: IDENTITY_POOL_ID } });
    await makeUser(t, 'ada');
    const bob = await makeUser(t, 'bob');
    Amplify.configure({
      Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: IDENTITY_POOL_ID, allowGuestAccess: true, userPoolEndpoint: t.url, identityPoolEndpoint: t.url } },
      API: { GraphQL: { endpoint: `${t.url}/graphql`, region: 'us-east-1', defaultAuthMode: 'userPool', modelIntrospection: generateModelIntrospection({ modelSchema: sdl }) as never } },
    });
    const client: any = generateClient();

    // Signed out: the client has no token to send, and a bare request is a 401.
    await assert.rejects(client.models.Todo.list(), { name: 'NoValidAuthTokens' });
    const bare = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ listTodos { items { id } } }' }) });
    assert.equal(bare.status, 401);

    assert.equal((await signIn({ username: 'ada', password: 'Passw0rd!Passw0rd' })).isSignedIn, true);
    const created = await client.models.Todo.create({ content: 'Buy milk', isDone: false });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    assert.equal(created.data.content, 'Buy milk');
    const fetched = await client.models.Todo.get({ id: created.data.id });
    assert.equal(fetched.data.isDone, false);
    const updated = await client.models.Todo.update({ id: created.data.id, isDone: true });
    assert.equal(updated.data.isDone, true);
    await client.models.Todo.create({ content: 'Walk dog' });
    const listed = await client.models.Todo.list({ filter: { content: { beginsWith: 'Walk' } } });
    assert.deepEqual(listed.data.map((x: { content: string }) => x.content), ['Walk dog']);

    // allow.authenticated(): any signed-in user reads and writes every Todo (no owner scoping).
    const other = await graphqlAs(t, bob, 'query { listTodos { items { content } } }');
    assert.equal(other.json.data.listTodos.items.length, 2);
    // IAM from the identity pool (authenticated role) has no rule on Todo.
    const session = await fetchAuthSession();
    assert.ok(session.credentials);
    const iamClient: any = generateClient({ authMode: 'iam' });
    const viaIam = await iamClient.models.Todo.list();
    assert.equal(viaIam.errors?.[0]?.errorType, 'Unauthorized');

    const deleted = await client.models.Todo.delete({ id: created.data.id });
    assert.equal(deleted.data.id, created.data.id);
    assert.equal((await client.models.Todo.list()).data.length, 1);
    await signOut();
  } finally {
    await t.close();
  }
});
