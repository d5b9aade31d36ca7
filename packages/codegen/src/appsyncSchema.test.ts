import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema } from 'graphql';
import { appSyncAuthenticationTypes, transformModelSchema, modelSchemaFromDataResource, InvalidSchemaError } from './index.js';
import { authorization } from '@sandlot/backend/model/dataModel.js';
import { docsAppSchema, richSchema } from './testing/schemas.js';

const AWS_PRELUDE = `scalar AWSDate scalar AWSTime scalar AWSDateTime scalar AWSTimestamp scalar AWSEmail scalar AWSJSON scalar AWSURL scalar AWSPhone scalar AWSIPAddress
directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
directive @aws_api_key on OBJECT | FIELD_DEFINITION
directive @aws_iam on OBJECT | FIELD_DEFINITION
directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION
directive @aws_oidc on OBJECT | FIELD_DEFINITION
directive @aws_lambda on OBJECT | FIELD_DEFINITION`;

test('auth modes follow defineData/defineAuth the way the real backend derives them (IAM always on)', () => {
  assert.deepEqual(appSyncAuthenticationTypes({ hasAuth: false }), { defaultAuthenticationType: 'API_KEY', additionalAuthenticationTypes: ['AWS_IAM'] });
  assert.deepEqual(appSyncAuthenticationTypes({ hasAuth: true }), { defaultAuthenticationType: 'AMAZON_COGNITO_USER_POOLS', additionalAuthenticationTypes: ['AWS_IAM'] });
  assert.deepEqual(appSyncAuthenticationTypes({ hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'apiKey', apiKeyAuthorizationMode: {} } }), {
    defaultAuthenticationType: 'API_KEY',
    additionalAuthenticationTypes: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'],
  });
  assert.deepEqual(appSyncAuthenticationTypes({ hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'identityPool' } }), {
    defaultAuthenticationType: 'AWS_IAM',
    additionalAuthenticationTypes: ['AMAZON_COGNITO_USER_POOLS'],
  });
  assert.deepEqual(appSyncAuthenticationTypes({ hasAuth: false, authorizationModes: { apiKeyAuthorizationMode: { expiresInDays: 30 } } }), {
    defaultAuthenticationType: 'API_KEY',
    additionalAuthenticationTypes: ['AWS_IAM'],
  });
  assert.throws(() => appSyncAuthenticationTypes({ hasAuth: true, authorizationModes: {} }), { message: 'Invalid schema: A defaultAuthorizationMode is required if multiple authorization modes are configured' });
  assert.throws(() => appSyncAuthenticationTypes({ hasAuth: false, authorizationModes: { defaultAuthorizationMode: 'userPool' } }), InvalidSchemaError);
  // An API key default without apiKeyAuthorizationMode gets a key, as the backend (and the sandbox) configure it.
  assert.deepEqual(appSyncAuthenticationTypes({ hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'apiKey' } }), {
    defaultAuthenticationType: 'API_KEY',
    additionalAuthenticationTypes: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'],
  });
});

test("codegen takes the backend model's resolved modes as they are, and resolves defineData's modes with the backend's code", async () => {
  const modes = { defaultAuthorizationMode: 'apiKey' as const };
  const backend = authorization({ schema: '', authorizationModes: modes }, true);
  assert.deepEqual(appSyncAuthenticationTypes({ hasAuth: true, authorizationModes: modes }), { defaultAuthenticationType: backend.defaultAuthorizationType, additionalAuthenticationTypes: backend.additionalAuthorizationTypes });
  const modelSchema = modelSchemaFromDataResource(docsAppSchema());
  const fromModel = await transformModelSchema({ modelSchema, hasAuth: true, authorization: backend });
  const fromProps = await transformModelSchema({ modelSchema, hasAuth: true, authorizationModes: modes });
  assert.equal(fromModel.schema, fromProps.schema);
  assert.equal(fromModel.defaultAuthenticationType, 'API_KEY');
  // Resolved modes are used as given (the backend's), not recomputed from hasAuth.
  const iamSchema = 'type Todo @model @auth(rules: [{ allow: private, provider: iam }]) { content: String }';
  const iamOnly = await transformModelSchema({ modelSchema: iamSchema, hasAuth: true, authorization: { defaultAuthorizationMode: 'iam', defaultAuthorizationType: 'AWS_IAM', additionalAuthorizationTypes: [] } });
  assert.deepEqual([iamOnly.defaultAuthenticationType, iamOnly.additionalAuthenticationTypes], ['AWS_IAM', []]);
});

test('docs-app: the transformer produces the AppSync CRUDL + subscription schema, IAM-enabled like Gen 2', async () => {
  const api = await transformModelSchema({ modelSchema: modelSchemaFromDataResource(docsAppSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool' } });
  const schema = buildSchema(`${AWS_PRELUDE}\n${api.schema}`);
  assert.deepEqual(Object.keys(schema.getQueryType()!.getFields()), ['getTodo', 'listTodos']);
  assert.deepEqual(Object.keys(schema.getMutationType()!.getFields()), ['createTodo', 'updateTodo', 'deleteTodo']);
  assert.deepEqual(Object.keys(schema.getSubscriptionType()!.getFields()), ['onCreateTodo', 'onUpdateTodo', 'onDeleteTodo']);
  assert.match(api.schema, /type Todo @aws_iam @aws_cognito_user_pools \{\n  content: String\n  isDone: Boolean\n  id: ID!\n  createdAt: AWSDateTime!\n  updatedAt: AWSDateTime!\n\}/);
  assert.ok(api.resolvers['resolvers/Query.getTodo.req.vtl'], 'resolver templates are returned');
  assert.equal(api.defaultAuthenticationType, 'AMAZON_COGNITO_USER_POOLS');
});

test('rich schema: multi-auth directives, index query, custom operations, owner subscription args', async () => {
  const api = await transformModelSchema({
    modelSchema: modelSchemaFromDataResource(richSchema()),
    hasAuth: true,
    authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} },
  });
  buildSchema(`${AWS_PRELUDE}\n${api.schema}`); // valid SDL once AppSync's built-ins are declared
  assert.match(api.schema, /type Todo @aws_api_key @aws_iam @aws_cognito_user_pools \{/);
  assert.match(api.schema, /type Reading @aws_iam @aws_cognito_user_pools \{/);
  assert.match(api.schema, /listTodosByProject\(projectId: ID!, dueOn: ModelStringKeyConditionInput/);
  assert.match(api.schema, /echo\(text: String!\): Location/);
  assert.match(api.schema, /onCreateNote\(filter: ModelSubscriptionNoteFilterInput, owner: String\): Note/);
  assert.ok(api.warnings.some((w) => w.includes('@auth directives on a field in a root type')), 'synth advice is captured, not printed');
});

test('invalid model schemas fail with InvalidSchemaError', async () => {
  await assert.rejects(transformModelSchema({ modelSchema: ' ', hasAuth: false }), InvalidSchemaError);
  await assert.rejects(transformModelSchema({ modelSchema: 'type Todo @model {', hasAuth: false }), { name: 'InvalidSchemaError', message: /Syntax Error/ });
  await assert.rejects(transformModelSchema({ modelSchema: 'type Todo @model { owner: Unknown }', hasAuth: false }), InvalidSchemaError);
});
