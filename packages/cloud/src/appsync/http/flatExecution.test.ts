import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execute, type ExecutionResult } from 'graphql';
import { startTestCloud, type TestCloud } from '../../testing/startTestCloud.js';
import { richSchema, sdlOf } from '../testing/schemas.js';
import { applySchema } from '../testing/dataApi.js';
import { setUpAuth, USER_POOL_ID } from '../testing/callers.js';
import type { Caller } from '../auth/caller.js';
import type { DataApi, DataDeps, ExecContext } from '../resolvers/context.js';
import { encodeKey } from '../store.js';
import { executionError } from './format.js';
import { operationPlan, prepareDocument } from './prepare.js';
import { planFlat, runFlat } from './flatExecution.js';

// The flat executor must answer exactly what graphql-js `execute` answers: the same data, the same errors in
// AppSync's wire shape (message, path, locations, errorType) and the same null propagation. Each case runs
// both executors over the same document, variables, caller and rows.
describe('flat execution answers exactly what graphql-js execute answers', () => {
  let t: TestCloud;
  let api: DataApi;
  let deps: DataDeps;
  const apiKey: Caller = { authType: 'API_KEY' };
  const alice: Caller = { authType: 'AMAZON_COGNITO_USER_POOLS', claims: { sub: 'sub-alice', username: 'alice', iss: `https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}` } };
  const bob: Caller = { authType: 'AMAZON_COGNITO_USER_POOLS', claims: { sub: 'sub-bob', username: 'bob', 'cognito:groups': ['Editors'] } };
  const guest: Caller = { authType: 'AWS_IAM', iam: { kind: 'unauthenticated', principal: 'guest' } };
  const ids: Record<string, string> = {};

  const ctxOf = (caller: Caller): ExecContext => ({ api, caller, deps, requestId: 'req-flat' });
  // Page tokens are sealed with a fresh nonce each time: compared by presence.
  const sameTokens = (k: string, v: unknown) => (k === 'nextToken' && typeof v === 'string' ? 'a token' : v);
  const wire = (r: ExecutionResult) => ({ keys: Object.keys(r).sort(), data: JSON.parse(JSON.stringify(r.data ?? null, sameTokens)), errors: (r.errors ?? []).map((e) => ({ ...executionError(e), original: e.originalError?.constructor.name })) });

  /** Runs `query` through both executors and compares; `flat: false` documents must not be planned. */
  async function same(query: string, variables: Record<string, unknown> | undefined, caller: Caller, o: { operationName?: string; flat?: boolean } = {}) {
    const prepared = prepareDocument(api, query);
    assert.ok(prepared.ok, JSON.stringify(prepared));
    const plan = operationPlan(prepared, o.operationName);
    const flat = plan.operation && planFlat(api, plan.operation);
    const expected = await execute({ schema: api.schema, document: prepared.document, variableValues: variables, operationName: o.operationName, contextValue: ctxOf(caller) });
    if (o.flat === false) {
      assert.equal(flat, undefined, 'not of the flat shape');
      return wire(expected);
    }
    assert.ok(flat, `planned flat: ${query}`);
    const actual = await runFlat(flat, api, ctxOf(caller), variables);
    assert.deepEqual(wire(actual), wire(expected), query);
    return wire(actual);
  }

  before(async () => {
    t = await startTestCloud({ services: ['appsync', 'cognito', 'identity'] });
    setUpAuth(t);
    applySchema(t, sdlOf(richSchema()), { userPoolId: USER_POOL_ID, identityPoolId: 'us-east-1:22222222-3333-4444-5555-666666666666' });
    const s = t.cloud.services;
    api = s.appsync.current()!;
    deps = { store: s.appsync.store, pubsub: s.appsync.pubsub, clock: s.clock, tokens: s.tokens };
    const put = (model: string, key: unknown[], doc: Record<string, unknown>) => assert.ok(s.appsync.store.insert(api.config.apiId, model, encodeKey(key), { ...doc, __typename: model }));
    const at = '2026-01-01T00:00:00.000Z';
    put('Notebook', ['nb1'], { id: 'nb1', name: 'book', createdAt: at, updatedAt: at });
    put('Note', ['n1'], { id: 'n1', notebookId: 'nb1', title: 'one', body: 'b', priority: 1, rating: 1.5, done: false, due: '2026-01-02', at, time: '12:30:00', stamp: 1700000000, email: 'a@example.com', site: 'https://example.com', phone: '+1 555 0100', ip: '10.0.0.1', extra: '{"a":1}', tags: ['x', 'y'], status: 'OPEN', meta: { tag: 't', score: 7 }, createdAt: at, updatedAt: at });
    put('Note', ['n2'], { id: 'n2', notebookId: 'nb1', title: 'two', priority: 2, createdAt: at, updatedAt: at });
    put('Note', ['n3'], { id: 'n3', notebookId: 'nb1', priority: 3, createdAt: at, updatedAt: at }); // title (String!) missing
    put('Note', ['n4'], { id: 'n4', notebookId: 'nb1', title: 'bad', priority: 'high', tags: 'not-a-list', status: 'NOPE', createdAt: at, updatedAt: at });
    put('Item', ['acme', 'sku-1'], { tenant: 'acme', sku: 'sku-1', qty: 5, createdAt: at, updatedAt: at });
    put('Project', ['p1'], { id: 'p1', name: 'alice project', owner: 'sub-alice::alice', budget: 10, createdAt: at, updatedAt: at });
    put('Task', ['t1'], { id: 't1', projectId: 'p1', title: 'edit me', editors: ['sub-bob::bob'], team: 'Editors', createdAt: at, updatedAt: at });
    put('Profile', ['pr1'], { id: 'pr1', name: 'alice', ssn: '123', owner: 'sub-alice::alice', createdAt: at, updatedAt: at });
    put('Vault', ['v1'], { id: 'v1', label: 'secret', createdAt: at, updatedAt: at });
    ids.note = 'n1';
  });
  after(() => t.close());

  const NOTE_FIELDS = 'id notebookId title body priority rating done due at time stamp email site phone ip extra tags status meta { tag score } createdAt updatedAt __typename';

  it('gets every scalar, an enum, a list and a custom type; aliases and __typename; a missing row', async () => {
    const r = await same(`query ($id: ID!) { getNote(id: $id) { ${NOTE_FIELDS} } }`, { id: 'n1' }, apiKey);
    assert.equal(r.data.getNote.meta.score, 7);
    await same('query Q($id: ID!) { note: getNote(id: $id) { key: id t: title kind: __typename } }', { id: 'n2' }, apiKey);
    await same('query ($id: ID!) { getNote(id: $id) { id title } }', { id: 'nope' }, apiKey);
    await same('{ getItem(tenant: "acme", sku: "sku-1") { tenant sku qty } }', undefined, apiKey);
    await same('query ($id: ID! = "n2") { getNote(id: $id) { id title } }', {}, apiKey);
  });

  it('lists with filters, limits and tokens; index queries; relationships both ways', async () => {
    const page = await same(`query ($filter: ModelNoteFilterInput, $limit: Int, $nextToken: String) { listNotes(filter: $filter, limit: $limit, nextToken: $nextToken) { items { id title priority } nextToken __typename } }`, { limit: 2 }, apiKey);
    assert.ok(page.data.listNotes.nextToken);
    await same('query ($filter: ModelNoteFilterInput) { listNotes(filter: $filter) { items { id } } }', { filter: { priority: { gt: 1 }, title: { beginsWith: 't' } } }, apiKey);
    await same('{ listNotesByNotebook(notebookId: "nb1", sortDirection: DESC, limit: 3) { items { id priority } nextToken } }', undefined, apiKey);
    await same('query ($id: ID!) { getNote(id: $id) { id notebook { name notes(limit: 2) { items { id title } nextToken } } } }', { id: 'n2' }, apiKey);
    await same('{ getNotebook(id: "nb1") { notes(filter: { priority: { eq: 2 } }) { items { id notebook { id } } } } }', undefined, apiKey);
  });

  it('propagates nulls: a missing non-null field, a value a scalar or enum refuses, a non-list for a list', async () => {
    const missing = await same('{ getNote(id: "n3") { id title } }', undefined, apiKey);
    assert.equal(missing.data.getNote, null);
    assert.match(missing.errors[0]!.message, /Cannot return null for non-nullable field Note.title/);
    await same('{ getNote(id: "n4") { id priority } }', undefined, apiKey);
    await same('{ getNote(id: "n4") { id tags } }', undefined, apiKey);
    await same('{ getNote(id: "n4") { id status } }', undefined, apiKey);
    const list = await same('{ listNotes { items { id title } } }', undefined, apiKey);
    assert.ok(list.data.listNotes.items.includes(null), 'the broken row is a null item, the others stay');
  });

  it('applies auth: root denials, per-field denials, owner fields, field-level rules, dynamic groups', async () => {
    const vault = await same('{ getVault(id: "v1") { id label } }', undefined, apiKey);
    assert.equal(vault.errors[0]!.errorType, 'Unauthorized');
    await same('{ getVault(id: "v1") { id label } }', undefined, guest);
    const owner = await same('{ getProject(id: "p1") { id name owner budget } }', undefined, alice);
    assert.equal(owner.data.getProject.owner, 'alice', 'the owner field resolver (not the default one) ran');
    const notOwner = await same('{ getProject(id: "p1") { id name owner } }', undefined, bob);
    assert.equal(notOwner.errors[0]!.errorType, 'Unauthorized');
    await same('{ getProject(id: "p1") { id name owner tasks { items { id title editors } } } }', undefined, apiKey);
    await same('{ getProfile(id: "pr1") { id name ssn owner } }', undefined, alice);
    const ssn = await same('{ getProfile(id: "pr1") { id name ssn } }', undefined, bob);
    assert.deepEqual(ssn.errors.map((e: { path: unknown }) => e.path), [['getProfile', 'ssn']]);
    await same('{ getTask(id: "t1") { id title project { name } } }', undefined, bob);
    await same('{ listTasks { items { id team } } }', undefined, alice);
    await same('query ($msg: String) { echo(msg: $msg) }', { msg: 'hi' }, apiKey);
  });

  it('refuses variables with graphql-js wording (missing, null, wrong type, unknown field); ignores extra ones', async () => {
    const create = 'mutation ($input: CreateNoteInput!) { createNote(input: $input) { id } }';
    for (const variables of [{}, { input: null }, { input: { title: 'x', priority: 'high' } }, { input: { title: 'x', nope: 1 } }, { input: { body: 'no title' } }, { input: { title: 'x', email: 'not-an-email' } }]) {
      const r = await same(create, variables, apiKey);
      assert.equal(r.keys.includes('data'), false, 'no data key when variables are refused');
    }
    await same('query ($id: ID!) { getNote(id: $id) { id } }', { id: 5, extra: true }, apiKey);
    await same('query ($limit: Int) { listNotes(limit: $limit) { items { id } } }', { limit: 0 }, apiKey);
  });

  it('runs mutations the same way (denied ones leave no trace; allowed ones answer the same shape)', async () => {
    await same('mutation { createVault(input: { label: "x" }) { id } }', undefined, apiKey);
    await same('mutation { updateProject(input: { id: "p1", name: "stolen" }) { id name } }', undefined, bob);
    await same('mutation { deleteNote(input: { id: "nope" }) { id } }', undefined, apiKey);
    const prepared = prepareDocument(api, 'mutation ($input: CreateItemInput!) { createItem(input: $input) { tenant sku qty __typename } }');
    assert.ok(prepared.ok);
    const flat = planFlat(api, operationPlan(prepared).operation!)!;
    const viaFlat = await runFlat(flat, api, ctxOf(apiKey), { input: { tenant: 't', sku: 'flat', qty: 1 } });
    const viaExecute = await execute({ schema: api.schema, document: prepared.document, variableValues: { input: { tenant: 't', sku: 'execute', qty: 1 } }, contextValue: ctxOf(apiKey) });
    assert.deepEqual(viaFlat, { data: { createItem: { tenant: 't', sku: 'flat', qty: 1, __typename: 'Item' } } });
    assert.deepEqual(JSON.parse(JSON.stringify(viaExecute)), { data: { createItem: { tenant: 't', sku: 'execute', qty: 1, __typename: 'Item' } } });
    const again = await same('mutation { createItem(input: { tenant: "t", sku: "flat" }) { sku } }', undefined, apiKey);
    assert.equal(again.errors[0]!.errorType, 'DynamoDB:ConditionalCheckFailedException');
  });

  it('runs a mutation of several root fields in order: each its own result or error, in one document transaction', async () => {
    // The seed's createItems shape, with a failing key condition and a denied root field in the middle.
    const doc = `mutation ($a: CreateItemInput!, $b: CreateItemInput!, $c: CreateItemInput!) {
      a: createItem(input: $a) { tenant sku qty __typename }
      b: createItem(input: $b) { sku }
      v: createVault(input: { label: "x" }) { id }
      c: createItem(input: $c) { tenant sku }
    }`;
    const prepared = prepareDocument(api, doc);
    assert.ok(prepared.ok);
    const flat = planFlat(api, operationPlan(prepared).operation!);
    assert.ok(flat, 'several mutation root fields are planned flat');
    const vars = (p: string) => ({ a: { tenant: p, sku: '1', qty: 2 }, b: { tenant: p, sku: '1' }, c: { tenant: p, sku: '3' } });
    const viaFlat = wire(await runFlat(flat, api, ctxOf(apiKey), vars('multi-flat')));
    const viaExecute = wire(await execute({ schema: api.schema, document: prepared.document, variableValues: vars('multi-exec'), contextValue: ctxOf(apiKey) }));
    assert.deepEqual(JSON.parse(JSON.stringify(viaFlat).replaceAll('multi-flat', 'P')), JSON.parse(JSON.stringify(viaExecute).replaceAll('multi-exec', 'P')));
    assert.deepEqual(Object.keys(viaFlat.data), ['a', 'b', 'v', 'c']);
    assert.deepEqual(viaFlat.data, { a: { tenant: 'multi-flat', sku: '1', qty: 2, __typename: 'Item' }, b: null, v: null, c: { tenant: 'multi-flat', sku: '3' } });
    assert.deepEqual(viaFlat.errors.map((e: { path: unknown; errorType?: string }) => [e.path, e.errorType]), [[['b'], 'DynamoDB:ConditionalCheckFailedException'], [['v'], 'Unauthorized']]);
    assert.ok(t.cloud.services.appsync.store.get(api.config.apiId, 'Item', encodeKey(['multi-flat', '3'])), 'the field after the failures was written');
    // Refused variables: nothing runs, graphql-js's errors.
    await same(doc, { a: { tenant: 'x', sku: '1' }, b: { tenant: 'x', sku: 2 } }, apiKey);
    // A query with several root fields still goes to execute (graphql-js runs those side by side).
    await same('{ a: getNote(id: "n1") { id } b: getNote(id: "n2") { id } }', undefined, apiKey, { flat: false });
    await same('mutation { a: createVault(input: { label: "x" }) { id } a: createVault(input: { label: "x" }) { id } }', undefined, apiKey, { flat: false });
  });

  it('leaves fragments, directives, repeated fields, several root fields and introspection to execute', async () => {
    await same('query { getNote(id: "n1") { ...F } } fragment F on Note { id }', undefined, apiKey, { flat: false });
    await same('query ($x: Boolean!) { getNote(id: "n1") { id title @include(if: $x) } }', { x: true }, apiKey, { flat: false });
    await same('{ getNote(id: "n1") { id id } }', undefined, apiKey, { flat: false });
    await same('{ getNote(id: "n1") { __proto__: id } }', undefined, apiKey, { flat: false });
    await same('{ a: getNote(id: "n1") { id } b: getNote(id: "n2") { id } }', undefined, apiKey, { flat: false });
    await same('{ __typename }', undefined, apiKey, { flat: false });
    await same('{ __schema { queryType { name } } }', undefined, apiKey, { flat: false });
    await same('subscription { onCreateNote { id } }', undefined, apiKey, { flat: false });
    await same('query A { getNote(id: "n1") { id } } query B { getNote(id: "n2") { title } }', undefined, apiKey, { operationName: 'B' });
  });
});
