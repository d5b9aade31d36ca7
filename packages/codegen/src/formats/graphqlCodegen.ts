/**
 * `--format graphql-codegen`: statements (`generateStatements`, empty documents dropped) and, with a type
 * target, types (`generateTypes` over the `graphql` statements), both from the AppSync schema. When both
 * targets are TypeScript the statements import their types from `./API`, as the real tool wires them.
 */
import { createRequire } from 'node:module';
import { generateStatements, generateTypes } from '@aws-amplify/graphql-generator';
import type { ResolvedGenerateOptions } from '../options.js';
import { isEmptyGraphqlDocument } from './emptyGraphqlDocument.js';

// The types generator parses `Source` objects with its own graphql@15 copy, which checks `instanceof Source`:
// build them from that same copy, not from this package's graphql.
const typesGeneratorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-types-generator'));
const { Source } = typesGeneratorRequire('graphql') as typeof import('graphql');

const nonEmpty = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([, contents]) => !isEmptyGraphqlDocument(contents)));

export const generateGraphqlCodegenFiles = async (
  appsyncSchema: string,
  options: Extract<ResolvedGenerateOptions, { format: 'graphql-codegen' }>,
): Promise<Record<string, string>> => {
  const common = { schema: appsyncSchema, maxDepth: options.maxDepth, typenameIntrospection: options.typeNameIntrospection };
  const statements = nonEmpty(
    generateStatements({
      ...common,
      target: options.statementTarget,
      // getOutputFileName(null, 'typescript') is src/API.ts; the statements sit beside it, so './API'.
      relativeTypesPath: options.statementTarget === 'typescript' && options.typeTarget === 'typescript' ? './API' : undefined,
    }),
  );
  if (!options.typeTarget) return statements;
  const queries = Object.entries(nonEmpty(generateStatements({ ...common, target: 'graphql' }))).map(
    ([fileName, contents]) => new Source(contents, fileName),
  );
  const types = await generateTypes({
    schema: appsyncSchema,
    target: options.typeTarget,
    queries: queries as never, // declared against graphql-generator's graphql types; same runtime class

    multipleSwiftFiles: options.multipleSwiftFiles,
  });
  return { ...statements, ...types };
};
