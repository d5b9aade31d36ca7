import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  CodegenRun,
  generateGraphqlClientCodeBatch,
  generateGraphqlClientCodeFiles,
  InvalidSchemaError,
  MODEL_TARGET_CHOICES,
  modelSchemaFromDataResource,
  STATEMENT_TARGET_CHOICES,
  transformModelSchema,
  TYPE_TARGET_CHOICES,
} from './index.js';
import type { CodegenDataSource, GraphqlClientCodeFlags } from './index.js';
import { docsAppSchema, richSchema } from './testing/schemas.js';

/**
 * Parity: the files Sandlot writes are byte-identical to what `@aws-amplify/graphql-generator`'s own entry
 * points (`generateModels`, `generateStatements`, `generateTypes`) produce, run untouched in a separate Node
 * process (no shared schema or documents, no formatter or template reuse).
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));

type Case = { flags: GraphqlClientCodeFlags };
type Reference = Record<string, string> | { error: string };

/** The generators' own entry points, composed as `ampx generate graphql-client-code` composes them. */
const REFERENCE = String.raw`
const { generateModels, generateStatements, generateTypes } = require('@aws-amplify/graphql-generator');
const { parse } = require('graphql');
const { Source } = require(require.resolve('graphql', { paths: [require.resolve('@aws-amplify/graphql-types-generator')] }));
const isEmpty = (text) => { try { parse(text); return false; } catch { return text.split('\n').map((l) => l.replace(/#.*$/, '')).join('\n').trim() === ''; } };
const nonEmpty = (files) => Object.fromEntries(Object.entries(files).filter(([, c]) => !isEmpty(c)));
const DEFAULT_TYPES = { javascript: undefined, typescript: 'typescript', graphql: undefined, flow: 'flow', angular: 'angular' };
const one = async ({ modelSchema, appsyncSchema }, f) => {
  if (f.format === 'modelgen') {
    return generateModels({ schema: modelSchema, target: f.modelTarget, generateIndexRules: f.modelGenerateIndexRules, emitAuthProvider: f.modelEmitAuthProvider,
      respectPrimaryKeyAttributesOnConnectionField: f.modelRespectPrimaryKeyAttributesOnConnectionField, generateModelsForLazyLoadAndCustomSelectionSet: f.modelGenerateModelsForLazyLoadAndCustomSelectionSet,
      addTimestampFields: f.modelAddTimestampFields, handleListNullabilityTransparently: f.modelHandleListNullabilityTransparently });
  }
  const target = f.statementTarget ?? 'typescript';
  const typeTarget = f.typeTarget ?? DEFAULT_TYPES[target];
  const common = { schema: appsyncSchema, maxDepth: f.statementMaxDepth, typenameIntrospection: f.statementTypenameIntrospection };
  const statements = nonEmpty(generateStatements({ ...common, target, relativeTypesPath: target === 'typescript' && typeTarget === 'typescript' ? './API' : undefined }));
  if (!typeTarget) return statements;
  const queries = Object.entries(nonEmpty(generateStatements({ ...common, target: 'graphql' }))).map(([name, contents]) => new Source(contents, name));
  return { ...statements, ...(await generateTypes({ schema: appsyncSchema, target: typeTarget, queries, multipleSwiftFiles: f.typeMultipleSwiftFiles })) };
};
let input = '';
process.stdin.on('data', (chunk) => (input += chunk)).on('end', async () => {
  const { sources, cases } = JSON.parse(input);
  const out = [];
  for (const source of sources) for (const f of cases) out.push(await one(source, f).catch((error) => ({ error: error.name + ': ' + error.message })));
  process.stdout.write(JSON.stringify(out));
});`;

const sources: CodegenDataSource[] = [
  { modelSchema: modelSchemaFromDataResource(docsAppSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool' } },
  { modelSchema: modelSchemaFromDataResource(richSchema()), hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: { expiresInDays: 30 } } },
];
const cases: Case[] = [
  ...MODEL_TARGET_CHOICES.map((modelTarget) => ({ flags: { format: 'modelgen', modelTarget } })),
  { flags: { format: 'modelgen', modelTarget: 'java', modelGenerateModelsForLazyLoadAndCustomSelectionSet: false, modelAddTimestampFields: false } },
  { flags: { format: 'modelgen', modelTarget: 'swift', modelGenerateIndexRules: false, modelEmitAuthProvider: false, modelHandleListNullabilityTransparently: false, modelRespectPrimaryKeyAttributesOnConnectionField: false } },
  { flags: { format: 'modelgen', modelTarget: 'dart', modelAddTimestampFields: false } },
  ...STATEMENT_TARGET_CHOICES.map((statementTarget) => ({ flags: { format: 'graphql-codegen', statementTarget } })),
  ...TYPE_TARGET_CHOICES.map((typeTarget) => ({ flags: { format: 'graphql-codegen', statementTarget: 'graphql', typeTarget } })),
  { flags: { format: 'graphql-codegen', statementTarget: 'typescript', typeTarget: 'swift', typeMultipleSwiftFiles: true, statementMaxDepth: 1, statementTypenameIntrospection: false } },
  { flags: { format: 'graphql-codegen', statementTarget: 'javascript', typeTarget: 'typescript', statementMaxDepth: 4 } },
  { flags: { format: 'graphql-codegen', statementTarget: 'flow', typeTarget: 'flow-modern', statementTypenameIntrospection: false } },
  { flags: { format: 'graphql-codegen', statementTarget: 'angular', typeTarget: 'angular', statementMaxDepth: 3 } },
];

const withAppsyncSchemas = async () =>
  Promise.all(sources.map(async (data) => ({ ...data, appsyncSchema: (await transformModelSchema({ modelSchema: data.modelSchema, authorizationModes: data.authorizationModes, hasAuth: data.hasAuth ?? false })).schema })));

/** The reference outputs, computed by a child process (while this one computes its own). */
const reference = (resolvedSources: CodegenDataSource[]): Promise<Reference[]> =>
  new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', REFERENCE], { cwd: packageDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as Reference[]),
    );
    child.stdin!.end(JSON.stringify({ sources: resolvedSources, cases: cases.map(({ flags }) => flags) }));
  });

const ours = async (data: CodegenDataSource, flags: GraphqlClientCodeFlags, run: CodegenRun): Promise<Reference> =>
  generateGraphqlClientCodeFiles({ ...flags, data }, run).catch((error: Error) => ({ error: `${error.name}: ${error.message}` }));

test('every format and target is byte-identical to the generators run on their own (shared run and one run per call)', async () => {
  // The rich schema covers what the docs-app schema has (and relationships, indexes, enums, custom types and operations).
  const data = (await withAppsyncSchemas())[1]!;
  const expected = reference([data]);
  const shared = new CodegenRun();
  const withShared: Reference[] = [];
  for (const { flags } of cases) withShared.push(await ours(data, flags, shared));
  const withOwn: Reference[] = [];
  for (const { flags } of cases) withOwn.push(await ours(data, flags, new CodegenRun()));
  const want = await expected;
  cases.forEach(({ flags }, at) => {
    assert.deepEqual(withShared[at], want[at], `shared run: ${JSON.stringify(flags)}`);
    assert.deepEqual(withOwn[at], want[at], `own run: ${JSON.stringify(flags)}`);
  });
});

test('a batch over this thread and worker threads returns, per request, the files of the request alone', async () => {
  const [docsApp, rich] = sources as [CodegenDataSource, CodegenDataSource];
  const requests: GraphqlClientCodeFlags[] = [
    { format: 'introspection' },
    { format: 'modelgen', modelTarget: 'java' },
    { format: 'modelgen', modelTarget: 'typescript' },
    { format: 'graphql-codegen', statementTarget: 'typescript' },
    { format: 'graphql-codegen', statementTarget: 'angular' },
    { format: 'graphql-codegen', statementTarget: 'graphql', typeTarget: 'json' },
  ];
  for (const data of [docsApp, rich]) {
    const alone = await Promise.all(requests.map((flags) => generateGraphqlClientCodeFiles({ ...flags, data })));
    for (const threads of [2, 1]) {
      const batch = await generateGraphqlClientCodeBatch(data, requests, { threads });
      assert.equal(batch.threads, threads);
      assert.deepEqual(batch.files, alone, `threads: ${threads}`);
      assert.ok(batch.timings.some((timing) => timing.label === 'AppSync schema, graphql-codegen documents'));
      // Which thread takes which job depends on when the worker is up (this thread does not wait for it).
      assert.ok(batch.timings.every((timing) => timing.thread < threads), 'this thread and a worker, or this thread alone');
      const types = batch.timings.filter((timing) => / types \(/.test(timing.label));
      assert.equal(types.length, 3);
      assert.equal(new Set(types.map((timing) => timing.thread)).size, 1, 'the types parts (same statement options) on one thread');
    }
    const workersOnly = await generateGraphqlClientCodeBatch(data, requests, { threads: 2, mainThread: false });
    assert.deepEqual(workersOnly.files, alone, 'every job on a worker');
    assert.ok(workersOnly.timings.every((timing) => timing.thread === 1 || timing.thread === 2), 'the two workers, this thread kept free');
  }
});

test('a batch rejects with the error a request throws alone, also from a worker thread', async () => {
  const data = { ...sources[0]!, appsyncSchema: (await withAppsyncSchemas())[0]!.appsyncSchema };
  const isSchemaError = (error: Error) => {
    assert.ok(error instanceof InvalidSchemaError, error.name);
    assert.match(error.message, /^Invalid schema: Syntax Error/);
    assert.equal((error as InvalidSchemaError).resolution, 'Check your data schema definition for syntax and type errors.');
    return true;
  };
  const broken: CodegenDataSource = { modelSchema: 'type Todo @model { id: ID!', hasAuth: true };
  const modelgen = [{ format: 'modelgen', modelTarget: 'java' }, { format: 'modelgen', modelTarget: 'swift' }] as const;
  await assert.rejects(generateGraphqlClientCodeBatch(broken, modelgen, { threads: 2 }), isSchemaError);
  // Every job on a worker (this thread kept free): the error crosses the thread boundary as the class it was thrown as.
  await assert.rejects(generateGraphqlClientCodeBatch(broken, modelgen, { threads: 2, mainThread: false }), isSchemaError);
  // A generator's own error (scala types have no subscription support) keeps its name and message.
  const scala = [{ format: 'graphql-codegen', statementTarget: 'graphql', typeTarget: 'scala' }];
  const alone = await generateGraphqlClientCodeFiles({ ...scala[0], data }).catch((error: Error) => error);
  await assert.rejects(generateGraphqlClientCodeBatch(data, [...scala, ...scala], { threads: 2 }), { name: (alone as Error).name, message: (alone as Error).message });
  await assert.rejects(generateGraphqlClientCodeBatch(undefined, [{ format: 'modelgen' }]), { name: 'NoDataResourceError', message: 'Cannot find model schema at amplifyApiModelSchemaS3Uri' });
});
