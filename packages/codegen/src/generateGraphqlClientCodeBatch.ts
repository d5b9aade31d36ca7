/**
 * Several `generate graphql-client-code` requests (formats and targets) for one backend, in one process, with
 * the same files each request gives alone (`generateGraphqlClientCodeFiles`).
 *
 * The work is cut into jobs — the AppSync schema (`appsyncSchemaFor`: the served SDL, or the Amplify transformer
 * for a schema outside what that is proven on, when a graphql-codegen request needs it and the data source has
 * no `appsyncSchema`), a modelgen or introspection target, or the statements or the types of a graphql-codegen
 * target — and run on this thread and on worker threads (default: one thread per core but one, at least one,
 * at most 4, at most one per job: V8's own background threads — optimizing compiles and GC for every thread —
 * take about a core's worth; on 2 cores one thread finished the bench's batch ~0.1 s sooner than two, with ~0.7 s
 * less CPU, as every other thread also loads the generators and compiles the same hot code). The types parts of requests with the same statement options are one job (one thread): they share
 * the parsed schema and documents, the validation and the compiled IR.
 *
 * This thread takes the graphql-codegen jobs, the AppSync schema first, then the largest: they form the longest
 * chain (schema, documents, types), and this thread starts on it at once, while the workers start up. The workers
 * take the jobs that need only the model schema (modelgen, introspection), largest first; a thread whose own jobs
 * are done takes the others' remaining jobs, smallest first. Every thread knows the whole list from the start and
 * claims each job before running it (an atomic compare-and-swap on a shared array), so no thread waits for another
 * to hand it work while that one runs a job for seconds (`mainThread: false` keeps this thread free: the first
 * worker then takes its share). Each thread keeps one `CodegenRun`, so
 * the jobs it runs share generated documents and formatted statements; the schema job also generates the
 * documents the graphql-codegen requests need (with their statements' prettier results), and each worker gets
 * them with the schema instead of generating them again.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, isMainThread, parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
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

/** One part of a request: `at` is its place among all the batch's parts, `index` its request's. */
type PartRef = { at: number; index: number; part: Part; label: string };
/** A job: the AppSync schema, or parts run one after the other on one thread (a types group, or one part). */
type Job = { id: number; kind: 'appsync schema'; label: string } | { id: number; kind: 'parts'; parts: PartRef[]; needsApi: boolean };

/** The AppSync schema, and the documents of the graphql-codegen requests generated from it. */
type Api = { appsyncSchema: string; shared?: SharedDocuments };

/**
 * Everything a worker needs to run its share: the jobs, its order over them, the shared claims, and the port the
 * AppSync schema arrives on (read between jobs without waiting: a worker running jobs back to back does not turn
 * its event loop).
 */
type Plan = { lane: number; jobs: Job[]; order: number[]; claims: SharedArrayBuffer; requests: GraphqlClientCodeFlags[]; data: CodegenDataSource; api?: Api; apiPort: MessagePort };

type SerializedError = { name: string; message: string; stack?: string; resolution?: string };
/** A worker's messages: a part's files, the AppSync schema it computed, a timing, a failure, or the end of its plan. */
type WorkerMessage =
  | { type: 'files'; at: number; files: Record<string, string> }
  | { type: 'api'; api: Api }
  | { type: 'timing'; label: string; startAt: number; ms: number }
  | { type: 'error'; error: SerializedError }
  | { type: 'done' };
/** This thread's message to a worker: its plan (the AppSync schema follows on the plan's `apiPort`). */
type MainMessage = { type: 'plan'; plan: Plan };

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

/** One part, on whichever thread runs it; `data` carries the AppSync schema for graphql-codegen parts. */
const runPart = async (flags: GraphqlClientCodeFlags, part: Part, data: CodegenDataSource, run: CodegenRun): Promise<Record<string, string>> => {
  if (part === 'files') return generateGraphqlClientCodeFiles({ ...flags, data }, run);
  const resolved = resolveGenerateOptions(flags);
  if (resolved.format !== 'graphql-codegen') throw new Error(`${part} is a graphql-codegen part`);
  const [{ generateStatementFiles, generateTypeFiles }, appsyncSchema] = await Promise.all([import('./formats/graphqlCodegen.js'), appsyncSchemaFor(data)]);
  return part === 'statements' ? generateStatementFiles(appsyncSchema, resolved, run) : generateTypeFiles(appsyncSchema, resolved, run);
};

/** The AppSync schema job: the schema, and the documents the graphql-codegen requests need, generated in `run`. */
const runSchemaJob = async (data: CodegenDataSource, requests: readonly GraphqlClientCodeFlags[], run: CodegenRun): Promise<Api> => {
  const appsyncSchema = await appsyncSchemaFor(data);
  const resolved = requests.map((flags) => resolveGenerateOptions(flags)).flatMap((options) => (options.format === 'graphql-codegen' ? [options] : []));
  const shared = resolved.length ? (await import('./formats/graphqlCodegen.js')).shareDocuments(run, appsyncSchema, resolved) : undefined;
  return { appsyncSchema, ...(shared ? { shared } : {}) };
};

/** How a thread's run gets the AppSync schema and hands out what it did (`runLane`). */
type LaneHooks = {
  api: () => Api | undefined;
  waitForApi: () => Promise<Api>;
  /** The schema job finished on this thread. */
  apiDone: (api: Api) => void;
  files: (at: number, files: Record<string, string>) => void;
  timing: (label: string, startAt: number, ms: number) => void;
  stopped: () => boolean;
};

const now = () => performance.timeOrigin + performance.now();

/**
 * One thread's run over a plan: each job of `order` that no other thread has claimed yet, claimed and run. A
 * graphql-codegen job waits for the AppSync schema if it is not there yet (the thread computing it has claimed
 * it first; a worker with nothing else to do then waits rather than load generators it may not use, which on a
 * machine whose cores are all busy would take CPU from the thread computing the schema).
 */
const runLane = async (plan: Omit<Plan, 'claims' | 'api' | 'apiPort'>, claims: Int32Array, run: CodegenRun, hooks: LaneHooks): Promise<void> => {
  let sharedUsed = false;
  for (const id of plan.order) {
    if (hooks.stopped()) return;
    const job = plan.jobs[id]!;
    if (Atomics.compareExchange(claims, id, 0, plan.lane + 1) !== 0) continue;
    if (job.kind === 'appsync schema') {
      const start = now();
      const api = await runSchemaJob(plan.data, plan.requests, run);
      sharedUsed = true; // the documents are this run's own
      hooks.apiDone(api);
      hooks.timing(job.label, start, now() - start);
      continue;
    }
    const api = job.needsApi ? (hooks.api() ?? (await hooks.waitForApi())) : undefined;
    if (api?.shared && !sharedUsed) {
      sharedUsed = true;
      (await import('./formats/graphqlCodegen.js')).useSharedDocuments(run, api.shared);
    }
    const data = api ? { ...plan.data, appsyncSchema: api.appsyncSchema } : plan.data;
    for (const part of job.parts) {
      if (hooks.stopped()) return;
      const start = now();
      const files = await runPart(plan.requests[part.index]!, part.part, data, run);
      hooks.timing(part.label, start, now() - start);
      hooks.files(part.at, files);
    }
  }
};

/** A worker thread running this module; under tsx (sources) it loads it through tsx's API. */
const startWorker = (onMessage: (message: WorkerMessage) => void, onFailure: (error: Error) => void): Worker => {
  const url = import.meta.url;
  const bootstrap = url.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`
    : `import(${JSON.stringify(url)})`;
  const worker = new Worker(bootstrap, { eval: true, workerData: WORKER_DATA });
  worker.on('message', onMessage);
  worker.on('error', onFailure);
  worker.on('exit', (code) => onFailure(new Error(`codegen worker exited (code ${code})`)));
  return worker;
};

/** The worker side: run the plan this thread sends, with the AppSync schema when it arrives. */
const serveWork = () => {
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  // Listening keeps the worker up until this thread terminates it (one plan per worker).
  port.on('message', ({ plan }: MainMessage) => {
    let api = plan.api;
    const { apiPort } = plan;
    const arrived = () => (api ??= receiveMessageOnPort(apiPort)?.message as Api | undefined);
    runLane(plan, new Int32Array(plan.claims), new CodegenRun(), {
      api: arrived,
      waitForApi: () => new Promise<Api>((resolve) => (arrived() ? resolve(api!) : apiPort.once('message', (message: Api) => resolve((api ??= message))))),
      apiDone: (computed) => {
        api = computed;
        post({ type: 'api', api: computed });
      },
      files: (at, files) => post({ type: 'files', at, files }),
      timing: (label, startAt, ms) => post({ type: 'timing', label, startAt, ms }),
      stopped: () => false,
    }).then(
      () => post({ type: 'done' }),
      (error: unknown) => post({ type: 'error', error: serializeError(error) }),
    ).finally(() => apiPort.close());
  });
};

/** One thread per core but one (left to V8's background work), at least one, at most 4. */
const defaultThreads = () => Math.max(1, Math.min(availableParallelism() - 1, 4));

export const generateGraphqlClientCodeBatch = async (
  data: CodegenDataSource | undefined,
  requests: readonly GraphqlClientCodeFlags[],
  options: {
    /** Threads in all, this one included (default: one per core but one, at least 1, at most 4; at most one per job). */
    threads?: number;
    /**
     * false: keep this thread free, every job on a worker (the first one taking this thread's share), for a
     * process that serves requests meanwhile (default true: this thread runs jobs too).
     */
    mainThread?: boolean;
  } = {},
): Promise<GraphqlClientCodeBatchResult> => {
  const started = now();
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
  type Planned = (typeof parts)[number];
  // The types parts of the requests with the same statement options run as one job, on one thread: they parse
  // the same schema and query documents, validate them and (typescript, flow, angular) compile the same IR, each
  // once per thread (`schemaOnce.ts`), and the first types part on a thread also loads the types generator.
  const typesGroups = new Map<string, Planned[]>();
  for (const part of parts) {
    const request = resolved[part.index]!;
    if (part.part !== 'types' || request.format !== 'graphql-codegen') continue;
    const key = JSON.stringify([request.maxDepth ?? null, request.typeNameIntrospection ?? null]);
    typesGroups.set(key, [...(typesGroups.get(key) ?? []), part]);
  }
  const grouped = new Set([...typesGroups.values()].flat());
  const partJobs = [...parts.filter((part) => !grouped.has(part)).map((part) => [part]), ...typesGroups.values()]
    .map((group) => ({ group, needsApi: group[0]!.needsApi, cost: group.reduce((sum, part) => sum + part.cost, 0) }))
    .sort((a, b) => b.cost - a.cost || a.group[0]!.at - b.group[0]!.at);
  const jobs: Job[] = [
    ...(needsTransform ? [{ kind: 'appsync schema', label: 'AppSync schema, graphql-codegen documents' } as const] : []),
    ...partJobs.map(({ group, needsApi }) => ({ kind: 'parts' as const, parts: group.map(({ at, index, part, label }) => ({ at, index, part, label })), needsApi })),
  ].map((job, id) => ({ ...job, id }));
  // This thread: the graphql-codegen jobs (schema first, then largest first), then the others' smallest first;
  // the workers: the jobs that need only the model schema, largest first, then the others' smallest first.
  const apiIds = jobs.filter((job) => job.kind === 'appsync schema' || job.needsApi).map((job) => job.id);
  const modelIds = jobs.filter((job) => job.kind === 'parts' && !job.needsApi).map((job) => job.id);
  const mainOrder = [...apiIds, ...[...modelIds].reverse()];
  const workerOrder = [...modelIds, ...[...apiIds].reverse()];
  const wanted = options.threads !== undefined && Number.isFinite(options.threads) && options.threads >= 1 ? Math.floor(options.threads) : defaultThreads();
  const threads = Math.min(wanted, jobs.length);
  const onThisThread = options.mainThread !== false;
  const claims = new Int32Array(new SharedArrayBuffer(4 * jobs.length));
  const timings: GraphqlClientCodeBatchTiming[] = [];
  const results = parts.map(() => ({}) as Record<string, string>);
  let api: Api | undefined = needsTransform ? undefined : { appsyncSchema: data.appsyncSchema! };
  const apiWaiters: ((api: Api) => void)[] = [];
  let failure: { error: Error } | undefined;
  const workers: { worker: Worker; apiPort: MessagePort }[] = [];
  let failBatch!: () => void;
  const batchFailed = new Promise<void>((resolve) => (failBatch = resolve));
  const setApi = (computed: Api, from: Worker | undefined) => {
    api = computed;
    for (const { worker, apiPort } of workers) if (worker !== from) apiPort.postMessage(computed);
    for (const wake of apiWaiters.splice(0)) wake(computed);
  };
  // Each worker's end: its plan done, or the batch's failure.
  const ends = Array.from({ length: onThisThread ? threads - 1 : threads }, (_, at) => {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    let stopped = false;
    const fail = (error: Error) => {
      if (stopped) return; // its plan is done (or the batch failed already)
      failure ??= { error };
      failBatch();
      for (const wake of apiWaiters.splice(0)) wake(undefined as never); // this thread then sees the failure and stops
      stopped = true;
      end();
    };
    const worker = startWorker((message) => {
      switch (message.type) {
        case 'files':
          results[message.at] = message.files;
          return;
        case 'api':
          return setApi(message.api, worker);
        case 'timing':
          timings.push({ label: message.label, thread: at + 1, startMs: message.startAt - started, ms: message.ms });
          return;
        case 'error':
          return fail(reviveError(message.error));
        case 'done':
          if (!stopped) (stopped = true), end();
      }
    }, fail);
    const { port1, port2 } = new MessageChannel();
    workers.push({ worker, apiPort: port1 });
    const plan: Plan = { lane: at + 1, jobs, order: !onThisThread && at === 0 ? mainOrder : workerOrder, claims: claims.buffer as SharedArrayBuffer, requests: [...requests], data, ...(api ? { api } : {}), apiPort: port2 };
    worker.postMessage({ type: 'plan', plan } satisfies MainMessage, [port2]);
    return ended;
  });
  try {
    if (onThisThread) await runLane({ lane: 0, jobs, order: mainOrder, requests: [...requests], data }, claims, new CodegenRun(), {
      api: () => api,
      waitForApi: () => new Promise<Api>((resolve) => apiWaiters.push(resolve)),
      apiDone: (computed) => setApi(computed, undefined),
      files: (at, files) => (results[at] = files),
      timing: (label, startAt, ms) => timings.push({ label, thread: 0, startMs: startAt - started, ms }),
      stopped: () => failure !== undefined,
    });
    await Promise.race([Promise.all(ends), batchFailed]);
    if (failure) throw failure.error;
  } finally {
    await Promise.all(workers.map(({ worker, apiPort }) => (apiPort.close(), worker.removeAllListeners('exit'), worker.terminate())));
  }
  const files = resolved.map((_, index) => Object.assign({}, ...parts.flatMap((part, at) => (part.index === index ? [results[at]] : []))) as Record<string, string>);
  return { files, timings: timings.sort((a, b) => a.startMs - b.startMs), threads };
};

if (!isMainThread && workerData === WORKER_DATA) serveWork();
