/**
 * `ampx generate graphql-client-code` as a library call: resolve the flags with the real defaults, pick the
 * schema the real tool reads for the format (model schema for modelgen/introspection, the transformed AppSync
 * schema for graphql-codegen), run the official generators and write the files under `--out` (default cwd).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NoDataResourceError } from './errors.js';
import { resolveGenerateOptions } from './options.js';
import type { GraphqlClientCodeFlags, ResolvedGenerateOptions } from './options.js';
import { generateModelIntrospectionText, MODEL_INTROSPECTION_FILE_NAME } from './modelIntrospection.js';
import { appSyncAuthenticationTypes, transformModelSchema } from './appsyncSchema.js';
import { servedAppsyncSchema } from './servedAppsyncSchema.js';
import type { DataAuthorizationModes, ResolvedDataAuthorization } from './appsyncSchema.js';
import { CodegenRun } from './codegenRun.js';

/** The backend's data resource as codegen needs it; `undefined` when the backend has no `defineData`. */
export type CodegenDataSource = {
  /** The model schema (`modelSchemaFromDataResource(defineData props.schema)`). */
  modelSchema: string;
  /**
   * The deployed AppSync SDL when the caller has it (e.g. from the local AppSync); otherwise it is derived
   * from `modelSchema` with the Amplify transformer using `authorization` (else `authorizationModes` and `hasAuth`).
   */
  appsyncSchema?: string;
  /** The backend model's resolved authorization (`data.authorizationModes` of `loadBackend`), when the caller has it. */
  authorization?: ResolvedDataAuthorization;
  /** `defineData({ authorizationModes })`, resolved as the backend resolves it when `authorization` is not given. */
  authorizationModes?: DataAuthorizationModes;
  hasAuth?: boolean;
  apiName?: string;
};

export type GenerateGraphqlClientCodeOptions = GraphqlClientCodeFlags & {
  data: CodegenDataSource | undefined;
  /** Directory `--out` is resolved against, and file paths are reported relative to (default `process.cwd()`). */
  cwd?: string;
};

export type GenerateGraphqlClientCodeResult = {
  /** Absolute output directory. */
  outDir: string;
  /** Written files relative to `cwd`, in generation order (what the real tool's `filesWritten` holds). */
  filesWritten: string[];
};

/** The real tool's messages when the backend has no GraphQL API (`create_graphql_*_generator.ts`). */
const noDataMessage = (format: ResolvedGenerateOptions['format']) =>
  format === 'graphql-codegen' ? 'Unable to determine AppSync API ID.' : 'Cannot find model schema at amplifyApiModelSchemaS3Uri';

/**
 * The AppSync SDL for a data source: the one given, else the one the local sandbox serves for it
 * (`servedAppsyncSchema.ts`), else — for a schema outside what that is proven equal on — the transformer's.
 */
export const appsyncSchemaFor = async (data: CodegenDataSource): Promise<string> =>
  data.appsyncSchema ??
  servedAppsyncSchema(data.modelSchema, appSyncAuthenticationTypes({ authorization: data.authorization, authorizationModes: data.authorizationModes, hasAuth: data.hasAuth ?? false })) ??
  (await transformModelSchema({ modelSchema: data.modelSchema, authorization: data.authorization, authorizationModes: data.authorizationModes, hasAuth: data.hasAuth ?? false, apiName: data.apiName })).schema;

/**
 * Generate the files of one format in memory: file name (relative, `/`-separated) → contents. Pass the same
 * `run` to several calls to share their common work (the AppSync schema, generated documents, statements).
 * Each format's generator is loaded on first use, so a command loads only the one it runs.
 */
export const generateGraphqlClientCodeFiles = async (
  options: Omit<GenerateGraphqlClientCodeOptions, 'cwd' | 'out'>,
  run: CodegenRun = new CodegenRun(),
): Promise<Record<string, string>> => {
  const resolved = resolveGenerateOptions(options);
  const data = options.data;
  if (!data) throw new NoDataResourceError(noDataMessage(resolved.format));
  switch (resolved.format) {
    case 'introspection':
      return { [MODEL_INTROSPECTION_FILE_NAME]: generateModelIntrospectionText({ modelSchema: data.modelSchema }) };
    case 'modelgen': {
      const { generateModelgenFiles } = await import('./formats/modelgen.js');
      return generateModelgenFiles(data.modelSchema, resolved, run);
    }
    case 'graphql-codegen': {
      const [{ generateGraphqlCodegenFiles }, appsyncSchema] = await Promise.all([
        import('./formats/graphqlCodegen.js'),
        run.once(`appsync schema ${run.keyOf(JSON.stringify(data))}`, () => appsyncSchemaFor(data)),
      ]);
      return generateGraphqlCodegenFiles(appsyncSchema, resolved, run);
    }
  }
};

/** Generate and write; returns the output directory and the files written (relative to `cwd`). */
export const generateGraphqlClientCode = async (options: GenerateGraphqlClientCodeOptions): Promise<GenerateGraphqlClientCodeResult> => {
  const cwd = options.cwd ?? process.cwd();
  const outDir = options.out ? path.resolve(cwd, options.out) : cwd;
  const files = await generateGraphqlClientCodeFiles(options);
  const filesWritten: string[] = [];
  for (const [fileName, contents] of Object.entries(files)) {
    const absolute = path.resolve(outDir, fileName);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, contents);
    filesWritten.push(path.relative(cwd, absolute));
  }
  return { outDir, filesWritten };
};
