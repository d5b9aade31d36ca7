/**
 * `--format graphql-codegen`: statements and, with a type target, types, both from the AppSync schema, as
 * `@aws-amplify/graphql-generator` produces them: `generateStatements` is the docs generator's
 * `generateGraphQLDocuments` followed by its `GraphQLStatementsFormatter` per operation file (mirrored below
 * with the generator's own modules), `generateTypes` runs over the `graphql` statements. Empty documents are
 * dropped (amplify-backend #3280). When both targets are TypeScript the statements import their types from
 * `./API`, as the real tool wires them.
 *
 * Within a run, the generated documents (one set per depth/typename/S3-fragment choice) and the formatted
 * statements are computed once: the `graphql` statements that feed every type target are the same files the
 * `graphql` target writes, and the javascript/typescript/flow/angular targets share one set of documents.
 * Each set's statements are printed in prettier's GraphQL form directly (`graphqlStatementPrinter.ts`; other shapes
 * go through prettier in one call, `primeGraphqlFormats`), and the
 * generators' schema loaders build the AppSync schema once per run (`schemaOnce.ts`).
 */
import type { GeneratedOperations, GraphQLWithMeta } from '@aws-amplify/graphql-docs-generator';
import type { generateTypes as GenerateTypes } from '@aws-amplify/graphql-generator/lib/types.js';
import type { ResolvedGenerateOptions } from '../options.js';
import type { CodegenRun } from '../codegenRun.js';
import { isEmptyGraphqlDocument } from './emptyGraphqlDocument.js';
import { generatorModule } from './generatorModules.js';
import { useHandlebarsOnce } from './handlebarsOnce.js';
import { printStatementGraphql } from './graphqlStatementPrinter.js';
import { graphqlFormatsOf, primeGraphqlFormats, seedGraphqlFormats, usePrettierOnce } from './prettierOnce.js';
import { withSchemaOnce } from './schemaOnce.js';
import { formatStatementsFile } from './statementsFormatter.js';

type StatementsTarget = Extract<ResolvedGenerateOptions, { format: 'graphql-codegen' }>['statementTarget'];
type Operations = GeneratedOperations<GraphQLWithMeta>;

// The generator's own modules and dependencies (the copies `generateStatements`/`generateTypes` run).
const { generateGraphQLDocuments } = generatorModule<typeof import('@aws-amplify/graphql-docs-generator')>('graphql-generator', '@aws-amplify/graphql-docs-generator');
const { GraphQLStatementsFormatter, statementsTargetToFileExtensionMap } = generatorModule('graphql-generator', './utils/index.js') as {
  GraphQLStatementsFormatter: new (language: StatementsTarget, operation?: string, typesPath?: string) => { format: (statements: Map<string, unknown>) => string };
  statementsTargetToFileExtensionMap: Record<StatementsTarget, string>;
};
// The types generator is loaded when a type target first needs it.
const loadTypesGenerator = () => generatorModule<{ generateTypes: typeof GenerateTypes }>('graphql-generator', './types.js');
const generateTypes: typeof GenerateTypes = (options) => loadTypesGenerator().generateTypes(options);
// The types generator parses `Source` objects with its own graphql@15 copy, which checks `instanceof Source`:
// build them from that same copy, not from this package's graphql.
const { Source } = generatorModule<typeof import('graphql')>('types-generator', 'graphql');

usePrettierOnce();
useHandlebarsOnce();

type StatementOptions = { maxDepth: number; typenameIntrospection: boolean };

type DocumentOptions = StatementOptions & { useExternalFragmentForS3Object: boolean };

/**
 * The options `generateGraphQLDocuments` gets for `options`: `useExternalFragmentForS3Object` only changes the
 * documents of a schema with an `S3Object` type (the docs generator's `isS3Object` asks for that name; without
 * such a type no fragment is external, and the fragments list is empty either way). For a schema whose text does
 * not name `S3Object`, the `graphql` target (true) and the other targets (false) share one set of documents.
 */
export const documentOptionsFor = (schema: string, options: DocumentOptions): DocumentOptions =>
  schema.includes('S3Object') ? options : { ...options, useExternalFragmentForS3Object: false };

const documentsKey = (run: CodegenRun, schema: string, requested: DocumentOptions) => `documents ${run.keyOf(schema)} ${JSON.stringify(documentOptionsFor(schema, requested))}`;

const statementTexts = (operations: Operations): string[] =>
  (['queries', 'mutations', 'subscriptions', 'fragments'] as const).flatMap((kind) => [...(operations[kind]?.values() ?? [])].flatMap((statement) => (typeof statement === 'string' ? [statement] : statement ? [statement.graphql] : [])));

/** `generateGraphQLDocuments` as `generateStatements` calls it, once per run and options. */
const documentsFor = (run: CodegenRun, schema: string, requested: DocumentOptions): Operations =>
  run.once(documentsKey(run, schema, requested), () => {
    const options = documentOptionsFor(schema, requested);
    const operations = withSchemaOnce(run, () => generateGraphQLDocuments(schema, { ...options, includeMetaData: true }));
    // Every target formats each statement's GraphQL with prettier first: printed directly in prettier's form
    // (`graphqlStatementPrinter.ts`), and the statements of other shapes in one prettier call.
    const texts = [...new Set(statementTexts(operations))];
    const printed = texts.map((text) => [text, printStatementGraphql(text)] as const);
    seedGraphqlFormats(printed.filter((pair): pair is readonly [string, string] => pair[1] !== undefined));
    primeGraphqlFormats(printed.filter(([, formatted]) => formatted === undefined).map(([text]) => text));
    return operations;
  });

/**
 * Documents computed in one run, with their statements' prettier GraphQL results, as they cross to another
 * thread (structured clone: the operations are maps of plain objects and strings).
 */
export type SharedDocuments = { entries: [string, Operations][]; formats: [string, string][] };

/** The document option sets the graphql-codegen requests need (the `graphql` statements feed every type target). */
const documentOptionSets = (requests: readonly GraphqlCodegenOptions[]): DocumentOptions[] =>
  requests.flatMap((options) => [
    ...(options.statementTarget === 'graphql' || options.typeTarget ? [{ ...statementOptionsOf(options), useExternalFragmentForS3Object: true }] : []),
    ...(options.statementTarget !== 'graphql' ? [{ ...statementOptionsOf(options), useExternalFragmentForS3Object: false }] : []),
  ]);

/**
 * The documents `requests` need, generated in `run` (once, as their parts would), for the other threads of a
 * batch (`useSharedDocuments`). Undefined when generating them fails: each part then meets the error itself.
 */
export const shareDocuments = (run: CodegenRun, schema: string, requests: readonly GraphqlCodegenOptions[]): SharedDocuments | undefined => {
  try {
    const entries = new Map<string, Operations>();
    for (const options of documentOptionSets(requests)) entries.set(documentsKey(run, schema, options), documentsFor(run, schema, options));
    return { entries: [...entries], formats: graphqlFormatsOf([...entries.values()].flatMap(statementTexts)) };
  } catch {
    return undefined;
  }
};

/** Take documents another thread generated into `run` (the same documents and prettier results this run would compute). */
export const useSharedDocuments = (run: CodegenRun, shared: SharedDocuments): void => {
  for (const [key, operations] of shared.entries) run.once(key, () => operations);
  seedGraphqlFormats(shared.formats);
};

/** `generatedOperationsToOutput` of `@aws-amplify/graphql-generator` (`statements.ts`), its formatter's prettier pass done directly. */
const formatStatements = (target: StatementsTarget, operations: Operations, relativeTypesPath: string | undefined): Record<string, string> => {
  const fileExtension = statementsTargetToFileExtensionMap[target];
  const files: Record<string, string> = {};
  for (const operation of ['queries', 'mutations', 'subscriptions'] as const) {
    if (!operations[operation]?.size) continue;
    files[`${operation}.${fileExtension}`] = formatStatementsFile(target, operation, relativeTypesPath, operations[operation]);
  }
  if (fileExtension === 'graphql' && operations.fragments.size) {
    files['fragments.graphql'] = new GraphQLStatementsFormatter(target).format(operations.fragments);
  }
  return files;
};

/** `generateStatements` for a target, empty documents dropped; once per run and options. */
const statementsFor = (run: CodegenRun, schema: string, target: StatementsTarget, options: StatementOptions, relativeTypesPath: string | undefined) =>
  run.once(`statements ${run.keyOf(schema)} ${target} ${JSON.stringify(options)} ${relativeTypesPath}`, () => {
    const operations = documentsFor(run, schema, { ...options, useExternalFragmentForS3Object: target === 'graphql' });
    return Object.fromEntries(Object.entries(formatStatements(target, operations, relativeTypesPath)).filter(([, contents]) => !isEmptyGraphqlDocument(contents)));
  });

type GraphqlCodegenOptions = Extract<ResolvedGenerateOptions, { format: 'graphql-codegen' }>;

// generateStatements' defaults.
const statementOptionsOf = (options: GraphqlCodegenOptions): StatementOptions => ({ maxDepth: options.maxDepth ?? 2, typenameIntrospection: options.typeNameIntrospection ?? true });

/** The statement files of a graphql-codegen request. */
export const generateStatementFiles = (appsyncSchema: string, options: GraphqlCodegenOptions, run: CodegenRun): Record<string, string> => {
  // getOutputFileName(null, 'typescript') is src/API.ts; the statements sit beside it, so './API'.
  const relativeTypesPath = options.statementTarget === 'typescript' && options.typeTarget === 'typescript' ? './API' : undefined;
  return { ...statementsFor(run, appsyncSchema, options.statementTarget, statementOptionsOf(options), relativeTypesPath) };
};

/** The type files of a graphql-codegen request (none without a type target). */
export const generateTypeFiles = async (appsyncSchema: string, options: GraphqlCodegenOptions, run: CodegenRun): Promise<Record<string, string>> => {
  const typeTarget = options.typeTarget;
  if (!typeTarget) return {};
  const queries = Object.entries(statementsFor(run, appsyncSchema, 'graphql', statementOptionsOf(options), undefined)).map(([fileName, contents]) => new Source(contents, fileName));
  return withSchemaOnce(run, () =>
    generateTypes({
      schema: appsyncSchema,
      target: typeTarget,
      queries: queries as never, // declared against graphql-generator's graphql types; same runtime class
      multipleSwiftFiles: options.multipleSwiftFiles,
    }),
  );
};

export const generateGraphqlCodegenFiles = async (appsyncSchema: string, options: GraphqlCodegenOptions, run: CodegenRun): Promise<Record<string, string>> => {
  const statements = generateStatementFiles(appsyncSchema, options, run);
  return { ...statements, ...(await generateTypeFiles(appsyncSchema, options, run)) };
};
