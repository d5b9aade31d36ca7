import { GraphQLError, Kind, parse, specifiedRules, validate, type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { DataApi } from '../resolvers/context.js';
import { syntaxError, validationError, type AppSyncErrorShape } from './format.js';

/**
 * Parse + validate with a per-API cache keyed by the document text (the client sends the same generated
 * documents again and again), plus a nesting guard at AppSync's maximum configurable depth.
 */
export const MAX_QUERY_DEPTH = 75;
const CACHE_SIZE = 500;

export type Prepared = { ok: true; document: DocumentNode } | { ok: false; errors: AppSyncErrorShape[] };

export function prepareDocument(api: DataApi, query: string): Prepared {
  const cached = api.documents.get(query);
  if (cached) return { ok: true, document: cached };
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 20_000 });
  } catch (e) {
    return { ok: false, errors: [syntaxError(e as GraphQLError)] };
  }
  const errors = validate(api.schema, document, [...specifiedRules, depthLimit]);
  if (errors.length) return { ok: false, errors: errors.map(validationError) };
  if (api.documents.size >= CACHE_SIZE) api.documents.delete(api.documents.keys().next().value!);
  api.documents.set(query, document);
  return { ok: true, document };
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
