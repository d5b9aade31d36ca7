import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { modelSchemaFromDataResource, transformModelSchema } from '../index.js';
import { docsAppSchema, generatedSchema, richSchema } from '../testing/schemas.js';
import { formatStatementsFile, type StatementsTarget } from './statementsFormatter.js';

/**
 * `formatStatementsFile` writes what the generator's `GraphQLStatementsFormatter` (prettier over the whole file)
 * writes, for every statement target, typed and untyped TypeScript statements, on the docs-app, rich and
 * bench (generated) schemas and on a schema whose names are long enough that statements fall back to prettier
 * (GraphQL lines past 78 columns, type tags broken over lines).
 */
const generatorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator'));
const { GraphQLStatementsFormatter } = generatorRequire('./utils/index.js') as {
  GraphQLStatementsFormatter: new (language: string, operation?: string, typesPath?: string) => { format: (statements: Map<string, unknown>) => string };
};
const { generateGraphQLDocuments } = generatorRequire('@aws-amplify/graphql-docs-generator') as typeof import('@aws-amplify/graphql-docs-generator');
const prettier = generatorRequire('prettier') as { format: (text: string, options: { parser: string }) => string };

const LONG = 'AModelWhoseNameIsLongEnoughToPushStatementLinesPastThePrintWidth';
const longNames = `type ${LONG} @model @auth(rules: [{ allow: owner }]) {
  aFieldWithAVeryLongNameThatKeepsGoingAndGoing: String
  anotherFieldWithAVeryLongNameThatKeepsGoingToo: Int
  short: String
}
type Tiny @model @auth(rules: [{ allow: owner }]) {
  x: String
}`;

const schemas: [string, string][] = [
  ['docs-app', modelSchemaFromDataResource(docsAppSchema())],
  ['rich', modelSchemaFromDataResource(richSchema())],
  // The bench's generated schema at 12 models (two-digit names; the whole-file prettier pass it is compared
  // with takes seconds per file at the bench's 50). The docs-app's short names keep type tags on one line.
  ['12 generated models', modelSchemaFromDataResource(generatedSchema(12))],
  ['long names', longNames],
];
const cases: [StatementsTarget, string | undefined][] = [
  ['javascript', undefined],
  ['flow', undefined],
  ['typescript', './API'],
  ['typescript', undefined],
  ['graphql', undefined],
  ['angular', undefined],
];

for (const [name, modelSchema] of schemas) {
  test(`${name}: statement files equal the generator's formatter for every target`, async () => {
    const { schema } = await transformModelSchema({ modelSchema, hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} } });
    for (const [target, typesPath] of cases) {
      const operations = generateGraphQLDocuments(schema, { maxDepth: 2, typenameIntrospection: true, useExternalFragmentForS3Object: target === 'graphql', includeMetaData: true });
      for (const operation of ['queries', 'mutations', 'subscriptions'] as const) {
        const statements = operations[operation];
        const expected = new GraphQLStatementsFormatter(target, operation, typesPath).format(statements);
        assert.equal(formatStatementsFile(target, operation, typesPath, statements as never), expected, `${target} ${typesPath} ${operation}`);
      }
    }
  });
}

test('the long-name schema takes the fallbacks: GraphQL lines past 78 columns and type tags past 80', async () => {
  const { schema } = await transformModelSchema({ modelSchema: longNames, hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool' } });
  const queries = [...generateGraphQLDocuments(schema, { maxDepth: 2, typenameIntrospection: true, includeMetaData: true }).queries.values()];
  const lines = queries.flatMap((query) => prettier.format(query.graphql, { parser: 'graphql' }).split('\n'));
  assert.ok(lines.some((line) => line.length > 78), 'a GraphQL line past 78 columns');
  const typed = formatStatementsFile('typescript', 'queries', './API', new Map([['getTiny', { graphql: '\nquery GetTiny($id: ID!) { getTiny(id: $id) { x } }\n', operationName: 'GetTiny', operationType: 'query' }]]));
  assert.match(typed, /` as GeneratedQuery<APITypes\.GetTinyQueryVariables, APITypes\.GetTinyQuery>;\n$/, 'a short tag stays on its line');
});

test('an empty statement map and text prettier would change or reject go through the formatter', () => {
  const outcome = (format: () => string) => {
    try {
      return format();
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  };
  const odd = [
    new Map(),
    new Map([['get', { graphql: '# a comment\nquery Get { get(s: "a") { x } }\n', operationName: 'Get', operationType: 'query' }]]),
    new Map([['get', { graphql: 'query Get { get(s: "a`b") { x } }\n', operationName: 'Get', operationType: 'query' }]]),
  ];
  for (const [target, typesPath] of cases) {
    for (const statements of odd) {
      const expected = outcome(() => new GraphQLStatementsFormatter(target, 'queries', typesPath).format(statements));
      assert.equal(outcome(() => formatStatementsFile(target, 'queries', typesPath, statements)), expected, `${target} ${typesPath}`);
    }
  }
});
