import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/data';
import { generateModelIntrospection, modelSchemaFromDataResource, InvalidSchemaError } from './index.js';
import type { DataSchemaInput, ModelIntrospectionSchema } from './index.js';
import { docsAppSchema, richSchema } from './testing/schemas.js';

const docsAppResource = new URL('../../../../shared/examples/docs-app/amplify/data/resource.ts', import.meta.url);

/** The docs-app schema object: from its resource.ts when `@aws-amplify/backend` resolves, else rebuilt with `a`. */
const loadDocsAppSchema = async (): Promise<{ schema: DataSchemaInput; source: string }> => {
  if (existsSync(docsAppResource)) {
    try {
      const mod = (await import(docsAppResource.href)) as { data?: { props?: { schema?: DataSchemaInput }; schema?: DataSchemaInput } };
      const schema = mod.data?.props?.schema ?? mod.data?.schema;
      if (schema) return { schema, source: 'docs-app resource.ts' };
    } catch {
      // @aws-amplify/backend not resolvable from ../shared yet: fall through to the identical schema built with `a`.
    }
  }
  return { schema: docsAppSchema(), source: 'docs-app schema rebuilt with a.schema' };
};

const configureWith = (modelIntrospection: ModelIntrospectionSchema) =>
  Amplify.configure({
    API: {
      GraphQL: {
        endpoint: 'http://127.0.0.1:1/graphql',
        region: 'us-east-1',
        defaultAuthMode: 'apiKey',
        apiKey: 'x',
        modelIntrospection: modelIntrospection as never,
      },
    },
  });

test('docs-app: model schema is the transform() SDL and introspection is format version 1', async (t) => {
  const { schema, source } = await loadDocsAppSchema();
  t.diagnostic(source);
  const sdl = modelSchemaFromDataResource(schema);
  assert.match(sdl, /type Todo @model @auth\(rules: \[\{allow: private\}\]\)/);
  const mi = generateModelIntrospection({ modelSchema: sdl });
  assert.equal(mi.version, 1);
  assert.deepEqual(Object.keys(mi.models), ['Todo']);
  const todo = mi.models.Todo!;
  assert.equal(todo.pluralName, 'Todos');
  assert.deepEqual(Object.keys(todo.fields), ['id', 'content', 'isDone', 'createdAt', 'updatedAt']);
  assert.deepEqual(todo.primaryKeyInfo, { isCustomPrimaryKey: false, primaryKeyFieldName: 'id', sortKeyFieldNames: [] });
  assert.deepEqual(todo.attributes?.[1], {
    type: 'auth',
    properties: { rules: [{ allow: 'private', operations: ['create', 'update', 'delete', 'read'] }] },
  });
  assert.deepEqual(mi.enums, {});
  assert.deepEqual(mi.nonModels, {});
});

test('rich schema: relationships, identifiers, indexes, enums, custom types and custom operations', () => {
  const mi = generateModelIntrospection({ modelSchema: modelSchemaFromDataResource(richSchema()) });
  assert.deepEqual(Object.keys(mi.models), ['Todo', 'TodoDetail', 'Note', 'Project', 'Tag', 'TodoTag', 'Reading']);
  assert.deepEqual(mi.enums.Priority, { name: 'Priority', values: ['LOW', 'MEDIUM', 'HIGH'] });
  assert.deepEqual(Object.keys(mi.nonModels.Location!.fields), ['lat', 'long', 'label']);
  const todo = mi.models.Todo!;
  assert.deepEqual(todo.fields.notes!.association, { connectionType: 'HAS_MANY', associatedWith: ['todoId'] });
  assert.deepEqual(todo.fields.project!.association, { connectionType: 'BELONGS_TO', targetNames: ['projectId'] });
  assert.deepEqual(todo.fields.detail!.association, { connectionType: 'HAS_ONE', associatedWith: ['todoId'], targetNames: [] });
  assert.deepEqual(todo.fields.priority!.type, { enum: 'Priority' });
  assert.deepEqual(todo.fields.location!.type, { nonModel: 'Location' });
  assert.equal(todo.fields.owner, undefined, 'the owner field is implicit, as in the real output');
  assert.deepEqual(todo.attributes?.find((attr) => attr.type === 'auth')?.properties?.rules, [
    { provider: 'userPools', ownerField: 'owner', allow: 'owner', identityClaim: 'cognito:username', operations: ['create', 'update', 'delete', 'read'] },
    { groupClaim: 'cognito:groups', provider: 'userPools', allow: 'groups', groups: ['Admins'], operations: ['create', 'update', 'delete', 'read'] },
    { allow: 'public', provider: 'apiKey', operations: ['read'] },
  ]);
  const index = todo.attributes?.find((attr) => attr.type === 'key' && attr.properties?.name === 'todosByProjectIdAndDueOn');
  assert.deepEqual(index?.properties, { name: 'todosByProjectIdAndDueOn', queryField: 'listTodosByProject', fields: ['projectId', 'dueOn'] });
  assert.deepEqual(mi.models.Tag!.primaryKeyInfo, { isCustomPrimaryKey: true, primaryKeyFieldName: 'slug', sortKeyFieldNames: [] });
  assert.deepEqual(mi.models.Reading!.primaryKeyInfo, { isCustomPrimaryKey: true, primaryKeyFieldName: 'sensor', sortKeyFieldNames: ['at'] });
  assert.deepEqual(mi.queries?.echo, {
    name: 'echo',
    isArray: false,
    type: { nonModel: 'Location' },
    isRequired: false,
    arguments: { text: { name: 'text', isArray: false, type: 'String', isRequired: true } },
  });
  assert.equal(mi.mutations?.bump?.type, 'Int');
});

test('introspection is accepted by aws-amplify generateClient (docs-app and rich schema)', async () => {
  const { schema } = await loadDocsAppSchema();
  configureWith(generateModelIntrospection({ modelSchema: modelSchemaFromDataResource(schema) }));
  const docsClient = generateClient<never>() as unknown as { models: Record<string, Record<string, unknown>> };
  assert.ok(docsClient.models.Todo, 'client.models.Todo exists');
  for (const op of ['create', 'get', 'update', 'delete', 'list', 'onCreate', 'observeQuery']) {
    assert.equal(typeof docsClient.models.Todo[op], 'function', `Todo.${op}`);
  }

  configureWith(generateModelIntrospection({ modelSchema: modelSchemaFromDataResource(richSchema()) }));
  const richClient = generateClient<never>() as unknown as {
    models: Record<string, Record<string, unknown>>;
    queries: Record<string, unknown>;
    mutations: Record<string, unknown>;
    enums: Record<string, { values: () => string[] }>;
  };
  assert.deepEqual(Object.keys(richClient.models).sort(), ['Note', 'Project', 'Reading', 'Tag', 'Todo', 'TodoDetail', 'TodoTag']);
  assert.equal(typeof richClient.models.Todo!.listTodosByProject, 'function', 'secondary index query field');
  assert.equal(typeof richClient.queries.echo, 'function');
  assert.equal(typeof richClient.mutations.bump, 'function');
  assert.deepEqual(richClient.enums.Priority!.values(), ['LOW', 'MEDIUM', 'HIGH']);
});

test('a.combine joins the model schemas with a newline, strings pass through', () => {
  const first = docsAppSchema();
  const combined = modelSchemaFromDataResource({ schemas: [first, 'type Extra @model { name: String }'] });
  assert.equal(combined, `${first.transform().schema}\ntype Extra @model { name: String }`);
  assert.deepEqual(Object.keys(generateModelIntrospection({ modelSchema: combined }).models), ['Todo', 'Extra']);
});

test('empty and invalid schemas are rejected with InvalidSchemaError', () => {
  assert.throws(() => modelSchemaFromDataResource('  '), InvalidSchemaError);
  assert.throws(() => modelSchemaFromDataResource({ schemas: [42 as never] }), InvalidSchemaError);
  assert.throws(() => generateModelIntrospection({ modelSchema: '' }), { name: 'InvalidSchemaError', message: 'Invalid schema' });
  assert.throws(() => generateModelIntrospection({ modelSchema: 'type Todo @model {' }), (error: Error) => {
    assert.equal(error.name, 'InvalidSchemaError');
    assert.match(error.message, /^Invalid schema: Syntax Error/);
    return true;
  });
});
