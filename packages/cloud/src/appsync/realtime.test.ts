import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { Amplify } from 'aws-amplify';
import { signIn, signOut } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/data';
import { generateModelIntrospection } from '@sandlot/codegen';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { richSchema, sdlOf } from './testing/schemas.js';
import { API_KEY, applySchema } from './testing/dataApi.js';
import { graphqlAs, makeUser, setUpAuth, CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID } from './testing/callers.js';
import { installLoopbackWebSocket } from './testing/webSocket.js';

const waitFor = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

// Realtime with the real aws-amplify client: wss://127.0.0.1:<port>/graphql/realtime, graphql-ws subprotocol auth.
describe('realtime subscriptions (AppSync WebSocket protocol)', () => {
  let t: TestCloud;
  const sdl = sdlOf(richSchema());

  before(async () => {
    installLoopbackWebSocket();
    t = await startTestCloud({ services: ['appsync', 'cognito', 'identity'] });
    setUpAuth(t);
    applySchema(t, sdl, { default: 'apiKey', userPoolId: USER_POOL_ID, identityPoolId: IDENTITY_POOL_ID });
    Amplify.configure({
      Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: IDENTITY_POOL_ID, allowGuestAccess: true, userPoolEndpoint: t.url, identityPoolEndpoint: t.url } },
      API: { GraphQL: { endpoint: `${t.url}/graphql`, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: API_KEY, modelIntrospection: generateModelIntrospection({ modelSchema: sdl }) as never } },
    });
  });
  after(async () => {
    await settle(1200); // the client closes its socket ~1 s after the last unsubscribe
    await t.close();
  });

  it('a second client receives onCreate events that match its filter', async () => {
    const listener: any = generateClient();
    const writer: any = generateClient();
    const got: { title: string; priority: number }[] = [];
    const sub = listener.models.Note.onCreate({ filter: { priority: { gt: 5 } } }).subscribe({ next: (n: any) => got.push(n), error: (e: unknown) => assert.fail(JSON.stringify(e)) });
    await settle(300);
    await writer.models.Note.create({ title: 'low', priority: 1 });
    await writer.models.Note.create({ title: 'high', priority: 9 });
    await waitFor(() => got.length >= 1);
    await settle();
    assert.deepEqual(got.map((n) => n.title), ['high']);
    sub.unsubscribe();
  });

  it('observeQuery emits the synced list, then each change', async () => {
    const client: any = generateClient();
    const nb = (await client.models.Notebook.create({ name: 'observed' })).data;
    await client.models.Note.create({ title: 'seed', notebookId: nb.id });
    const snapshots: { items: { title: string }[]; isSynced: boolean }[] = [];
    const sub = client.models.Note.observeQuery({ filter: { notebookId: { eq: nb.id } } }).subscribe({ next: (s: any) => snapshots.push(s) });
    await waitFor(() => snapshots.some((s) => s.isSynced));
    assert.deepEqual(snapshots.find((s) => s.isSynced)!.items.map((i) => i.title), ['seed']);
    const made = (await client.models.Note.create({ title: 'live', notebookId: nb.id })).data;
    await waitFor(() => snapshots.at(-1)!.items.length === 2);
    await client.models.Note.update({ id: made.id, title: 'edited' });
    await waitFor(() => snapshots.at(-1)!.items.some((i) => i.title === 'edited'));
    await client.models.Note.delete({ id: made.id });
    await waitFor(() => snapshots.at(-1)!.items.length === 1);
    sub.unsubscribe();
  });

  it('owner-scoped events reach only their owner (user pool sign-in through aws-amplify)', async () => {
    const ada = await makeUser(t, 'ada');
    const bob = await makeUser(t, 'bob');
    const r = await signIn({ username: 'ada', password: 'Passw0rd!Passw0rd' });
    assert.equal(r.isSignedIn, true);
    const client: any = generateClient({ authMode: 'userPool' });
    const seen: string[] = [];
    const sub = client.models.Project.onCreate().subscribe({ next: (p: any) => seen.push(p.name), error: (e: unknown) => assert.fail(JSON.stringify(e)) });
    await settle(300);
    await graphqlAs(t, bob, 'mutation { createProject(input: {name: "bobs"}) { id } }');
    const own = await client.models.Project.create({ name: 'adas' });
    assert.equal(own.errors, undefined, JSON.stringify(own.errors));
    assert.equal(own.data.owner, 'ada');
    await waitFor(() => seen.length >= 1);
    await settle();
    assert.deepEqual(seen, ['adas']);
    const list = await client.models.Project.list();
    assert.deepEqual(list.data.map((p: any) => p.name), ['adas'], "list returns only the caller's items");
    sub.unsubscribe();
    await signOut();
    void ada;
  });

  it('guests use IAM (identity-pool credentials, SigV4) over HTTP and on the realtime connection', async () => {
    const guest: any = generateClient({ authMode: 'iam' });
    const seen: string[] = [];
    const sub = guest.models.Notebook.onCreate().subscribe({ next: (n: any) => seen.push(n.name), error: (e: unknown) => assert.fail(JSON.stringify(e)) });
    await settle(300);
    const made = await guest.models.Notebook.create({ name: 'by guest' });
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    await waitFor(() => seen.length >= 1);
    assert.deepEqual(seen, ['by guest']);
    const denied = await guest.models.Project.list();
    assert.equal(denied.errors?.[0]?.errorType, 'Unauthorized', 'guests have no rule on Project');
    sub.unsubscribe();
  });

  it('speaks the protocol: ack with connectionTimeoutMs, ka, start_ack, data, error, stop → complete', async () => {
    const header = Buffer.from(JSON.stringify({ host: new URL(t.url).host, 'x-api-key': API_KEY })).toString('base64url');
    const ws = new WebSocket(`${t.url.replace('http:', 'ws:')}/graphql/realtime`, ['graphql-ws', `header-${header}`]);
    const msgs: any[] = [];
    ws.on('message', (m) => msgs.push(JSON.parse(m.toString())));
    await new Promise((r) => ws.once('open', r));
    assert.equal(ws.protocol, 'graphql-ws');
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await waitFor(() => msgs.some((m) => m.type === 'connection_ack'));
    assert.deepEqual(msgs.find((m) => m.type === 'connection_ack').payload, { connectionTimeoutMs: 300000 });
    await waitFor(() => msgs.some((m) => m.type === 'ka'));
    const auth = { host: new URL(t.url).host, 'x-api-key': API_KEY };
    ws.send(JSON.stringify({ id: 's1', type: 'start', payload: { data: JSON.stringify({ query: 'subscription { onCreateItem { tenant sku } }', variables: {} }), extensions: { authorization: auth } } }));
    ws.send(JSON.stringify({ id: 's2', type: 'start', payload: { data: JSON.stringify({ query: 'subscription { onCreateTask { id } }', variables: {} }), extensions: { authorization: auth } } }));
    ws.send(JSON.stringify({ id: 's3', type: 'start', payload: { data: JSON.stringify({ query: 'subscription { onCreateItem { nope } }', variables: {} }), extensions: { authorization: auth } } }));
    await waitFor(() => msgs.some((m) => m.id === 's1' && m.type === 'start_ack') && msgs.some((m) => m.id === 's2') && msgs.some((m) => m.id === 's3'));
    assert.deepEqual(msgs.find((m) => m.id === 's2').payload.errors[0], { errorType: 'Unauthorized', message: 'Not Authorized to access onCreateTask on type Subscription' });
    assert.match(msgs.find((m) => m.id === 's3').payload.errors[0].message, /FieldUndefined/);
    await graphqlAs(t, { kind: 'apiKey' }, 'mutation { createItem(input: {tenant: "rt", sku: "1"}) { tenant } }');
    await waitFor(() => msgs.some((m) => m.id === 's1' && m.type === 'data'));
    assert.deepEqual(msgs.find((m) => m.id === 's1' && m.type === 'data').payload, { data: { onCreateItem: { tenant: 'rt', sku: '1' } } });
    ws.send(JSON.stringify({ id: 's1', type: 'stop' }));
    await waitFor(() => msgs.some((m) => m.id === 's1' && m.type === 'complete'));
    ws.close();
  });

  it('refuses a connection without valid auth with connection_error', { timeout: 5000 }, async () => {
    const header = Buffer.from(JSON.stringify({ host: new URL(t.url).host, 'x-api-key': 'da2-wrong' })).toString('base64url');
    const ws = new WebSocket(`${t.url.replace('http:', 'ws:')}/graphql/realtime`, ['graphql-ws', `header-${header}`]);
    const msgs: any[] = [];
    ws.on('message', (m) => msgs.push(JSON.parse(m.toString())));
    const closed = new Promise((r) => ws.once('close', r));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await waitFor(() => msgs.length > 0);
    assert.equal(msgs[0].type, 'connection_error');
    assert.deepEqual(msgs[0].payload.errors[0], { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 });
    assert.equal(await closed, 1000);
  });
});
