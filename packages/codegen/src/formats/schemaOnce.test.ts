import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { CodegenRun } from '../codegenRun.js';
import { withSchemaOnce } from './schemaOnce.js';

/**
 * Within a run the generators' schema loaders build a schema once per SDL text; outside a run, in another run,
 * or for another text, they build their own. (That every target's files are unchanged by it is held by
 * `generatorParity.test.ts` and `servedAppsyncSchema.test.ts`, which share one run across targets.)
 */
const generatorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator'));
const docsLoading = createRequire(generatorRequire.resolve('@aws-amplify/graphql-docs-generator'))('./generator/utils/loading') as { buildSchema: (sdl: string) => object };
const typesLoading = createRequire(generatorRequire.resolve('@aws-amplify/graphql-types-generator'))('./loading') as { parseSchema: (sdl: string, introspection?: boolean) => object };

const sdl = 'type Query {\n  a: String\n}\n';
const other = 'type Query {\n  b: String\n}\n';

test('the docs and types generators build one schema per SDL text within a run', () => {
  const run = new CodegenRun();
  withSchemaOnce(run, () => {
    assert.equal(docsLoading.buildSchema(sdl), docsLoading.buildSchema(sdl));
    assert.equal(typesLoading.parseSchema(sdl, false), typesLoading.parseSchema(sdl, false));
    assert.notEqual(docsLoading.buildSchema(sdl), docsLoading.buildSchema(other));
    assert.notEqual(docsLoading.buildSchema(sdl), typesLoading.parseSchema(sdl, false), 'each loader its own schema');
  });
  const inRun = withSchemaOnce(run, () => docsLoading.buildSchema(sdl));
  assert.notEqual(withSchemaOnce(new CodegenRun(), () => docsLoading.buildSchema(sdl)), inRun, 'another run builds its own');
  assert.notEqual(docsLoading.buildSchema(sdl), inRun, 'outside a run: built at each call');
  assert.notEqual(docsLoading.buildSchema(sdl), docsLoading.buildSchema(sdl));
});

test('a loader error is the loader\'s own, at every call', () => {
  const run = new CodegenRun();
  withSchemaOnce(run, () => {
    assert.throws(() => docsLoading.buildSchema('type Query {'), /Syntax Error/);
    assert.throws(() => docsLoading.buildSchema('type Query {'), /Syntax Error/);
  });
});

const typesValidation = createRequire(generatorRequire.resolve('@aws-amplify/graphql-types-generator'))('./validation') as { validateQueryDocument: (schema: object, document: object) => void };
const typesDocuments = typesLoading as unknown as { parseAndMergeQueryDocuments: (sources: object[]) => object };
const { Source } = createRequire(generatorRequire.resolve('@aws-amplify/graphql-types-generator'))('graphql') as typeof import('graphql');

test('the types generator parses a list of query documents once within a run, and validation errors stay its own', () => {
  const run = new CodegenRun();
  const sources = () => [new Source('query A {\n  a\n}\n', 'queries.graphql')];
  withSchemaOnce(run, () => {
    const document = typesDocuments.parseAndMergeQueryDocuments(sources());
    assert.equal(typesDocuments.parseAndMergeQueryDocuments(sources()), document, 'same names and texts: one document');
    assert.notEqual(typesDocuments.parseAndMergeQueryDocuments([new Source('query A {\n  a\n}\n', 'other.graphql')]), document, 'another name');
    const schema = typesLoading.parseSchema(sdl, false);
    typesValidation.validateQueryDocument(schema, document);
    typesValidation.validateQueryDocument(schema, document);
    const invalid = typesDocuments.parseAndMergeQueryDocuments([new Source('query B {\n  b\n}\n', 'queries.graphql')]);
    const logged = console.log;
    const error = console.error;
    console.log = console.error = () => {}; // the generator logs each validation error before it throws
    try {
      assert.throws(() => typesValidation.validateQueryDocument(schema, invalid), /Validation of GraphQL query document failed/);
      assert.throws(() => typesValidation.validateQueryDocument(schema, invalid), /Validation of GraphQL query document failed/, 'again: not remembered');
      assert.throws(() => typesValidation.validateQueryDocument(typesLoading.parseSchema(other, false), document), /Validation of GraphQL query document failed/, 'another schema');
    } finally {
      console.log = logged;
      console.error = error;
    }
  });
  assert.notEqual(typesDocuments.parseAndMergeQueryDocuments(sources()), typesDocuments.parseAndMergeQueryDocuments(sources()), 'outside a run: parsed at each call');
});

const typesLegacyIR = createRequire(generatorRequire.resolve('@aws-amplify/graphql-types-generator'))('./compiler/legacyIR') as {
  compileToLegacyIR: (schema: object, document: object, options?: object) => { operations: Record<string, unknown> };
};

test('the types generator compiles a schema and document to legacy IR once per options within a run', () => {
  const run = new CodegenRun();
  const options = () => ({ addTypename: true, complexObjectSupport: 'auto', amplifyJsLibraryVersion: undefined });
  withSchemaOnce(run, () => {
    const schema = typesLoading.parseSchema(sdl, false);
    const document = typesDocuments.parseAndMergeQueryDocuments([new Source('query A {\n  a\n}\n', 'queries.graphql')]);
    const ir = typesLegacyIR.compileToLegacyIR(schema, document, options());
    assert.ok(ir.operations.A, 'the IR of the document');
    assert.equal(typesLegacyIR.compileToLegacyIR(schema, document, options()), ir, 'equal options: one IR');
    assert.notEqual(typesLegacyIR.compileToLegacyIR(schema, document, { ...options(), addTypename: false }), ir, 'other options');
    assert.notEqual(typesLegacyIR.compileToLegacyIR(schema, document, { ...options(), extra: { nested: true } }), ir, 'options not plain values: compiled as called');
    const other = typesDocuments.parseAndMergeQueryDocuments([new Source('query B {\n  a\n}\n', 'queries.graphql')]);
    assert.notEqual(typesLegacyIR.compileToLegacyIR(schema, other, options()), ir, 'another document');
    assert.notEqual(withSchemaOnce(new CodegenRun(), () => typesLegacyIR.compileToLegacyIR(schema, document, options())), ir, 'another run compiles its own');
    assert.notEqual(typesLegacyIR.compileToLegacyIR(schema, document), typesLegacyIR.compileToLegacyIR(schema, document), 'default options: compiled at each call');
  });
  const schema = typesLoading.parseSchema(sdl, false);
  const document = typesDocuments.parseAndMergeQueryDocuments([new Source('query A {\n  a\n}\n', 'queries.graphql')]);
  assert.notEqual(typesLegacyIR.compileToLegacyIR(schema, document, options()), typesLegacyIR.compileToLegacyIR(schema, document, options()), 'outside a run: compiled at each call');
});
