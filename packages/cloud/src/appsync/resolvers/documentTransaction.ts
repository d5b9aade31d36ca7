import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLField, type GraphQLResolveInfo, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { fieldNames } from '../model/naming.js';
import type { DataApi, ExecContext } from './context.js';

/**
 * One SQLite transaction per mutation document. A document of several model mutations (`c0: createTodo(…)
 * c1: createTodo(…) …`, what the seed's `createItems` sends) runs them all, in document order, the first
 * time its first mutation resolves: one `BEGIN IMMEDIATE … COMMIT` around the lot and a SAVEPOINT around
 * each mutation, so a failing one rolls back only its own writes and answers its own field error, as
 * AppSync's per-field errors do. The later fields' resolvers then answer what their mutation did.
 *
 * Only for documents where running ahead is invisible: mutation root fields that are all model
 * create/update/delete fields (no fragments, directives or repeated response names), each selecting only
 * fields the default resolver reads (no relationship resolvers, which would otherwise see later mutations'
 * writes). Anything else runs one mutation after the other, each in its own transaction. Subscribers are
 * notified after the commit, in document order.
 */
type Outcome = { value: unknown } | { error: unknown };

interface Batch {
  /** Notifications of the mutation being run (moved to `published` when its savepoint is released). */
  pending: (() => void)[];
}

/** Requests whose document is running in its transaction right now. */
const running = new WeakMap<ExecContext, Batch>();
/** Outcomes of the mutations a request's document ran ahead, by field node, until their resolver asks. */
const ranAhead = new WeakMap<ExecContext, Map<FieldNode, Outcome>>();
/** Per cached operation (documents are cached parsed, so nodes are stable): its root fields, or null when it does not qualify. */
const plans = new WeakMap<OperationDefinitionNode, RootField[] | null>();
const mutationNames = new WeakMap<DataApi, Set<string>>();

interface RootField {
  node: FieldNode;
  responseName: string;
  def: GraphQLField<unknown, unknown>;
}

/**
 * Runs one model mutation (`run`: its checks, its writes in `store.transaction`, and `notify` for its
 * subscription events) as part of its document's transaction when the document qualifies, else on its own.
 */
export function inDocumentTransaction(ctx: ExecContext, info: GraphQLResolveInfo, run: () => unknown): unknown {
  const node = info.fieldNodes[0]!;
  const done = ranAhead.get(ctx)?.get(node);
  if (done) {
    ranAhead.get(ctx)!.delete(node);
    if ('error' in done) throw done.error;
    return done.value;
  }
  if (running.has(ctx)) return run();
  const fields = planOf(ctx.api, info.operation);
  if (!fields) return run();
  const outcomes = runDocument(ctx, info, fields);
  ranAhead.set(ctx, outcomes);
  return inDocumentTransaction(ctx, info, () => {
    throw new Error(`Sandlot internal: mutation ${info.fieldName} was not run with its document`);
  });
}

/** Calls `publish` after the write commits: now, or after the document's transaction when one is running. */
export function afterCommit(ctx: ExecContext, publish: () => void): void {
  const batch = running.get(ctx);
  if (batch) batch.pending.push(publish);
  else publish();
}

function runDocument(ctx: ExecContext, info: GraphQLResolveInfo, fields: RootField[]): Map<FieldNode, Outcome> {
  const outcomes = new Map<FieldNode, Outcome>();
  const batch: Batch = { pending: [] };
  const published: (() => void)[] = [];
  const { store } = ctx.deps;
  running.set(ctx, batch);
  try {
    store.transaction(() => {
      for (const f of fields) {
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(f.def, f.node, info.variableValues);
        } catch {
          continue; // graphql-js meets the same error when it reaches this field and reports it there
        }
        batch.pending = [];
        try {
          // The field's own resolver (auth-type check, then the mutation), inside a savepoint of the document's transaction.
          const value = store.transaction(() => f.def.resolve!(undefined, args, ctx, fieldInfo(info, f)));
          outcomes.set(f.node, { value });
          published.push(...batch.pending);
        } catch (error) {
          outcomes.set(f.node, { error });
        }
      }
    });
  } catch (error) {
    // The transaction itself failed (BEGIN or COMMIT): nothing was written, every mutation answers that error.
    for (const f of fields) outcomes.set(f.node, { error });
    published.length = 0;
  } finally {
    running.delete(ctx);
  }
  for (const p of published) p();
  return outcomes;
}

function fieldInfo(info: GraphQLResolveInfo, f: RootField): GraphQLResolveInfo {
  return { ...info, fieldName: f.def.name, fieldNodes: [f.node], returnType: f.def.type, path: { prev: undefined, key: f.responseName, typename: info.parentType.name } };
}

function planOf(api: DataApi, operation: OperationDefinitionNode): RootField[] | null {
  let plan = plans.get(operation);
  if (plan === undefined) {
    plan = makePlan(api, operation);
    plans.set(operation, plan);
  }
  return plan;
}

function makePlan(api: DataApi, operation: OperationDefinitionNode): RootField[] | null {
  const mutationType = api.schema.getMutationType();
  const selections = operation.selectionSet.selections;
  if (operation.operation !== 'mutation' || !mutationType || selections.length < 2 || operation.directives?.length) return null;
  let names = mutationNames.get(api);
  if (!names) {
    names = new Set<string>();
    for (const m of api.set.models.values()) {
      const n = fieldNames(m);
      names.add(n.create).add(n.update).add(n.delete);
    }
    mutationNames.set(api, names);
  }
  const fields: RootField[] = [];
  const responseNames = new Set<string>();
  for (const s of selections) {
    if (s.kind !== Kind.FIELD || s.directives?.length || !names.has(s.name.value)) return null;
    const def = mutationType.getFields()[s.name.value] as GraphQLField<unknown, unknown> | undefined;
    const responseName = s.alias?.value ?? s.name.value;
    if (!def?.resolve || responseNames.has(responseName) || !plainSelection(api, def, s.selectionSet)) return null;
    responseNames.add(responseName);
    fields.push({ node: s, responseName, def });
  }
  return fields;
}

/** True when every field selected under `field` is read by the default resolver (no resolver touches the store). */
function plainSelection(api: DataApi, field: GraphQLField<unknown, unknown>, selectionSet: SelectionSetNode | undefined): boolean {
  if (!selectionSet) return true;
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  for (const s of selectionSet.selections) {
    if (s.kind !== Kind.FIELD || s.directives?.length) return false;
    if (s.name.value === '__typename') continue;
    const def = fields[s.name.value] as GraphQLField<unknown, unknown> | undefined;
    if (!def || !api.plainFields.has(def) || !plainSelection(api, def, s.selectionSet)) return false;
  }
  return true;
}
