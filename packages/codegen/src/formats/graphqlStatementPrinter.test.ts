import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { appsyncSchemaFor, modelSchemaFromDataResource } from '../index.js';
import type { CodegenDataSource } from '../index.js';
import { docsAppSchema, generatedSchema, richSchema } from '../testing/schemas.js';
import { printStatementGraphql } from './graphqlStatementPrinter.js';

/**
 * `printStatementGraphql` prints what prettier 1.19 prints for every statement the docs generator writes on the
 * docs-app, rich, 12-model generated and long-name schemas (both S3-fragment choices, three depths), and prints
 * all of them itself (no fallback to prettier for these schemas); other shapes are left to prettier.
 */
const generatorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator'));
const { generateGraphQLDocuments } = generatorRequire('@aws-amplify/graphql-docs-generator') as typeof import('@aws-amplify/graphql-docs-generator');
const prettier = generatorRequire('prettier') as { format: (text: string, options: object) => string };
// `plugins` given: prettier itself, past Sandlot's wrapper (and its kept results).
const alone = (text: string) => prettier.format(text, { parser: 'graphql', plugins: [] });

const LONG = 'AModelWhoseNameIsLongEnoughToPushStatementLinesPastThePrintWidth';
const longNames = `type ${LONG} @model @auth(rules: [{ allow: owner }]) {
  aFieldWithAVeryLongNameThatKeepsGoingAndGoing: String
  anotherFieldWithAVeryLongNameThatKeepsGoingToo: Int
  short: String
  tiny: Tiny @hasOne
}
type Tiny @model @auth(rules: [{ allow: owner }]) {
  x: String
}`;

const sources: [string, CodegenDataSource][] = [
  ['docs-app', { modelSchema: modelSchemaFromDataResource(docsAppSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool' } }],
  ['rich', { modelSchema: modelSchemaFromDataResource(richSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} } }],
  ['12 generated models', { modelSchema: modelSchemaFromDataResource(generatedSchema(12)), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} } }],
  ['long names', { modelSchema: longNames, hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool' } }],
];

for (const [name, data] of sources) {
  test(`${name}: every statement printed directly, as prettier prints it`, async () => {
    const schema = await appsyncSchemaFor(data);
    let broken = 0;
    for (const useExternalFragmentForS3Object of [true, false]) {
      for (const maxDepth of [1, 2, 3]) {
        const operations = generateGraphQLDocuments(schema, { maxDepth, useExternalFragmentForS3Object, typenameIntrospection: maxDepth !== 3, includeMetaData: true });
        for (const kind of ['queries', 'mutations', 'subscriptions', 'fragments'] as const) {
          for (const statement of operations[kind]?.values() ?? []) {
            const text = typeof statement === 'string' ? statement : statement.graphql;
            const expected = alone(text);
            assert.equal(printStatementGraphql(text), expected, text);
            if (/\(\n/.test(expected)) broken++;
          }
        }
      }
    }
    if (name === 'long names' || name === 'rich') assert.ok(broken > 0, 'some variables or arguments one per line');
  });
}

test('shapes outside the printed ones are left to prettier', () => {
  for (const text of [
    '# a comment\nquery C { c }\n',
    'query A1 { a }\n\nquery A2 { a }\n',
    '{ shorthand }\n',
    'query Q($a: Int = 1) { q(a: $a) }\n',
    'query Q { q(a: 1) }\n',
    'query Q { q @skip(if: true) }\n',
    'query Q {\n  a\n\n  b\n}\n',
    'query Q( { q }\n',
  ]) {
    assert.equal(printStatementGraphql(text), undefined, text);
  }
  assert.equal(printStatementGraphql('query F($a: [ID!]!) { f(a: $a) { ... on T { x } ...G } }\n'), alone('query F($a: [ID!]!) { f(a: $a) { ... on T { x } ...G } }\n'));
});
