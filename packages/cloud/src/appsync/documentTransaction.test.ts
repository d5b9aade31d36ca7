import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { richSchema, sdlOf } from './testing/schemas.js';
import { applySchema, postGraphql } from './testing/dataApi.js';

// Documents of several mutations (what the seed's createItems sends) run in one transaction with a savepoint
// per mutation (resolvers/documentTransaction.ts): the answers must be those of running them one by one.
describe('a document of several mutations', () => {
  let t: TestCloud;
  before(async () => {
    t = await startTestCloud({ services: ['appsync', 'cognito', 'identity'] });
    applySchema(t, sdlOf(richSchema()));
  });
  after(() => t.close());

  const gql = async (query: string, variables?: object) => {
    const r = await postGraphql(t, { query, variables });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    return r.json as { data: Record<string, any> | null; errors?: { path: (string | number)[]; errorType?: string; message: string }[] };
  };
  const notebook = async (id: string) => (await gql(`query G($id: ID!) { getNotebook(id: $id) { id name } }`, { id })).data!.getNotebook;

  it('answers each failing mutation with its own field error and writes the others, in document order', async () => {
    await gql(`mutation { createNotebook(input: { id: "nb-existing", name: "kept" }) { id } }`);
    const r = await gql(
      `mutation M($a: CreateNotebookInput!, $b: CreateNotebookInput!, $u: UpdateNotebookInput!, $c: CreateNotebookInput!, $x: UpdateNotebookInput!) {
        c0: createNotebook(input: $a) { id name __typename }
        c1: createNotebook(input: $b) { id name }
        u0: updateNotebook(input: $u) { id name }
        c2: createNotebook(input: $c) { id name }
        u1: updateNotebook(input: $x) { id name }
      }`,
      {
        a: { id: 'nb-a', name: 'a' },
        b: { id: 'nb-existing', name: 'overwritten?' },
        u: { id: 'nb-a', name: 'a, updated by a later mutation' },
        c: { id: 'nb-c', name: 'c' },
        x: { id: 'nb-missing', name: 'nobody' },
      },
    );
    assert.deepEqual(r.data, {
      c0: { id: 'nb-a', name: 'a', __typename: 'Notebook' },
      c1: null,
      u0: { id: 'nb-a', name: 'a, updated by a later mutation' },
      c2: { id: 'nb-c', name: 'c' },
      u1: null,
    });
    assert.deepEqual(r.errors!.map((e) => [e.path, e.errorType]), [
      [['c1'], 'DynamoDB:ConditionalCheckFailedException'],
      [['u1'], 'DynamoDB:ConditionalCheckFailedException'],
    ]);
    assert.deepEqual(await notebook('nb-existing'), { id: 'nb-existing', name: 'kept' });
    assert.deepEqual(await notebook('nb-a'), { id: 'nb-a', name: 'a, updated by a later mutation' });
    assert.deepEqual(await notebook('nb-c'), { id: 'nb-c', name: 'c' });
  });

  it('answers a delete of a missing item with its own error while the mutations around it are written', async () => {
    const r = await gql(`mutation { c0: createNotebook(input: { id: "nb-lit-1", name: "one" }) { id } c1: deleteNotebook(input: { id: "nb-lit-none" }) { id } c2: createNotebook(input: { id: "nb-lit-2", name: "two" }) { id } }`);
    assert.deepEqual(r.data, { c0: { id: 'nb-lit-1' }, c1: null, c2: { id: 'nb-lit-2' } });
    assert.deepEqual(r.errors!.map((e) => e.path), [['c1']]);
  });

  it('keeps one-after-the-other answers when a mutation selects related items (its relationship sees only earlier writes)', async () => {
    const r = await gql(`mutation {
      n: createNotebook(input: { id: "nb-rel", name: "rel" }) { id notes { items { id } } }
      m: createNote(input: { id: "note-rel", notebookId: "nb-rel", title: "t" }) { id notebook { id notes { items { id } } } }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.deepEqual(r.data, { n: { id: 'nb-rel', notes: { items: [] } }, m: { id: 'note-rel', notebook: { id: 'nb-rel', notes: { items: [{ id: 'note-rel' }] } } } });
  });
});
