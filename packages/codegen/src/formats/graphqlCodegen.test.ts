import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { modelSchemaFromDataResource, transformModelSchema } from '../index.js';
import { docsAppSchema, richSchema } from '../testing/schemas.js';
import { parse } from 'graphql';
import { hasCodeLine, isEmptyGraphqlDocument } from './emptyGraphqlDocument.js';
import { documentOptionsFor } from './graphqlCodegen.js';

/**
 * The `graphql` statement target (documents with external S3Object fragments) and the other targets (without)
 * share one set of documents when the schema has no `S3Object` type: the docs generator returns the same
 * documents for both options then (checked here with the generator itself), and different ones when it has one.
 */
const generatorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator'));
const { generateGraphQLDocuments } = generatorRequire('@aws-amplify/graphql-docs-generator') as typeof import('@aws-amplify/graphql-docs-generator');

const documents = (schema: string, useExternalFragmentForS3Object: boolean) =>
  generateGraphQLDocuments(schema, { maxDepth: 2, typenameIntrospection: true, useExternalFragmentForS3Object, includeMetaData: true });

const S3_SCHEMA = `type S3Object {
  bucket: String!
  key: String!
  region: String!
}
type Photo {
  id: ID!
  file: S3Object
}
type Query {
  getPhoto(id: ID!): Photo
}
`;

test('without an S3Object type both fragment options give the same documents, and share one set', async () => {
  for (const schema of [docsAppSchema(), richSchema()]) {
    const { schema: sdl } = await transformModelSchema({ modelSchema: modelSchemaFromDataResource(schema), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: { expiresInDays: 30 } } });
    assert.ok(!sdl.includes('S3Object'));
    assert.deepEqual(documents(sdl, true), documents(sdl, false));
    const options = { maxDepth: 2, typenameIntrospection: true };
    assert.deepEqual(documentOptionsFor(sdl, { ...options, useExternalFragmentForS3Object: true }), documentOptionsFor(sdl, { ...options, useExternalFragmentForS3Object: false }));
  }
});

test('with an S3Object type the fragment options stay apart', () => {
  assert.notDeepEqual(documents(S3_SCHEMA, true), documents(S3_SCHEMA, false));
  const options = { maxDepth: 2, typenameIntrospection: true };
  assert.equal(documentOptionsFor(S3_SCHEMA, { ...options, useExternalFragmentForS3Object: true }).useExternalFragmentForS3Object, true);
  assert.equal(documentOptionsFor(S3_SCHEMA, { ...options, useExternalFragmentForS3Object: false }).useExternalFragmentForS3Object, false);
});

/**
 * A statements file with a line of code (anything but whitespace before its first `#`) is not empty without being
 * parsed. Where `hasCodeLine` is false, the document is checked by parsing it, as the definition below does alone.
 */
const emptyByParsing = (document: string): boolean => {
  try {
    parse(document);
    return false;
  } catch {
    return document.split('\n').map((line) => line.replace(/#.*$/, '')).join('\n').trim() === '';
  }
};

test('hasCodeLine: true only where a document is not empty; isEmptyGraphqlDocument as parsing decides', () => {
  const texts = [
    '', '\n', '  \n\t\n', '# only a comment\n', '# one\n  # two\n', '\uFEFF\n# bom\n', ',\n', '#\r x\n', 'x # y\n', '  # a\nquery Q {\n  a\n}\n',
    'query Q {\n  a\n}\n', 'query Q {', '/* tslint:disable */\nexport const a = 1;\n', '"""\n# in a block string\n"""\n', 'query Q { a(s: "#") }',
  ];
  for (const text of texts) {
    if (hasCodeLine(text)) assert.equal(emptyByParsing(text), false, JSON.stringify(text));
    assert.equal(isEmptyGraphqlDocument(text), emptyByParsing(text), JSON.stringify(text));
  }
  assert.deepEqual(texts.map(hasCodeLine), [false, false, false, false, false, false, true, true, true, true, true, true, true, true, true]);
  assert.deepEqual(texts.filter((text) => !hasCodeLine(text)).map(isEmptyGraphqlDocument), [true, true, true, true, true, true]);
});
