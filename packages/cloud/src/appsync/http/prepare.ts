import { GraphQLError, Kind, parse, specifiedRules, validate, type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { DataApi } from '../resolvers/context.js';
import { syntaxError, validationError, type AppSyncErrorShape } from './format.js';
import type { FlatPlan } from './flatExecution.js';

/**
 * Parse + validate with a per-API LRU cache keyed by the document text (the client sends the same generated
 * documents again and again), plus a nesting guard at AppSync's maximum configurable depth. A cached entry also
 * keeps what later steps derive from the document (the operation picked by name, its execution plan), so a
 * repeated request does none of that work again.
 */
export const MAX_QUERY_DEPTH = 75;
const CACHE_SIZE = 500;

export interface PreparedDocument {
  ok: true;
  document: DocumentNode;
  /** Per `operationName` ('' when absent): derived once, by whoever needs it first (see `operationPlan`). */
  plans: Map<string, OperationPlan>;
}

export interface OperationPlan {
  operation: OperationDefinitionNode | undefined;
  /** The operation planned for the flat executor on its first run (null: not of that shape, `execute` runs it). */
  flat?: FlatPlan | null;
}

export type Prepared = PreparedDocument | { ok: false; errors: AppSyncErrorShape[] };

export function prepareDocument(api: DataApi, query: string): Prepared {
  const cache = api.documents;
  const cached = cache.get(query);
  if (cached) {
    // Least recently used goes first: a hit moves to the back (Map keeps insertion order).
    cache.delete(query);
    cache.set(query, cached);
    return cached;
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 20_000 });
  } catch (e) {
    return { ok: false, errors: [syntaxError(e as GraphQLError)] };
  }
  const errors = validate(api.schema, document, [...specifiedRules, depthLimit]);
  if (errors.length) return { ok: false, errors: errors.map(validationError) };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  const prepared: PreparedDocument = { ok: true, document, plans: new Map() };
  cache.set(query, prepared);
  return prepared;
}

/** The operation a request runs (by `operationName`, else the only one), remembered on the cached document. */
export function operationPlan(prepared: PreparedDocument, operationName?: string | null): OperationPlan {
  const key = operationName ?? '';
  let plan = prepared.plans.get(key);
  if (!plan) {
    plan = { operation: pickOperation(prepared.document, operationName) };
    if (plan.operation) prepared.plans.set(key, plan); // an unknown name is not remembered (execute answers its error)
  }
  return plan;
}

export function pickOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
}

function depthLimit(ctx: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depth = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) max = Math.max(max, s.selectionSet ? 1 + depth(s.selectionSet, seen) : 1);
      else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depth(s.selectionSet, seen));
      else if (!seen.has(s.name.value)) max = Math.max(max, depth(fragments.get(s.name.value)?.selectionSet, new Set([...seen, s.name.value])));
    }
    return max;
  };
  return {
    OperationDefinition(node) {
      const d = depth(node.selectionSet, new Set());
      if (d > MAX_QUERY_DEPTH) ctx.reportError(new GraphQLError(`Query depth of ${d} exceeds the maximum query depth of ${MAX_QUERY_DEPTH}`, { nodes: node, extensions: { code: 'MaxQueryDepthExceeded' } }));
    },
  };
}
