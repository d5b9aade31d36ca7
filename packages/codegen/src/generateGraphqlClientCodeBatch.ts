/**
 * Several `generate graphql-client-code` requests (formats and targets) for one backend, in one process, with
 * the same files each request gives alone (`generateGraphqlClientCodeFiles`).
 *
 * The work is cut into jobs — the AppSync schema (`appsyncSchemaFor`: the served SDL, or the Amplify transformer
 * for a schema outside what that is proven on, when a graphql-codegen request needs it and the data source has
 * no `appsyncSchema`), a modelgen or introspection target, or the statements or the
 * types of a graphql-codegen target — and spread over worker threads (default: one per core, at most 4, at most
 * one per job; with one thread the jobs run on this one). The types parts of requests with the same statement
 * options are one job (one thread): they share the parsed schema and documents, the validation and the compiled
 * IR. This thread only hands out jobs, largest first, the AppSync schema before all: the jobs run synchronously
 * for seconds, and a thread running one could not hand the next to a worker that finished. While one worker transforms the schema, the others start on the modelgen
 * jobs, which need only the model schema, then load the graphql-codegen generators; once the schema is there,
 * those warm workers take the largest graphql-codegen parts first. Each worker keeps one `CodegenRun`, so the
 * jobs it runs share generated documents and formatted statements; the schema job also generates the documents
 * the graphql-codegen requests need (with their statements' prettier results), and each other worker gets them
 * with its first graphql-codegen part instead of generating them again.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CodegenRun } from './codegenRun.js';
import * as errors from './errors.js';
import { appsyncSchemaFor, generateGraphqlClientCodeFiles, type CodegenDataSource } from './generateGraphqlClientCode.js';
import { resolveGenerateOptions, type GraphqlClientCodeFlags, type ResolvedGenerateOptions } from './options.js';
import type { SharedDocuments } from './formats/graphqlCodegen.js';

type Part = 'files' | 'statements' | 'types';

export type GraphqlClientCodeBatchTiming = {
  /** `AppSync schema`, loading generators, or the request's format and target and, for graphql-codegen, the part. */
  label: string;
  /** 0 for this thread, 1… for the workers. */
  thread: number;
  /** Start, relative to the start of the batch, and duration. */
  startMs: number;
  ms: number;
};

export type GraphqlClientCodeBatchResult = {
  /** The files of each request, in request order (what `generateGraphqlClientCodeFiles` returns for it). */
  files: Record<string, string>[];
  timings: GraphqlClientCodeBatchTiming[];
  threads: number;
};

/** Relative cost of a part for a large schema (only orders the parts, largest first). */
const costOf = (resolved: ResolvedGenerateOptions, part: Part): number => {
  switch (resolved.format) {
    case 'introspection':
      return 1;
    case 'modelgen':
      return { java: 20, swift: 20, dart: 8, javascript: 2, typescript: 1 }[resolved.modelTarget];
    case 'graphql-codegen':
      if (part === 'types') return resolved.typeTarget === 'angular' ? 40 : 12;
      return { typescript: 25, flow: 25, javascript: 20, angular: 6, graphql: 5 }[resolved.statementTarget];
  }
};

const labelOf = (resolved: ResolvedGenerateOptions, part: Part): string => {
  switch (resolved.format) {
    case 'introspection':
      return 'introspection';
    case 'modelgen':
      return `modelgen ${resolved.modelTarget}`;
    case 'graphql-codegen':
      return part === 'types' ? `graphql-codegen ${resolved.statementTarget} types (${resolved.typeTarget})` : `graphql-codegen ${resolved.statementTarget} statements`;
  }
};

/** One part, on whichever thread runs it; `data` carries the AppSync schema for graphql-codegen parts. */
const runPart = async (flags: GraphqlClientCodeFlags, part: Part, data: CodegenDataSource, run: CodegenRun): Promise<Record<string, string>> => {
  if (part === 'files') return generateGraphqlClientCodeFiles({ ...flags, data }, run);
  const resolved = resolveGenerateOptions(flags);
  if (resolved.format !== 'graphql-codegen') throw new Error(`${part} is a graphql-codegen part`);
  const [{ generateStatementFiles, generateTypeFiles }, appsyncSchema] = await Promise.all([import('./formats/graphqlCodegen.js'), appsyncSchemaFor(data)]);
  return part === 'statements' ? generateStatementFiles(appsyncSchema, resolved, run) : generateTypeFiles(appsyncSchema, resolved, run);
};

/**
 * A job as a thread receives it: the AppSync schema, one part of one request, or loading the graphql-codegen
 * generators (given to a thread that would otherwise wait for the AppSync schema).
 */
type WorkRequest =
  | { job: 'appsync schema'; data: CodegenDataSource; requests: GraphqlClientCodeFlags[] }
  | { job: 'load graphql-codegen' }
  | { job: Part; flags: GraphqlClientCodeFlags; data: CodegenDataSource; shared?: SharedDocuments };

/** What the AppSync schema job returns: the schema, and the documents of the graphql-codegen requests generated from it. */
type SchemaResult = { appsyncSchema: string; shared?: SharedDocuments };

const runWork = async (request: WorkRequest, run: CodegenRun): Promise<unknown> => {
  switch (request.job) {
    case 'appsync schema': {
      const appsyncSchema = await appsyncSchemaFor(request.data);
      const resolved = request.requests.map((flags) => resolveGenerateOptions(flags)).flatMap((options) => (options.format === 'graphql-codegen' ? [options] : []));
      const shared = resolved.length ? (await import('./formats/graphqlCodegen.js')).shareDocuments(run, appsyncSchema, resolved) : undefined;
      return { appsyncSchema, shared } satisfies SchemaResult;
    }
    case 'load graphql-codegen':
      (await import('./formats/graphqlCodegen.js')).warmUpGenerators();
      return undefined;
    default:
      if (request.shared) (await import('./formats/graphqlCodegen.js')).useSharedDocuments(run, request.shared);
      return runPart(request.flags, request.job, request.data, run);
  }
};

type SerializedError = { name: string; message: string; stack?: string; resolution?: string };
type WorkResponse = { id: number; value: unknown } | { id: number; error: SerializedError };

const WORKER_DATA = 'sandlot-codegen-batch-worker';

const serializeError = (error: unknown): SerializedError => {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const resolution = (error as { resolution?: unknown }).resolution;
  return { name: error.name, message: error.message, stack: error.stack, ...(typeof resolution === 'string' ? { resolution } : {}) };
};

/** The worker's error, as the class it was thrown as when it is one of ours (`name`, `message`, `resolution` kept). */
const reviveError = (serialized: SerializedError): Error => {
  const ours = (errors as Record<string, unknown>)[serialized.name];
  const prototype = typeof ours === 'function' && ours.prototype instanceof Error ? (ours.prototype as Error) : Error.prototype;
  return Object.assign(Object.create(prototype) as Error, serialized);
};

type Lane = { thread: number; exec: (request: WorkRequest) => Promise<unknown>; close: () => Promise<void> };

/** This thread (a batch on one thread). */
const localLane = (): Lane => {
  const run = new CodegenRun();
  return { thread: 0, exec: (request) => runWork(request, run), close: async () => {} };
};

/** A worker thread running this module; under tsx (sources) it loads it through tsx's API. */
const workerLane = (thread: number): Lane => {
  const url = import.meta.url;
  const bootstrap = url.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`
    : `import(${JSON.stringify(url)})`;
  const worker = new Worker(bootstrap, { eval: true, workerData: WORKER_DATA });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (response: WorkResponse) => {
    const waiter = pending.get(response.id);
    pending.delete(response.id);
    if ('error' in response) waiter?.reject(reviveError(response.error));
    else waiter?.resolve(response.value);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`codegen worker exited (code ${code})`)));
  return {
    thread,
    exec: (request) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...request, id });
      }),
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
};

const serveWork = () => {
  const run = new CodegenRun();
  parentPort!.on('message', async ({ id, ...request }: WorkRequest & { id: number }) => {
    try {
      parentPort!.postMessage({ id, value: await runWork(request as WorkRequest, run) } satisfies WorkResponse);
    } catch (error) {
      parentPort!.postMessage({ id, error: serializeError(error) } satisfies WorkResponse);
    }
  });
};

export const generateGraphqlClientCodeBatch = async (
  data: CodegenDataSource | undefined,
  requests: readonly GraphqlClientCodeFlags[],
  options: { threads?: number } = {},
): Promise<GraphqlClientCodeBatchResult> => {
  const started = performance.now();
  const resolved = requests.map((flags) => resolveGenerateOptions(flags));
  const parts = resolved.flatMap((request, index) =>
    (request.format === 'graphql-codegen' ? (['statements', 'types'] as const).filter((part) => part === 'statements' || request.typeTarget) : (['files'] as const)).map(
      (part) => ({ index, part, needsApi: request.format === 'graphql-codegen', cost: costOf(request, part), label: labelOf(request, part) }),
    ),
  ).map((part, at) => ({ ...part, at }));
  if (!data) {
    // The error the first request throws alone (its format's message).
    for (const flags of requests) await generateGraphqlClientCodeFiles({ ...flags, data });
    return { files: [], timings: [], threads: 0 };
  }
  const needsTransform = data.appsyncSchema === undefined && parts.some((part) => part.needsApi);
  type Part = (typeof parts)[number];
  // The types parts of the requests with the same statement options run as one job, on one thread: they parse
  // the same schema and query documents, validate them and (typescript, flow, angular) compile the same IR, each
  // once per thread (`schemaOnce.ts`), and the first types part on a thread also loads the types generator.
  const typesGroups = new Map<string, Part[]>();
  for (const part of parts) {
    const request = resolved[part.index]!;
    if (part.part !== 'types' || request.format !== 'graphql-codegen') continue;
    const key = JSON.stringify([request.maxDepth ?? null, request.typeNameIntrospection ?? null]);
    typesGroups.set(key, [...(typesGroups.get(key) ?? []), part]);
  }
  const grouped = new Set([...typesGroups.values()].flat());
  type PartsJob = { kind: 'parts'; parts: Part[]; needsApi: boolean; cost: number };
  type Job = { kind: 'appsync schema'; label: string } | PartsJob;
  const partJobs: PartsJob[] = [
    ...parts.filter((part) => !grouped.has(part)).map((part) => ({ kind: 'parts' as const, parts: [part], needsApi: part.needsApi, cost: part.cost })),
    ...[...typesGroups.values()].map((group) => ({ kind: 'parts' as const, parts: group, needsApi: true, cost: group.reduce((sum, part) => sum + part.cost, 0) })),
  ];
  const queue: Job[] = [
    ...(needsTransform ? [{ kind: 'appsync schema', label: 'AppSync schema, graphql-codegen documents' } as const] : []),
    ...partJobs.sort((a, b) => b.cost - a.cost || a.parts[0]!.at - b.parts[0]!.at),
  ];
  const wanted = options.threads !== undefined && Number.isFinite(options.threads) && options.threads >= 1 ? Math.floor(options.threads) : Math.min(availableParallelism(), 4);
  const threads = Math.min(wanted, queue.length);
  const lanes = threads === 1 ? [localLane()] : Array.from({ length: threads }, (_, i) => workerLane(i + 1));
  const timings: GraphqlClientCodeBatchTiming[] = [];
  const results = parts.map(() => ({}) as Record<string, string>);

  // The data source with the AppSync schema, for the graphql-codegen parts (set once the schema job is done).
  let apiData: CodegenDataSource | undefined = needsTransform ? undefined : data;
  // The documents the schema job generated, handed once to each other thread with its first graphql-codegen part.
  let shared: SharedDocuments | undefined;
  const sharedWith = new Set<number>();
  let schemaDone!: () => void;
  let schemaFailed!: (error: unknown) => void;
  const schemaReady = new Promise<void>((resolve, reject) => ((schemaDone = resolve), (schemaFailed = reject)));
  schemaReady.catch(() => {}); // the failing lane reports it

  const drain = async (lane: Lane) => {
    let loaded = false;
    for (;;) {
      const at = queue.findIndex((job) => job.kind === 'appsync schema' || !job.needsApi || apiData);
      if (at === -1) {
        if (queue.length === 0) return;
        // Only graphql-codegen parts are left and the schema is on its way: load their generators meanwhile.
        if (!loaded) {
          loaded = true;
          const start = performance.now();
          await lane.exec({ job: 'load graphql-codegen' });
          timings.push({ label: 'load the graphql-codegen generators (waiting for the AppSync schema)', thread: lane.thread, startMs: start - started, ms: performance.now() - start });
          continue;
        }
        await schemaReady;
        continue;
      }
      const job = queue.splice(at, 1)[0]!;
      if (job.kind === 'parts') {
        for (const part of job.parts) {
          const start = performance.now();
          const share = part.needsApi && shared && !sharedWith.has(lane.thread) ? shared : undefined;
          if (share) sharedWith.add(lane.thread);
          results[part.at] = (await lane.exec({ job: part.part, flags: requests[part.index]!, data: part.needsApi ? apiData! : data, ...(share ? { shared: share } : {}) })) as Record<string, string>;
          timings.push({ label: part.label, thread: lane.thread, startMs: start - started, ms: performance.now() - start });
        }
        continue;
      }
      const start = performance.now();
      try {
        const result = (await lane.exec({ job: 'appsync schema', data, requests: [...requests] })) as SchemaResult;
        apiData = { ...data, appsyncSchema: result.appsyncSchema };
        shared = result.shared;
        sharedWith.add(lane.thread);
        schemaDone();
        // Let the lanes that loaded the generators while waiting take the largest parts first.
        await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        schemaFailed(error);
        throw error;
      }
      timings.push({ label: job.label, thread: lane.thread, startMs: start - started, ms: performance.now() - start });
    }
  };

  try {
    await Promise.all(lanes.map(drain));
  } finally {
    await Promise.all(lanes.map((lane) => lane.close()));
  }
  const files = resolved.map((_, index) => Object.assign({}, ...parts.flatMap((part, at) => (part.index === index ? [results[at]] : []))) as Record<string, string>);
  return { files, timings: timings.sort((a, b) => a.startMs - b.startMs), threads };
};

if (!isMainThread && workerData === WORKER_DATA) serveWork();
