import type { GraphQLFieldResolver } from 'graphql';
import { unauthorized } from '../errors.js';
import { fieldNames } from '../model/naming.js';
import type { IndexDef, ModelDef } from '../model/types.js';
import { encodeKey, type Doc } from '../store.js';
import type { ExecContext } from './context.js';
import { accessFor, allows } from './access.js';
import { compositeCondition } from './keys.js';
import { listItems } from './list.js';

type Resolver = GraphQLFieldResolver<unknown, ExecContext, Record<string, unknown>>;

/** `get<Model>`, `list<Models>` and the secondary-index queries of one model. */
export function queryResolvers(m: ModelDef): Record<string, Resolver> {
  const n = fieldNames(m);
  const out: Record<string, Resolver> = {};
  out[n.get] = (_src, args, ctx) => {
    const access = accessFor(m, 'get', ctx, n.get, 'Query');
    const doc = ctx.deps.store.get(ctx.api.config.apiId, m.name, encodeKey(m.primaryKey.map((k) => args[k])));
    if (!doc) return null;
    if (!allows(access, doc, ctx)) throw unauthorized(n.get, 'Query');
    return doc;
  };
  out[n.list] = (_src, args, ctx) => {
    const access = accessFor(m, 'list', ctx, n.list, 'Query');
    const [pk, ...sks] = m.primaryKey;
    const partitioned = !m.hasImplicitId && args[pk!] !== undefined && args[pk!] !== null;
    const skArg = sks.length === 1 ? args[sks[0]!] : sks.length > 1 ? compositeCondition(args[camelJoin(sks)] as Record<string, unknown>, sks) : undefined;
    return listItems(ctx, {
      m,
      scope: `${n.list}:${partitioned ? JSON.stringify(args[pk!]) : '*'}`,
      partition: partitioned ? { field: pk!, value: args[pk!], sortKeys: sks, keyCondition: skArg as Record<string, unknown> | undefined } : undefined,
      filter: args.filter as Record<string, unknown> | null,
      allow: access.all ? undefined : (doc: Doc) => allows(access, doc, ctx),
      limit: args.limit as number | null,
      nextToken: args.nextToken as string | null,
      sortDirection: args.sortDirection as 'ASC' | 'DESC' | null,
    });
  };
  for (const i of m.indexes) if (i.queryField) out[i.queryField] = indexResolver(m, i);
  return out;
}

function indexResolver(m: ModelDef, i: IndexDef): Resolver {
  const field = i.queryField!;
  return (_src, args, ctx) => {
    const access = accessFor(m, 'list', ctx, field, 'Query');
    const skArg = i.sortKeys.length === 1 ? args[i.sortKeys[0]!] : i.sortKeys.length > 1 ? compositeCondition(args[camelJoin(i.sortKeys)] as Record<string, unknown>, i.sortKeys) : undefined;
    return listItems(ctx, {
      m,
      scope: `${field}:${JSON.stringify(args[i.partitionKey])}`,
      partition: { field: i.partitionKey, value: args[i.partitionKey], sortKeys: i.sortKeys, keyCondition: skArg as Record<string, unknown> | undefined },
      filter: args.filter as Record<string, unknown> | null,
      allow: access.all ? undefined : (doc: Doc) => allows(access, doc, ctx),
      limit: args.limit as number | null,
      nextToken: args.nextToken as string | null,
      sortDirection: args.sortDirection as 'ASC' | 'DESC' | null,
    });
  };
}

const camelJoin = (keys: string[]) => keys.map((k, idx) => (idx === 0 ? k : k.charAt(0).toUpperCase() + k.slice(1))).join('');
