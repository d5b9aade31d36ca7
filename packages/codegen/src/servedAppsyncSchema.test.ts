import { test } from 'node:test';
import assert from 'node:assert/strict';
import { richSchema as cloudRichSchema } from '@sandlot/cloud/appsync/testing/schemas.js';
import {
  appsyncSchemaFor,
  CodegenRun,
  generateGraphqlClientCodeFiles,
  modelSchemaFromDataResource,
  STATEMENT_TARGET_CHOICES,
  transformModelSchema,
  TYPE_TARGET_CHOICES,
} from './index.js';
import type { CodegenDataSource, GraphqlClientCodeFlags } from './index.js';
import { servedAppsyncSchema, servedSchemaSupports } from './servedAppsyncSchema.js';
import { docsAppSchema, generatedSchema, richSchema } from './testing/schemas.js';

/**
 * `graphql-codegen` reads the AppSync SDL the local sandbox serves instead of running the Amplify transformer:
 * every statement and type target must come out byte-identical to the same generators fed the transformer's
 * SDL (the reference, run here as `AmplifyGraphqlApi` runs it), on the docs-app schema, both rich schemas
 * (codegen's and the local AppSync's) and the generated 50-model schema of `bench/codegen`.
 */
const apiKey = { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} } as const;

/** Every statement target and type target, and the statement options. */
const everyTarget: GraphqlClientCodeFlags[] = [
  ...STATEMENT_TARGET_CHOICES.map((statementTarget) => ({ format: 'graphql-codegen', statementTarget })),
  ...TYPE_TARGET_CHOICES.map((typeTarget) => ({ format: 'graphql-codegen', statementTarget: 'graphql', typeTarget })),
  { format: 'graphql-codegen', statementTarget: 'typescript', statementMaxDepth: 4, statementTypenameIntrospection: false },
  { format: 'graphql-codegen', statementTarget: 'javascript', statementMaxDepth: 1 },
];
/** For the 50-model schema: what `bench/codegen` generates (each statement target with its default type target) and the JSON and Swift types. */
const benchTargets: GraphqlClientCodeFlags[] = [
  ...STATEMENT_TARGET_CHOICES.map((statementTarget) => ({ format: 'graphql-codegen', statementTarget })),
  ...(['json', 'swift'] as const).map((typeTarget) => ({ format: 'graphql-codegen', statementTarget: 'graphql', typeTarget })),
];

const sources: [string, CodegenDataSource, GraphqlClientCodeFlags[]][] = [
  ['docs-app', { modelSchema: modelSchemaFromDataResource(docsAppSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool' } }, everyTarget],
  ['rich', { modelSchema: modelSchemaFromDataResource(richSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: { expiresInDays: 30 } } }, everyTarget],
  ['rich, API key default', { modelSchema: modelSchemaFromDataResource(richSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'apiKey', apiKeyAuthorizationMode: {} } }, everyTarget],
  ['local AppSync rich', { modelSchema: modelSchemaFromDataResource(cloudRichSchema()), hasAuth: true, authorizationModes: apiKey }, everyTarget],
  ['generated 50 models', { modelSchema: modelSchemaFromDataResource(generatedSchema(50)), hasAuth: true, authorizationModes: apiKey }, benchTargets],
];

const filesOf = async (data: CodegenDataSource, requests: GraphqlClientCodeFlags[]) => {
  const run = new CodegenRun();
  const out: Record<string, string>[] = [];
  for (const flags of requests) out.push(await generateGraphqlClientCodeFiles({ ...flags, data }, run).catch((error: Error) => ({ error: `${error.name}: ${error.message}` })));
  return out;
};

for (const [name, data, requests] of sources) {
  test(`${name}: every graphql-codegen target from the served SDL is byte-identical to the targets from the transformer's`, async () => {
    const auth = { authorizationModes: data.authorizationModes, hasAuth: data.hasAuth ?? false };
    const transformed = (await transformModelSchema({ modelSchema: data.modelSchema, ...auth })).schema;
    const served = await appsyncSchemaFor(data);
    assert.notEqual(served, transformed, 'the served SDL is taken (not the transformer run again)');
    const reference = await filesOf({ ...data, appsyncSchema: transformed }, requests);
    const ours = await filesOf(data, requests);
    requests.forEach((flags, at) => {
      assert.deepEqual(ours[at], reference[at], JSON.stringify(flags));
      // Scala types have no subscription support: the generator's own error, alike from both.
      assert.equal('error' in reference[at]!, flags.typeTarget === 'scala', `the reference generates: ${JSON.stringify(flags)}`);
    });
  });
}

const userPoolApi = { defaultAuthenticationType: 'AMAZON_COGNITO_USER_POOLS', additionalAuthenticationTypes: ['AWS_IAM'] } as const;

test('a schema outside what the served SDL is proven on keeps the transformer', async () => {
  const todo = (rules: string, extra = '') => `type Todo @model @auth(rules: [${rules}]) {\n  content: String\n}\n${extra}`;
  assert.equal(servedSchemaSupports(todo('{allow: private}'), userPoolApi), true);
  for (const [why, schema] of [
    ['a lambda rule', todo('{allow: custom}')],
    ['an OIDC provider', todo('{allow: private, provider: oidc}')],
    ['a custom subscription', todo('{allow: private}', 'type Subscription {\n  onThing: String @aws_subscribe(mutations: ["x"])\n}')],
    ['disabled operations', 'type Todo @model(subscriptions: null) @auth(rules: [{allow: private}]) {\n  content: String\n}'],
    ['another directive', todo('{allow: private}').replace('content: String', 'content: String @searchable')],
    ['an interface', todo('{allow: private}', 'interface Node {\n  id: ID!\n}')],
    ['an index with two sort keys', todo('{allow: private}').replace('content: String', 'content: String @index(sortKeyFields: ["a", "b"])\n  a: String\n  b: String')],
  ] as const) {
    assert.equal(servedSchemaSupports(schema, userPoolApi), false, why);
    assert.equal(servedAppsyncSchema(schema, userPoolApi), undefined, why);
  }
  assert.equal(servedSchemaSupports(todo('{allow: private}'), { defaultAuthenticationType: 'AWS_LAMBDA', additionalAuthenticationTypes: [] }), false, 'a lambda mode');
  // A custom query the local AppSync leaves out (it returns a model through a handler it cannot run as typed): the transformer's SDL.
  const unserved = todo('{allow: private}', 'type Query {\n  thing(input: Todo): String @function(name: "f") @auth(rules: [{allow: private}])\n}');
  assert.equal(servedAppsyncSchema(unserved, userPoolApi), undefined);
  // Through the data source: the docs-app schema with a lambda default is generated from the transformer's SDL.
  const lambda: CodegenDataSource = { modelSchema: todo('{allow: custom}'), hasAuth: true, authorization: { defaultAuthorizationMode: 'lambda', defaultAuthorizationType: 'AWS_LAMBDA', additionalAuthorizationTypes: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'], lambda: { timeToLiveInSeconds: 60 } } };
  assert.equal(await appsyncSchemaFor(lambda), (await transformModelSchema({ modelSchema: lambda.modelSchema, authorization: lambda.authorization, hasAuth: true })).schema);
});
