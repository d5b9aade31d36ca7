import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { appsyncSchemaFor, modelSchemaFromDataResource } from '../index.js';
import type { CodegenDataSource } from '../index.js';
import { docsAppSchema, generatedSchema, richSchema } from '../testing/schemas.js';
import { primeGraphqlFormats, usePrettierOnce } from './prettierOnce.js';

/**
 * `primeGraphqlFormats` formats many statements in one prettier call and keeps, per statement, the piece of the
 * batch: each piece must be what prettier returns for that statement alone, for every statement the docs
 * generator writes on the docs-app and rich schemas (both S3-fragment choices, three depths) and on the 50-model
 * schema (the bench's depth); and a batch that does not cut into one piece per statement keeps nothing.
 */
const generatorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator'));
const { generateGraphQLDocuments } = generatorRequire('@aws-amplify/graphql-docs-generator') as typeof import('@aws-amplify/graphql-docs-generator');
const prettier = generatorRequire('prettier') as { format: (text: string, options: object) => string };
usePrettierOnce();
// `plugins` given: prettier itself, past the wrapper (and its results).
const alone = (text: string) => prettier.format(text, { parser: 'graphql', plugins: [] });

// Results kept by an earlier call (in this process) are not formatted again.
const primed = new Set<string>();

const sources: [string, CodegenDataSource, number[]][] = [
  ['docs-app', { modelSchema: modelSchemaFromDataResource(docsAppSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool' } }, [1, 2, 3]],
  ['rich', { modelSchema: modelSchemaFromDataResource(richSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} } }, [1, 2, 3]],
  // The bench's depth (each statement alone takes prettier milliseconds: 400 per depth here).
  ['generated 50 models', { modelSchema: modelSchemaFromDataResource(generatedSchema(50)), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} } }, [2]],
];

for (const [name, data, depths] of sources) {
  test(`${name}: every primed statement is prettier's result for the statement alone`, async () => {
    const schema = await appsyncSchemaFor(data);
    for (const useExternalFragmentForS3Object of [true, false]) {
      for (const maxDepth of depths) {
        const operations = generateGraphQLDocuments(schema, { maxDepth, useExternalFragmentForS3Object, typenameIntrospection: maxDepth !== 3, includeMetaData: true });
        const texts = [
          ...new Set(
            (['queries', 'mutations', 'subscriptions', 'fragments'] as const).flatMap((kind) =>
              [...(operations[kind]?.values() ?? [])].map((statement) => (typeof statement === 'string' ? statement : statement.graphql)),
            ),
          ),
        ];
        const expected = texts.map(alone);
        const fresh = texts.filter((text) => !primed.has(text));
        assert.equal(primeGraphqlFormats(texts), fresh.length < 2 ? 0 : fresh.length, `every new statement primed (depth ${maxDepth})`);
        fresh.forEach((text) => primed.add(text));
        texts.forEach((text, at) => assert.equal(prettier.format(text, { parser: 'graphql' }), expected[at], text));
      }
    }
  });
}

test('a batch that does not cut into one piece per statement keeps nothing', () => {
  // Two definitions in one text: three pieces for two texts.
  const two = 'query A1 { a }\n\nquery A2 { a }\n';
  assert.equal(primeGraphqlFormats([two, 'query B { b }\n']), 0, 'a text with two definitions');
  assert.equal(prettier.format(two, { parser: 'graphql' }), alone(two));
  // A statement that is not what its text opens with (a fragment first, then the operation).
  assert.equal(primeGraphqlFormats(['query Q { q }\n', 'fragment F on T { f }\n\nquery R { r }\n']), 0, 'pieces out of step with the texts');
  assert.equal(primeGraphqlFormats(['# a comment\nquery C { c }\n', 'query D { d }\n']), 0, 'comments are left to prettier');
  assert.equal(primeGraphqlFormats(['{ shorthand }\n', 'query E { e }\n']), 0, 'an unnamed statement');
  assert.equal(primeGraphqlFormats(['query F { f }\n', 'query G { g }\n']), 2);
  assert.equal(prettier.format('query F { f }\n', { parser: 'graphql' }), 'query F {\n  f\n}\n');
});
