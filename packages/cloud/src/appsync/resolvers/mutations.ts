import { randomUUID } from 'node:crypto';
import type { GraphQLFieldResolver } from 'graphql';
import { dynamicRules, itemAllowed, ownerValue, staticAllowed } from '../auth/authorize.js';
import { AppSyncError, conditionalCheckFailed, unauthorized } from '../errors.js';
import { matchesFilter, type Filter } from '../filters.js';
import { fieldNames } from '../model/naming.js';
import type { ModelDef, Operation } from '../model/types.js';
import type { Doc } from '../store.js';
import type { ExecContext } from './context.js';
import { accessFor, allows } from './access.js';
import { keyOf } from './keys.js';
import { afterCommit, inDocumentTransaction } from './documentTransaction.js';

type Resolver = GraphQLFieldResolver<unknown, ExecContext, { input: Doc; condition?: Filter | null }>;

/**
 * `create/update/delete<Model>`: auth as the auth transformer's templates (owner fields filled on create,
 * existing item checked on update/delete), the key condition and the caller's `condition` as DynamoDB
 * condition expressions, timestamps, `@default` values; each mutation one SQLite transaction, or one
 * savepoint of its document's transaction when the document holds several (documentTransaction.ts).
 * Subscribers are notified after the commit.
 */
export function mutationResolvers(m: ModelDef): Record<string, Resolver> {
  const n = fieldNames(m);
  return {
    [n.create]: (_src, args, ctx, info) => inDocumentTransaction(ctx, info, () => {
      const input: Doc = { ...args.input };
      authorizeCreate(m, input, ctx, n.create);
      checkFieldWrites(m, input, 'create', ctx, input);
      for (const f of m.fields.values()) if (f.defaultValue !== undefined && (input[f.name] === undefined || input[f.name] === null)) input[f.name] = f.defaultValue;
      const now = ctx.deps.clock.now().toISOString();
      const doc: Doc = {};
      if (m.hasImplicitId) doc.id = randomUUID();
      if (m.timestamps.createdAt) doc[m.timestamps.createdAt] = now;
      if (m.timestamps.updatedAt) doc[m.timestamps.updatedAt] = now;
      for (const [k, v] of Object.entries(input)) if (v !== undefined && !(k === 'id' && v === null)) doc[k] = v;
      for (const i of m.indexes) if (doc[i.partitionKey] === null) delete doc[i.partitionKey];
      doc.__typename = m.name;
      const { store } = ctx.deps;
      const apiId = ctx.api.config.apiId;
      store.transaction(() => {
        if (args.condition && !matchesFilter({}, args.condition)) throw conditionalCheckFailed(ctx.requestId);
        if (!store.insert(apiId, m.name, keyOf(m, doc), doc)) throw conditionalCheckFailed(ctx.requestId);
      });
      afterCommit(ctx, () => ctx.deps.pubsub.publish(ctx.api, n.create, doc));
      return doc;
    }),
    [n.update]: (_src, args, ctx, info) => inDocumentTransaction(ctx, info, () => {
      const input = args.input;
      const access = accessFor(m, 'update', ctx, n.update, 'Mutation');
      const { store } = ctx.deps;
      const apiId = ctx.api.config.apiId;
      const key = keyOf(m, input);
      const doc = store.transaction(() => {
        const existing = store.get(apiId, m.name, key);
        if (!access.all && (!existing || !allows(access, existing, ctx))) throw unauthorized(n.update, 'Mutation');
        if (!existing || (args.condition && !matchesFilter(existing, args.condition))) throw conditionalCheckFailed(ctx.requestId);
        checkFieldWrites(m, input, 'update', ctx, existing);
        const next: Doc = { ...existing };
        for (const [k, v] of Object.entries(input)) {
          if (v === undefined) continue;
          if (v === null) delete next[k];
          else next[k] = v;
        }
        if (m.timestamps.updatedAt) next[m.timestamps.updatedAt] = ctx.deps.clock.now().toISOString();
        store.replace(apiId, m.name, key, next);
        return next;
      });
      afterCommit(ctx, () => ctx.deps.pubsub.publish(ctx.api, n.update, doc));
      return doc;
    }),
    [n.delete]: (_src, args, ctx, info) => inDocumentTransaction(ctx, info, () => {
      const access = accessFor(m, 'delete', ctx, n.delete, 'Mutation');
      const { store } = ctx.deps;
      const apiId = ctx.api.config.apiId;
      const key = keyOf(m, args.input);
      const doc = store.transaction(() => {
        const existing = store.get(apiId, m.name, key);
        if (!access.all && (!existing || !allows(access, existing, ctx))) throw unauthorized(n.delete, 'Mutation');
        if (!existing || (args.condition && !matchesFilter(existing, args.condition))) throw conditionalCheckFailed(ctx.requestId);
        store.delete(apiId, m.name, key);
        return existing;
      });
      afterCommit(ctx, () => ctx.deps.pubsub.publish(ctx.api, n.delete, doc));
      return doc;
    }),
  };
}

/** Create: static rules allow outright; owner rules fill an absent owner field with the caller, or require it to be the caller. */
function authorizeCreate(m: ModelDef, input: Doc, ctx: ExecContext, field: string): void {
  const { caller } = ctx;
  const ownerRules = caller.authType === 'AMAZON_COGNITO_USER_POOLS' ? m.rules.filter((r) => r.allow === 'owner' && r.provider === 'userPools' && r.operations.has('create')) : [];
  const fill = () => {
    for (const r of ownerRules) {
      const f = r.ownerField!;
      if (input[f] !== undefined && input[f] !== null) continue;
      const v = ownerValue(caller, r.identityClaim);
      if (v) input[f] = m.fields.get(f)?.type.list ? [v] : v;
    }
  };
  if (staticAllowed(m.rules, 'create', caller)) {
    fill();
    return;
  }
  const rules = dynamicRules(m.rules, 'create', caller);
  if (rules.length === 0) throw unauthorized(field, 'Mutation');
  if (itemAllowed(input, rules, caller)) return;
  const filled = { ...input };
  fill();
  // An absent owner field, now filled with the caller, grants the create (the template's "isNull → put owner" branch).
  if (ownerRules.some((r) => (filled[r.ownerField!] === undefined || filled[r.ownerField!] === null) && input[r.ownerField!] !== undefined)) return;
  throw unauthorized(field, 'Mutation');
}

/** Fields with their own @auth rules: the caller must pass those rules to write them. */
function checkFieldWrites(m: ModelDef, input: Doc, op: Operation, ctx: ExecContext, item: Doc): void {
  const denied: string[] = [];
  for (const k of Object.keys(input)) {
    const f = m.fields.get(k);
    if (!f?.rules || m.primaryKey.includes(k)) continue;
    if (staticAllowed(f.rules, op, ctx.caller)) continue;
    const rules = dynamicRules(f.rules, op, ctx.caller);
    if (rules.length && itemAllowed(item, rules, ctx.caller)) continue;
    denied.push(k);
  }
  if (denied.length) throw new AppSyncError(`Unauthorized on [${denied.join(', ')}]`, 'Unauthorized');
}
