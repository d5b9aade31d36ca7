import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateClient } from 'aws-amplify/data';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { richSchema, sdlOf } from './testing/schemas.js';
import { applySchema, configureAmplify, postGraphql } from './testing/dataApi.js';

// The real aws-amplify 6.22.1 `generateClient()` against the local AppSync, with the API key.
describe('generateClient CRUD, list, filters, paging, indexes and relationships (apiKey)', () => {
  let t: TestCloud;
  const sdl = sdlOf(richSchema());
  let client: any;

  before(async () => {
    t = await startTestCloud({ services: ['appsync', 'cognito', 'identity'] });
    applySchema(t, sdl);
    configureAmplify(t, sdl);
    client = generateClient();
  });
  after(() => t.close());

  it('creates, gets, updates and deletes with every scalar, an enum, a custom type and a list', async () => {
    const input = {
      title: 'first', body: 'hello', priority: 3, rating: 4.5, due: '2026-01-02', at: '2026-01-02T03:04:05.000Z', time: '12:30:00',
      stamp: 1700000000, email: 'a@example.com', site: 'https://example.com/x', phone: '+1 555 0100', ip: '10.0.0.1/24',
      extra: JSON.stringify({ a: [1, 2] }), tags: ['x', 'y'], status: 'OPEN', meta: { tag: 't', score: 7 },
    };
    const created = await client.models.Note.create(input);
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const note = created.data;
    assert.match(note.id, /^[0-9a-f-]{36}$/);
    assert.equal(note.done, false, '@default(false) applied');
    assert.deepEqual(note.meta, { tag: 't', score: 7 });
    assert.deepEqual(JSON.parse(note.extra), { a: [1, 2] });
    assert.equal(note.createdAt, note.updatedAt);
    assert.match(note.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const got = await client.models.Note.get({ id: note.id });
    assert.deepEqual(JSON.parse(JSON.stringify(got.data)), JSON.parse(JSON.stringify(note)));

    await new Promise((r) => setTimeout(r, 5));
    const updated = await client.models.Note.update({ id: note.id, body: null, priority: 4 });
    assert.equal(updated.errors, undefined, JSON.stringify(updated.errors));
    assert.equal(updated.data.priority, 4);
    assert.equal(updated.data.body, null, 'null removes the attribute');
    assert.equal(updated.data.title, 'first', 'untouched fields kept');
    assert.ok(updated.data.updatedAt > note.updatedAt);

    const deleted = await client.models.Note.delete({ id: note.id });
    assert.equal(deleted.data.id, note.id);
    assert.equal((await client.models.Note.get({ id: note.id })).data, null);
  });

  it('lists with every filter operator, and pages with opaque tokens', async () => {
    const nb = (await client.models.Notebook.create({ name: 'filters' })).data;
    for (let i = 0; i < 7; i++) {
      const r = await client.models.Note.create({ notebookId: nb.id, title: `note ${i}`, priority: i, tags: i % 2 ? ['odd'] : ['even'], status: i < 3 ? 'OPEN' : 'DONE', ...(i === 6 ? {} : { body: `b${i}` }) });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    }
    const ids = async (filter: object) =>
      ((await client.models.Note.list({ filter: { and: [{ notebookId: { eq: nb.id } }, filter] } })).data as { priority: number }[]).map((n) => n.priority).sort();
    assert.deepEqual(await ids({ priority: { eq: 2 } }), [2]);
    assert.deepEqual(await ids({ priority: { ne: 2 } }), [0, 1, 3, 4, 5, 6]);
    assert.deepEqual(await ids({ priority: { le: 1 } }), [0, 1]);
    assert.deepEqual(await ids({ priority: { lt: 1 } }), [0]);
    assert.deepEqual(await ids({ priority: { ge: 5 } }), [5, 6]);
    assert.deepEqual(await ids({ priority: { gt: 5 } }), [6]);
    assert.deepEqual(await ids({ priority: { between: [2, 4] } }), [2, 3, 4]);
    assert.deepEqual(await ids({ title: { contains: 'e 3' } }), [3]);
    assert.deepEqual(await ids({ tags: { contains: 'odd' } }), [1, 3, 5]);
    assert.deepEqual(await ids({ tags: { notContains: 'odd' } }), [0, 2, 4, 6]);
    assert.deepEqual(await ids({ title: { beginsWith: 'note 1' } }), [1]);
    assert.deepEqual(await ids({ body: { attributeExists: false } }), [6]);
    assert.deepEqual(await ids({ body: { attributeType: 'string' }, priority: { lt: 2 } }), [0, 1]);
    assert.deepEqual(await ids({ title: { size: { eq: 6 } } }), [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(await ids({ status: { eq: 'DONE' } }), [3, 4, 5, 6]);
    assert.deepEqual(await ids({ or: [{ priority: { eq: 0 } }, { priority: { eq: 6 } }] }), [0, 6]);
    assert.deepEqual(await ids({ not: { priority: { lt: 5 } } }), [5, 6]);

    // Paging: limit 3 over 7 items of this notebook (index query keeps the partition), tokens opaque.
    const seen: number[] = [];
    let nextToken: string | null | undefined;
    let pages = 0;
    do {
      const page = await client.models.Note.listNotesByNotebook({ notebookId: nb.id }, { limit: 3, nextToken });
      assert.equal(page.errors, undefined, JSON.stringify(page.errors));
      seen.push(...page.data.map((n: { priority: number }) => n.priority));
      nextToken = page.nextToken;
      if (nextToken) assert.doesNotMatch(nextToken, /note|priority|\[/);
      pages++;
    } while (nextToken && pages < 10);
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6], 'index query sorted by the sort key');
    assert.equal(pages, 3);

    const desc = await client.models.Note.listNotesByNotebook({ notebookId: nb.id, priority: { ge: 4 } }, { sortDirection: 'DESC' });
    assert.deepEqual(desc.data.map((n: { priority: number }) => n.priority), [6, 5, 4]);

    // A tampered token is refused with DynamoDB's error, never silently restarted.
    const first = await client.models.Note.listNotesByNotebook({ notebookId: nb.id }, { limit: 2 });
    const bad = await client.models.Note.listNotesByNotebook({ notebookId: nb.id }, { limit: 2, nextToken: first.nextToken.slice(0, -3) + 'AAA' });
    assert.equal(bad.errors?.[0]?.errorType, 'DynamoDB:DynamoDbException');
    const otherScope = await client.models.Note.list({ limit: 2, nextToken: first.nextToken });
    assert.equal(otherScope.errors?.[0]?.errorType, 'DynamoDB:DynamoDbException', 'a token is bound to its query');

    // Scan paging over the whole table visits every row once.
    const all: string[] = [];
    let token: string | null = null;
    do {
      const page: any = await client.models.Note.list({ limit: 2, nextToken: token });
      all.push(...page.data.map((n: { id: string }) => n.id));
      token = page.nextToken;
    } while (token);
    assert.equal(new Set(all).size, all.length);
    assert.ok(all.length >= 7);
  });

  it('serves composite identifiers, relationships both ways, and lazy loaders', async () => {
    await client.models.Item.create({ tenant: 't1', sku: 'b', qty: 2 });
    await client.models.Item.create({ tenant: 't1', sku: 'a', qty: 1 });
    await client.models.Item.create({ tenant: 't2', sku: 'a', qty: 9 });
    assert.equal((await client.models.Item.get({ tenant: 't1', sku: 'a' })).data.qty, 1);
    const t1 = await client.models.Item.list({ tenant: 't1' });
    assert.deepEqual(t1.data.map((i: { sku: string }) => i.sku), ['a', 'b']);
    const t1b = await client.models.Item.list({ tenant: 't1', sku: { beginsWith: 'b' } });
    assert.deepEqual(t1b.data.map((i: { sku: string }) => i.sku), ['b']);
    const dup = await client.models.Item.create({ tenant: 't1', sku: 'a', qty: 5 });
    assert.equal(dup.errors?.[0]?.errorType, 'DynamoDB:ConditionalCheckFailedException');
    assert.match(dup.errors[0].message, /^The conditional request failed \(Service: DynamoDb, Status Code: 400, Request ID: /);

    const nb = (await client.models.Notebook.create({ name: 'rel' })).data;
    const n1 = (await client.models.Note.create({ notebookId: nb.id, title: 'r1' })).data;
    await client.models.Note.create({ notebookId: nb.id, title: 'r2' });
    const parent = await n1.notebook();
    assert.equal(parent.data.name, 'rel');
    const children = await (await client.models.Notebook.get({ id: nb.id })).data.notes();
    assert.deepEqual(children.data.map((n: { title: string }) => n.title).sort(), ['r1', 'r2']);
    const nested = await client.models.Notebook.get({ id: nb.id }, { selectionSet: ['id', 'name', 'notes.*'] });
    assert.equal(nested.errors, undefined, JSON.stringify(nested.errors));
    assert.equal(nested.data.notes.length, 2);
    const back = await client.models.Note.get({ id: n1.id }, { selectionSet: ['id', 'notebook.name'] });
    assert.equal(back.data.notebook.name, 'rel');
  });

  it('answers update/delete of a missing item and a failed condition with ConditionalCheckFailedException', async () => {
    const upd = await client.models.Note.update({ id: '00000000-0000-0000-0000-000000000000', title: 'x' });
    assert.equal(upd.errors?.[0]?.errorType, 'DynamoDB:ConditionalCheckFailedException');
    const del = await client.models.Note.delete({ id: '00000000-0000-0000-0000-000000000000' });
    assert.equal(del.errors?.[0]?.errorType, 'DynamoDB:ConditionalCheckFailedException');
    const n = (await client.models.Note.create({ title: 'cond', priority: 1 })).data;
    const r = await postGraphql(t, { query: 'mutation($input: UpdateNoteInput!, $c: ModelNoteConditionInput) { updateNote(input: $input, condition: $c) { id priority } }', variables: { input: { id: n.id, priority: 2 }, c: { priority: { eq: 5 } } } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.data, { updateNote: null });
    assert.deepEqual(Object.keys(r.json.errors[0]).sort(), ['data', 'errorInfo', 'errorType', 'locations', 'message', 'path']);
    assert.deepEqual(r.json.errors[0].path, ['updateNote']);
    assert.equal(r.json.errors[0].errorType, 'DynamoDB:ConditionalCheckFailedException');
    const ok = await postGraphql(t, { query: 'mutation($input: UpdateNoteInput!, $c: ModelNoteConditionInput) { updateNote(input: $input, condition: $c) { id priority } }', variables: { input: { id: n.id, priority: 2 }, c: { priority: { eq: 1 } } } });
    assert.equal(ok.json.data.updateNote.priority, 2);
  });

  it('reports custom handlers as unsupported by name', async () => {
    const r = await postGraphql(t, { query: 'query { echo(msg: "hi") }' });
    assert.equal(r.json.data.echo, null);
    assert.equal(r.json.errors[0].errorType, 'UnsupportedOperation');
    assert.match(r.json.errors[0].message, /Query\.echo/);
  });
});
