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
  });
  const inRun = withSchemaOnce(run, () => docsLoading.buildSchema(sdl));
  assert.notEqual(withSchemaOnce(new CodegenRun(), () => docsLoading.buildSchema(sdl)), inRun, 'another run builds its own');
  assert.notEqual(docsLoading.buildSchema(sdl), inRun, 'outside a run: built at each call');
  assert.notEqual(docsLoading.buildSchema(sdl), docsLoading.buildSchema(sdl));
});

const graphql = generatorRequire('graphql') as typeof import('graphql');
/** A schema's definitions, whatever their order: its types printed, and its directives, sorted by name. */
const definitions = (schema: object) => {
  const sorted = graphql.lexicographicSortSchema(schema as import('graphql').GraphQLSchema);
  const directives = sorted.getDirectives().map((directive) => JSON.stringify([directive.name, directive.isRepeatable, directive.locations, directive.args.map((arg) => [arg.name, String(arg.type), arg.defaultValue])]));
  return { types: graphql.printSchema(sorted), directives };
};

test('a loader error is the loader\'s own, at every call; where the types generator cannot build, the docs generator builds its own', () => {
  const run = new CodegenRun();
  const outcome = (build: () => unknown) => {
    try {
      const schema = build();
      return { built: definitions(schema as object) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  // A syntax error, an SDL that does not validate, and one that only the docs generator's joined text reads
  // (a description it gives to its first AppSync scalar).
  for (const text of ['type Query {', 'type Query {\n  a: Unknown\n}\n', 'type Query {\n  a: String\n}\n"dangling description"']) {
    const docsOwn = outcome(() => docsLoading.buildSchema(text));
    const typesOwn = outcome(() => typesLoading.parseSchema(text, false));
    assert.ok('error' in typesOwn, text);
    withSchemaOnce(run, () => {
      assert.deepEqual(outcome(() => docsLoading.buildSchema(text)), docsOwn, text);
      assert.deepEqual(outcome(() => docsLoading.buildSchema(text)), docsOwn, text);
      assert.deepEqual(outcome(() => typesLoading.parseSchema(text, false)), typesOwn, text);
    });
  }
});

test('within a run the docs generator gets the types generator\'s schema of an SDL, which defines what its own would', () => {
  const run = new CodegenRun();
  const [docs, types] = withSchemaOnce(run, () => [docsLoading.buildSchema(sdl), typesLoading.parseSchema(sdl, false)]);
  assert.equal(docs, types, 'one schema, built once');
  // The docs generator's own build (its AWS_APPSYNC_SDL after the SDL) and the types generator's (its
  // awsAppSyncDirectives.graphql before it) define the same types and directives.
  assert.deepEqual(definitions(docsLoading.buildSchema(sdl)), definitions(types!));
  // A text the docs generator reads as an introspection result: its own build.
  const introspection = JSON.stringify(graphql.introspectionFromSchema(graphql.buildSchema(sdl)));
  const fromIntrospection = withSchemaOnce(new CodegenRun(), () => docsLoading.buildSchema(introspection)) as import('graphql').GraphQLSchema;
  assert.equal(fromIntrospection.getDirective('aws_subscribe'), undefined, 'built from the introspection result, without the AppSync directives');
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
