import { Amplify } from 'aws-amplify';
import { mapConcurrently } from './batch.js';
import { SeedUserError } from './seedError.js';

/** Options of `createItems`. */
export interface CreateItemsOptions {
  /** As `models.<Model>.create(…, { authMode })` (default: the client's). */
  authMode?: 'apiKey' | 'userPool' | 'iam' | 'identityPool' | 'oidc' | 'lambda' | 'none';
  /** Mutations per request (default 100, at most 500; fewer when the items or the model's fields would make a request very large). */
  batchSize?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

/** What `createItems` uses of a data client: `generateClient()`'s `graphql`. */
export interface DataClient {
  graphql(options: { query: string; variables?: Record<string, unknown>; authMode?: CreateItemsOptions['authMode'] }): unknown;
}

type ModelsOf<C> = C extends { models: infer M } ? M : Record<string, never>;
type ModelNameOf<C> = [keyof ModelsOf<C>] extends [never] ? string : keyof ModelsOf<C> & string;
type NoFunctions<T> = { [P in keyof T as T[P] extends (...args: never[]) => unknown ? never : P]: T[P] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches the generic `create` of any model
type CreateOf<C, M extends string> = M extends keyof ModelsOf<C> ? (ModelsOf<C>[M] extends { create: (...args: any[]) => unknown } ? ModelsOf<C>[M]['create'] : never) : never;
/** The input `client.models[M].create` takes (any object for an untyped client). */
export type CreateItemInput<C, M extends string> = [CreateOf<C, M>] extends [never] ? Record<string, unknown> : Parameters<CreateOf<C, M>>[0];
type DataOf<R> = 0 extends 1 & R ? Record<string, unknown> : R extends { data: infer D } ? NoFunctions<NonNullable<D>> : Record<string, unknown>;
/**
 * What `client.models[M].create` returns as `data`, without relationship loaders (any object for an
 * untyped client, and where aws-amplify's own type of `create` resolves to `any`, e.g. models with relationships).
 */
export type CreatedItem<C, M extends string> = [CreateOf<C, M>] extends [never] ? Record<string, unknown> : DataOf<Awaited<ReturnType<CreateOf<C, M>>>>;

export const MAX_BATCH_SIZE = 500;
/** Requests stay well under GraphQL servers' document limits (the local AppSync parses at most 20,000 tokens, 1 MB bodies). */
const MAX_DOCUMENT_TOKENS = 15_000;
const MAX_VARIABLES_BYTES = 512 * 1024;

interface GraphqlErrorShape {
  message?: string;
  errorType?: string;
  path?: readonly (string | number)[] | null;
}

/**
 * Sandlot extra: creates many items of one model through the data API in few requests. Each request is
 * one GraphQL document of ordinary `create<Model>` mutations under aliases (`c0: createTodo(input: $i0)
 * { … }`, `c1: …`), sent with the script's own data client (`generateClient()`), so auth modes, tokens
 * and signing are exactly those of `client.models.<Model>.create` and every item passes the API's auth
 * rules and validation one by one, as separate mutations do (it works against a deployed AppSync too).
 *
 * Items are what `client.models.<Model>.create` takes, minus related-model objects (set the foreign key
 * field, e.g. `notebookId`). The results are the created items in input order with the fields
 * `models.<Model>.create` selects by default (no lazy loaders for relationships). When items fail, the
 * others are still created and `CreateItemsError` lists the failures (its `cause`: `{ index, error }[]`);
 * a request refused as a whole is retried item by item, and when no item goes through (auth, say) the
 * batches not yet sent are not sent.
 */
export async function createItems<C extends DataClient, M extends ModelNameOf<C>>(
  client: C,
  model: M,
  items: readonly CreateItemInput<C, M>[],
  o: CreateItemsOptions = {},
): Promise<CreatedItem<C, M>[]> {
  const batchSize = o.batchSize ?? 100;
  const concurrency = o.concurrency ?? 4;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) throw new RangeError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}, not ${batchSize}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, not ${concurrency}`);
  const { mutation, selection } = createMutation(model);
  const documents = new Map<number, string>();
  const documentFor = (n: number) => {
    let d = documents.get(n);
    if (!d) documents.set(n, (d = aliasedDocument(model, mutation, selection, n)));
    return d;
  };

  const results = new Array<CreatedItem<C, M>>(items.length);
  const failures: { index: number; error: GraphqlErrorShape }[] = [];
  let refused: GraphqlErrorShape | undefined;
  /** Sends items [start, start + n) in one document; returns the error when the request failed as a whole. */
  const sendBatch = async (start: number, n: number): Promise<GraphqlErrorShape | undefined> => {
    const variables: Record<string, unknown> = {};
    for (let j = 0; j < n; j++) variables[`i${j}`] = items[start + j];
    const { data, errors } = await send(client, { query: documentFor(n), variables, ...(o.authMode ? { authMode: o.authMode } : {}) });
    const own = new Map<number, GraphqlErrorShape>();
    for (const e of errors) {
      const alias = typeof e.path?.[0] === 'string' ? /^c(\d+)$/.exec(e.path[0]) : null;
      if (alias && Number(alias[1]) < n && !own.has(Number(alias[1]))) own.set(Number(alias[1]), e);
    }
    const created = (j: number) => data?.[`c${j}`];
    let anyCreated = false;
    for (let j = 0; j < n && !anyCreated; j++) anyCreated = Boolean(created(j));
    // No item's own error and nothing created (a variables / auth / network failure): the request as a whole.
    if (!anyCreated && own.size === 0) return errors.find((e) => !e.path?.length) ?? errors[0] ?? { message: 'no data in the response' };
    for (let j = 0; j < n; j++) {
      const value = created(j);
      if (value) results[start + j] = value as CreatedItem<C, M>;
      else failures.push({ index: start + j, error: own.get(j) ?? errors[0] ?? { message: 'no data in the response' } });
    }
    return undefined;
  };
  await mapConcurrently(batches(items, Math.min(batchSize, maxAliases(selection))), concurrency, async ({ start, n }) => {
    const notSent = (from: number) => {
      for (let j = from; j < n; j++) failures.push({ index: start + j, error: { message: `not sent: a request was refused (${refused?.message})` } });
    };
    if (refused) return notSent(0);
    const whole = await sendBatch(start, n);
    if (!whole) return;
    if (n === 1) return void failures.push({ index: start, error: whole });
    // Refused as a whole (e.g. one item's input does not match the input type, which fails the document's
    // variables): item by item, so the good ones are created and each failure is its own item's. When none
    // of them goes through either (auth, a wrong model), the batches not yet sent are not sent.
    const before = failures.length;
    for (let j = 0; j < n; j++) {
      if (refused) return notSent(j);
      const one = await sendBatch(start + j, 1);
      if (one) failures.push({ index: start + j, error: one });
    }
    if (failures.length - before === n) refused ??= whole;
  });
  if (failures.length) {
    failures.sort((a, b) => a.index - b.index);
    const first = failures[0]!;
    const what = `${first.error.errorType ? `${first.error.errorType}: ` : ''}${first.error.message ?? 'unknown error'}`;
    throw new SeedUserError('CreateItemsError', {
      message: `${failures.length} of ${items.length} ${model} items could not be created; the first, item ${first.index}: ${what}`,
      resolution: `Fix the failing items (or the authMode / sign-in the ${model} auth rules need); the other ${items.length - failures.length} items were created.`,
    }, failures);
  }
  return results;
}

/** Aliases per document so that it stays under MAX_DOCUMENT_TOKENS (a selection's tokens: its names and braces). */
function maxAliases(selection: string): number {
  const selectionTokens = selection.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.floor(MAX_DOCUMENT_TOKENS / (selectionTokens + 16)));
}

/** Consecutive runs of at most `size` items whose JSON stays under MAX_VARIABLES_BYTES (a larger item goes alone). */
function batches(items: readonly unknown[], size: number): { start: number; n: number }[] {
  const out: { start: number; n: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < items.length; i++) {
    const b = JSON.stringify(items[i] ?? null).length;
    if (i > start && (i - start >= size || bytes + b > MAX_VARIABLES_BYTES)) {
      out.push({ start, n: i - start });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (items.length > start) out.push({ start, n: items.length - start });
  return out;
}

/** `client.graphql` resolves with the result, or rejects with it when it has errors (aws-amplify v6). */
async function send(client: DataClient, options: Parameters<DataClient['graphql']>[0]): Promise<{ data?: Record<string, unknown> | null; errors: GraphqlErrorShape[] }> {
  let result: unknown;
  try {
    result = await client.graphql(options);
  } catch (err) {
    if (!err || typeof err !== 'object' || !Array.isArray((err as { errors?: unknown }).errors)) throw err;
    result = err;
  }
  const r = result as { data?: Record<string, unknown> | null; errors?: GraphqlErrorShape[] };
  return { data: r.data, errors: r.errors ?? [] };
}

/** The create mutation's name and default selection (what `models.<Model>.create` selects), from the model introspection aws-amplify is configured with. */
function createMutation(model: string): { mutation: string; selection: string } {
  const intro = Amplify.getConfig().API?.GraphQL?.modelIntrospection as Introspection | undefined;
  if (!intro?.models) {
    throw new SeedUserError('MissingDataError', {
      message: 'aws-amplify has no data API configured (no model introspection).',
      resolution: 'Call Amplify.configure(outputs) with the amplify_outputs.json of a backend that defines data before createItems.',
    });
  }
  const def = intro.models[model];
  if (!def) {
    throw new SeedUserError('NoModelError', {
      message: `There is no model called ${model} in the data API; models: ${Object.keys(intro.models).join(', ') || 'none'}.`,
      resolution: `Pass the name of a model of your schema (as in client.models.${Object.keys(intro.models)[0] ?? 'Todo'}).`,
    });
  }
  const owners = new Set<string>();
  for (const a of def.attributes ?? []) {
    if (a.type !== 'auth') continue;
    for (const r of a.properties?.rules ?? []) {
      if (r.allow === 'owner') owners.add(r.ownerField || 'owner');
      else if (r.allow === 'groups' && r.groupsField !== undefined) owners.add(r.groupsField);
    }
  }
  const names = selectionOf(intro, def.fields, new Set());
  for (const f of owners) if (!def.fields[f]) names.push(f);
  return { mutation: `create${model.charAt(0).toUpperCase()}${model.slice(1)}`, selection: names.join(' ') };
}

function selectionOf(intro: Introspection, fields: Record<string, IntrospectionField>, seen: Set<string>): string[] {
  const out: string[] = [];
  for (const f of Object.values(fields)) {
    if (typeof f.type === 'string' || f.type.enum) out.push(f.name);
    else if (f.type.nonModel && !seen.has(f.type.nonModel)) {
      const nested = intro.nonModels?.[f.type.nonModel];
      const inner = nested ? selectionOf(intro, nested.fields, new Set([...seen, f.type.nonModel])) : [];
      if (inner.length) out.push(`${f.name} { ${inner.join(' ')} }`);
    }
  }
  return out;
}

function aliasedDocument(model: string, mutation: string, selection: string, n: number): string {
  const vars: string[] = [];
  const fields: string[] = [];
  const input = `Create${model.charAt(0).toUpperCase()}${model.slice(1)}Input`;
  for (let j = 0; j < n; j++) {
    vars.push(`$i${j}: ${input}!`);
    fields.push(`  c${j}: ${mutation}(input: $i${j}) { ${selection} }`);
  }
  return `mutation Create${model}Items(${vars.join(', ')}) {\n${fields.join('\n')}\n}\n`;
}

interface IntrospectionField {
  name: string;
  type: string | { enum?: string; nonModel?: string; model?: string };
}
interface Introspection {
  models: Record<string, { fields: Record<string, IntrospectionField>; attributes?: { type: string; properties?: { rules?: { allow: string; ownerField?: string; groupsField?: string }[] } }[] }>;
  nonModels?: Record<string, { fields: Record<string, IntrospectionField> }>;
}
