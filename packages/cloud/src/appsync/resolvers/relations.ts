import type { GraphQLFieldResolver } from 'graphql';
import { dynamicRules, itemAllowed, staticAllowed } from '../auth/authorize.js';
import { unauthorized } from '../errors.js';
import type { FieldDef, ModelDef, ModelSet } from '../model/types.js';
import { encodeKey, type Doc } from '../store.js';
import type { ExecContext } from './context.js';
import { accessFor, allows } from './access.js';
import { listItems } from './list.js';

type Resolver = GraphQLFieldResolver<Doc, ExecContext, Record<string, unknown>>;

/**
 * Resolvers of a model's own fields: relationship fields (belongsTo → get, hasMany/hasOne → query on the
 * related model's reference fields, each with the related model's read rules), owner fields shown as the
 * username (`sub::username` → `username`, as the transformer's field resolver), field-level @auth reads.
 */
export function modelFieldResolvers(m: ModelDef, set: ModelSet): Record<string, Resolver> {
  const out: Record<string, Resolver> = {};
  for (const f of m.fields.values()) {
    if (f.kind === 'belongsTo' || f.kind === 'hasOne' || f.kind === 'hasMany') out[f.name] = relationResolver(m, f, set.models.get(f.type.name)!);
  }
  for (const r of m.rules) {
    if (r.allow !== 'owner' || r.identityClaim !== 'sub::username') continue;
    const name = r.ownerField!;
    out[name] = (src) => {
      const v = src[name];
      const last = (x: unknown) => (typeof x === 'string' ? x.split('::').pop() : x);
      return Array.isArray(v) ? v.map(last) : last(v);
    };
  }
  for (const f of m.fields.values()) {
    if (!f.rules) continue;
    const inner = out[f.name] ?? ((src: Doc) => src[f.name]);
    const rules = f.rules;
    out[f.name] = (src, args, ctx, info) => {
      if (!staticAllowed(rules, 'get', ctx.caller) && !itemAllowed(src, dynamicRules(rules, 'get', ctx.caller), ctx.caller)) throw unauthorized(f.name, m.name);
      return inner(src, args, ctx, info);
    };
  }
  return out;
}

function relationResolver(m: ModelDef, f: FieldDef, related: ModelDef): Resolver {
  const refs = f.references!;
  if (f.kind === 'belongsTo') {
    return (src, _args, ctx) => {
      const values = refs.map((r) => src[r]);
      if (values.some((v) => v === undefined || v === null)) return null;
      const access = accessFor(related, 'get', ctx, f.name, m.name);
      const doc = ctx.deps.store.get(ctx.api.config.apiId, related.name, encodeKey(values));
      if (!doc) return null;
      if (!allows(access, doc, ctx)) throw unauthorized(f.name, m.name);
      return doc;
    };
  }
  // hasMany / hasOne: the related model's reference fields hold this model's primary key.
  return (src, args, ctx) => {
    const values = m.primaryKey.map((k) => src[k]);
    const access = accessFor(related, 'list', ctx, f.name, m.name);
    const equal = Object.fromEntries(refs.slice(1).map((r, i) => [r, values[i + 1]]));
    const page = listItems(ctx, {
      m: related,
      scope: `${m.name}.${f.name}:${JSON.stringify(values)}`,
      partition: { field: refs[0]!, value: values[0], sortKeys: [], equal },
      filter: args.filter as Record<string, unknown> | null,
      allow: access.all ? undefined : (doc: Doc) => allows(access, doc, ctx),
      limit: f.kind === 'hasOne' ? 1 : (args.limit as number | null),
      nextToken: args.nextToken as string | null,
      sortDirection: args.sortDirection as 'ASC' | 'DESC' | null,
    });
    return f.kind === 'hasOne' ? page.items[0] ?? null : page;
  };
}
