import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { a } from '@aws-amplify/data-schema';
import { createCloud } from '../createCloud.js';
import { applyDataConfig, DataSchemaMigrationError } from './apply.js';
import { InvalidDataSchemaError } from './model/parseModels.js';
import type { DataConfig } from './config.js';

const KEY = 'da2-applytestkey0000000000';
const configOf = (schema: { transform(): { schema: string } } | string): DataConfig => ({
  apiId: 'applytest',
  apiName: 'amplifyData',
  schemaSdl: typeof schema === 'string' ? schema : schema.transform().schema,
  authorizationModes: { default: 'apiKey', apiKey: { key: KEY, expiresAt: new Date(Date.now() + 86_400_000) } },
});

const v1 = a.schema({
  Todo: a.model({ content: a.string(), extra: a.string(), rank: a.integer() }).authorization((allow) => [allow.publicApiKey()]),
  Gone: a.model({ x: a.string() }).authorization((allow) => [allow.publicApiKey()]),
});

async function gql(url: string, query: string, variables: object = {}) {
  const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body: JSON.stringify({ query, variables }) });
  return (await r.json()) as any;
}

test('applyDataConfig is idempotent, migrates rows, refuses a required field rows lack, and survives a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-appsync-apply-'));
  const masterKey = randomBytes(32);
  const databaseFile = join(dir, 'sandbox.db');
  let cloud = createCloud({ databaseFile, masterKey, services: ['appsync'] });
  let server = await cloud.listen(0);
  try {
    applyDataConfig(cloud.services, configOf(v1));
    const made = await gql(server.url, 'mutation { createTodo(input: {content: "a", extra: "x", rank: 1}) { id } }');
    const id = made.data.createTodo.id;
    await gql(server.url, 'mutation { createGone(input: {x: "y"}) { id } }');
    applyDataConfig(cloud.services, configOf(v1));
    assert.equal((await gql(server.url, `{ getTodo(id: "${id}") { extra } }`)).data.getTodo.extra, 'x', 'a second apply changes nothing');

    // A required field without default, which the stored row lacks: refused, nothing changed.
    const v2bad = a.schema({ Todo: a.model({ content: a.string(), title: a.string().required() }).authorization((allow) => [allow.publicApiKey()]) });
    assert.throws(() => applyDataConfig(cloud.services, configOf(v2bad)), (e: Error) => e instanceof DataSchemaMigrationError && /Todo\.title/.test(e.message));
    assert.equal((await gql(server.url, `{ getTodo(id: "${id}") { extra } }`)).data.getTodo.extra, 'x', 'the old API is still served');

    // Field removed, required field with a default added, model removed.
    const v2 = a.schema({ Todo: a.model({ content: a.string(), rank: a.integer(), title: a.string().required().default('untitled') }).authorization((allow) => [allow.publicApiKey()]) });
    applyDataConfig(cloud.services, configOf(v2));
    const after = await gql(server.url, `{ getTodo(id: "${id}") { content rank title } }`);
    assert.deepEqual(after.data.getTodo, { content: 'a', rank: 1, title: 'untitled' });
    const removed = await gql(server.url, `{ getTodo(id: "${id}") { extra } }`);
    assert.match(removed.errors[0].message, /FieldUndefined: Field 'extra'/);
    assert.equal(cloud.services.appsync.store.count('applytest', 'Gone'), 0, 'a removed model loses its rows');
    assert.equal(cloud.services.appsync.store.get('applytest', 'Todo', JSON.stringify([id]))!.extra, undefined, 'a removed field is dropped from stored rows');

    // A changed type: values that no longer fit are dropped.
    const v3 = a.schema({ Todo: a.model({ content: a.integer(), rank: a.integer(), title: a.string().required().default('untitled') }).authorization((allow) => [allow.publicApiKey()]) });
    applyDataConfig(cloud.services, configOf(v3));
    assert.equal((await gql(server.url, `{ getTodo(id: "${id}") { content title } }`)).data.getTodo.content, null);

    // Restart on the same database: the API is served again without a new apply; the key is not on disk in clear.
    await server.close();
    cloud.close();
    assert.ok(!readFileSync(databaseFile).includes(Buffer.from(KEY)), 'API key sealed on disk');
    cloud = createCloud({ databaseFile, masterKey, services: ['appsync'] });
    server = await cloud.listen(0);
    assert.equal((await gql(server.url, `{ getTodo(id: "${id}") { title } }`)).data.getTodo.title, 'untitled');
  } finally {
    await server.close();
    cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a model without @auth gets the default auth type (here the API key)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-appsync-apply-'));
  const cloud = createCloud({ databaseFile: join(dir, 'db.sqlite'), masterKey: randomBytes(32), services: ['appsync'] });
  const server = await cloud.listen(0);
  try {
    applyDataConfig(cloud.services, configOf('type Todo @model { content: String }'));
    assert.equal((await gql(server.url, 'mutation { createTodo(input: {content: "x"}) { content } }')).data.createTodo.content, 'x');
  } finally {
    await server.close();
    cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('applyDataConfig refuses schemas it cannot serve, naming the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-appsync-apply-'));
  const cloud = createCloud({ databaseFile: join(dir, 'db.sqlite'), masterKey: randomBytes(32), services: ['appsync'] });
  try {
    assert.throws(() => applyDataConfig(cloud.services, configOf('type Todo @model { content: String')), InvalidDataSchemaError);
    assert.throws(() => applyDataConfig(cloud.services, configOf('type Todo @model { other: Nope }')), /Todo\.other has unknown type Nope/);
    assert.throws(() => applyDataConfig(cloud.services, configOf('type A @model { b: B }\ntype B @model { x: String }')), /A\.b refers to model B without @hasMany/);
  } finally {
    cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
