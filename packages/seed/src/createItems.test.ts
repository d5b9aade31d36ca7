import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { a } from '@aws-amplify/data-schema';
import { Amplify } from 'aws-amplify';
import { signOut } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/data';
import type { TestCloud } from '@sandlot/cloud/testing/startTestCloud.js';
import { addToUserGroup, createAndSignUpUser, createItems, signInUser } from './index.js';
import { startSeedSandbox } from './testing/seedTestSandbox.js';

const schemaSdl = a
  .schema({
    Priority: a.enum(['LOW', 'HIGH']),
    Meta: a.customType({ tag: a.string(), score: a.integer() }),
    Todo: a.model({ content: a.string(), isDone: a.boolean(), priority: a.ref('Priority'), meta: a.ref('Meta') }).authorization((allow) => [allow.authenticated()]),
    Note: a.model({ body: a.string() }).authorization((allow) => [allow.owner()]),
    Secret: a.model({ body: a.string() }).authorization((allow) => [allow.group('admin')]),
  })
  .transform().schema;

let t: TestCloud;
// generateClient() without the schema type: models are untyped here (a seed script passes generateClient<Schema>()).
let client: any;
before(async () => {
  t = await startSeedSandbox({}, { dataSchemaSdl: schemaSdl });
  for (const username of ['ada@example.com', 'bob@example.com']) await createAndSignUpUser({ username, password: 'Passw0rd!x', signInFlow: 'Password', signInAfterCreation: false });
  await addToUserGroup({ username: 'ada@example.com' }, 'admin');
  client = generateClient();
});
after(async () => {
  await signOut();
  await t.close();
});

const signIn = (username: string) => signInUser({ username, password: 'Passw0rd!x', signInFlow: 'Password' });
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as Error & { resolution?: string; cause?: unknown };
  }
  assert.fail('expected a failure');
};
const listAll = async (model: string, filter?: object) => {
  const out: any[] = [];
  let nextToken: string | null | undefined;
  do {
    const page = await client.models[model].list({ filter, limit: 1000, nextToken });
    assert.equal(page.errors, undefined, JSON.stringify(page.errors));
    out.push(...page.data);
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
};

test('createItems: many items in few requests, in input order, with the fields models.create selects (enum, custom type, owner)', async () => {
  await signIn('bob@example.com');
  const items = Array.from({ length: 250 }, (_, i) => ({ content: `todo ${i}`, isDone: i % 2 === 0, priority: i % 3 ? 'LOW' : 'HIGH', meta: { tag: `t${i}`, score: i } }));
  const created = await createItems(client, 'Todo', items, { batchSize: 100, concurrency: 2 });
  assert.equal(created.length, 250);
  created.forEach((c: any, i) => {
    assert.equal(typeof c.id, 'string');
    assert.deepEqual({ content: c.content, isDone: c.isDone, priority: c.priority, meta: c.meta }, items[i]);
    assert.ok(c.createdAt && c.updatedAt);
  });
  assert.equal(new Set(created.map((c: any) => c.id)).size, 250);
  // Stored as separate items, the same as models.Todo.create makes them.
  const one = await client.models.Todo.get({ id: created[123]!.id });
  assert.deepEqual({ ...one.data, meta: { ...one.data.meta } }, { ...created[123] });
  assert.equal((await listAll('Todo', { content: { beginsWith: 'todo ' } })).length, 250);

  // Owner rules apply per item: the owner is the signed-in user, selected as models.create selects it.
  const notes = await createItems(client, 'Note', [{ body: 'a' }, { body: 'b' }, { body: 'c' }], { batchSize: 2 });
  assert.deepEqual(notes.map((n: any) => n.body), ['a', 'b', 'c']);
  assert.ok(notes.every((n: any) => typeof n.owner === 'string' && n.owner.length > 0));
  await signOut();
  await signIn('ada@example.com');
  assert.equal((await listAll('Note')).length, 0, "ada does not see bob's notes");
  await signOut();
});

test('createItems: every item passes the auth rules (a group rule refuses each one)', async () => {
  await signIn('bob@example.com');
  const err = await failure(createItems(client, 'Secret', Array.from({ length: 5 }, (_, i) => ({ body: `s${i}` })), { batchSize: 2, concurrency: 1 }));
  assert.equal(err.name, 'CreateItemsError');
  assert.match(err.message, /^5 of 5 Secret items could not be created; the first, item 0: Unauthorized: Not Authorized to access createSecret on type Mutation$/);
  assert.match(err.resolution!, /authMode/);
  assert.deepEqual((err.cause as { index: number }[]).map((f) => f.index), [0, 1, 2, 3, 4]);
  await signOut();
  await signIn('ada@example.com');
  const ok = await createItems(client, 'Secret', [{ body: 'admin only' }]);
  assert.equal(ok.length, 1);
  await signOut();
});

test('createItems: a bad item fails alone (its batch is retried item by item), the others are created', async () => {
  await signIn('bob@example.com');
  const items: Record<string, unknown>[] = Array.from({ length: 5 }, (_, i) => ({ content: `mixed ${i}` }));
  items[2] = { content: 'mixed 2', colour: 'red' };
  const err = await failure(createItems(client, 'Todo', items, { batchSize: 5 }));
  assert.equal(err.name, 'CreateItemsError');
  assert.match(err.message, /^1 of 5 Todo items could not be created; the first, item 2: .*CreateTodoInput/);
  assert.match(err.resolution!, /the other 4 items were created/);
  assert.deepEqual((await listAll('Todo', { content: { beginsWith: 'mixed ' } })).map((x: any) => x.content).sort(), ['mixed 0', 'mixed 1', 'mixed 3', 'mixed 4']);
  await signOut();
});

test('createItems: a request refused as a whole and item by item (no auth header: 401) stops the batches not yet sent', async () => {
  await signIn('bob@example.com');
  let requests = 0;
  const counting = { graphql: (o: Parameters<typeof client.graphql>[0]) => (requests++, client.graphql(o)) };
  const err = await failure(createItems(counting, 'Todo', Array.from({ length: 7 }, (_, i) => ({ content: `refused ${i}` })), { batchSize: 3, concurrency: 1, authMode: 'none' }));
  assert.equal(err.name, 'CreateItemsError');
  assert.match(err.message, /^7 of 7 Todo items could not be created; the first, item 0: Unauthorized/);
  const failures = err.cause as { index: number; error: { message: string } }[];
  assert.deepEqual(failures.map((f) => f.index), [0, 1, 2, 3, 4, 5, 6]);
  assert.ok(failures.slice(3).every((f) => f.error.message.startsWith('not sent: a request was refused')));
  assert.equal(requests, 4, 'the first batch, then its 3 items one by one; nothing after');
  assert.equal((await listAll('Todo', { content: { beginsWith: 'refused ' } })).length, 0);
  await signOut();
});

test('createItems: large items are spread over requests that stay under the request size limits', async () => {
  await signIn('bob@example.com');
  let requests = 0;
  const counting = { graphql: (o: Parameters<typeof client.graphql>[0]) => (requests++, client.graphql(o)) };
  const big = 'x'.repeat(200 * 1024);
  const created = await createItems(counting, 'Todo', Array.from({ length: 6 }, (_, i) => ({ content: `${i}${big}` })));
  assert.deepEqual(created.map((c: any) => [c.content.length, c.content[0]]), Array.from({ length: 6 }, (_, i) => [big.length + 1, String(i)]));
  assert.equal(requests, 3, 'two 200 KB items per request');
  await signOut();
});

test('createItems: signed out, the client has no token (its own error); unknown model, no data API, bad options', async () => {
  assert.equal((await failure(createItems(client, 'Todo', [{ content: 'x' }]))).name, 'NoValidAuthTokens');
  const unknown = await failure(createItems(client, 'Todos', [{}]));
  assert.equal(unknown.name, 'NoModelError');
  assert.match(unknown.message, /no model called Todos .*models: Todo, Note, Secret/);
  await assert.rejects(createItems(client, 'Todo', [{}], { batchSize: 0 }), RangeError);
  await assert.rejects(createItems(client, 'Todo', [{}], { batchSize: 501 }), RangeError);
  await assert.rejects(createItems(client, 'Todo', [{}], { concurrency: 0 }), RangeError);
  assert.deepEqual(await createItems(client, 'Todo', []), []);
  const config = Amplify.getConfig();
  Amplify.configure({ Auth: config.Auth });
  try {
    assert.equal((await failure(createItems(client, 'Todo', [{ content: 'x' }]))).name, 'MissingDataError');
  } finally {
    Amplify.configure(config);
  }
});
