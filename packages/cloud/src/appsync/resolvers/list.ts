import { AppSyncError, invalidNextToken } from '../errors.js';
import { compare, matchesFilter, matchesKeyCondition, type Filter } from '../filters.js';
import type { ModelDef } from '../model/types.js';
import type { Doc, Row } from '../store.js';
import type { ExecContext } from './context.js';
import { sortValue } from './keys.js';

/**
 * Scan and Query with DynamoDB's paging semantics: `limit` bounds the rows read, then the filter (and the
 * auth filter) drop rows from that page, so a filtered page may be short while `nextToken` says more
 * remain. Tokens are sealed and bound to the API, field and partition they came from.
 */
export const DEFAULT_LIMIT = 100;

export interface ListRequest {
  m: ModelDef;
  /** Binds the token to this query (field name + partition). */
  scope: string;
  partition?: { field: string; value: unknown; sortKeys: string[]; keyCondition?: Record<string, unknown>; equal?: Record<string, unknown> };
  filter?: Filter | null;
  allow?: (doc: Doc) => boolean;
  limit?: number | null;
  nextToken?: string | null;
  sortDirection?: 'ASC' | 'DESC' | null;
}

export interface Page {
  items: Doc[];
  nextToken: string | null;
}

export function listItems(ctx: ExecContext, r: ListRequest): Page {
  const limit = r.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new AppSyncError(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`, 'DynamoDB:DynamoDbException');
  }
  const { store, tokens } = ctx.deps;
  const apiId = ctx.api.config.apiId;
  const scope = `${apiId}:${r.scope}`;
  let cursor: string | undefined;
  if (r.nextToken) {
    cursor = tokens.open(r.nextToken, scope);
    if (cursor === undefined) throw invalidNextToken();
  }
  let page: Row[];
  let more: boolean;
  let last: () => string;
  const desc = r.sortDirection === 'DESC';
  if (!r.partition) {
    const rows = store.scan(apiId, r.m.name, cursor, limit + 1, desc);
    page = rows.slice(0, limit);
    more = rows.length > limit;
    last = () => page[page.length - 1]!.pk;
  } else {
    const p = r.partition;
    const rows = store
      .byField(apiId, r.m.name, p.field, p.value)
      .filter((row) => matchesKeyCondition(sortValue(row.doc, p.sortKeys), p.keyCondition) && Object.entries(p.equal ?? {}).every(([k, v]) => row.doc[k] === v));
    const order = (a: Row, b: Row) => (compare(sortValue(a.doc, p.sortKeys), sortValue(b.doc, p.sortKeys)) ?? 0) || (a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0);
    rows.sort((a, b) => (desc ? order(b, a) : order(a, b)));
    let start = 0;
    if (cursor !== undefined) {
      const [sv, pk] = JSON.parse(cursor) as [unknown, string];
      const probe = { pk, doc: {} as Doc };
      const cmp = (row: Row) => {
        const c = (compare(sortValue(row.doc, p.sortKeys), sv) ?? 0) || (row.pk < probe.pk ? -1 : row.pk > probe.pk ? 1 : 0);
        return desc ? -c : c;
      };
      start = rows.findIndex((row) => cmp(row) > 0);
      if (start < 0) start = rows.length;
    }
    page = rows.slice(start, start + limit);
    more = start + limit < rows.length;
    last = () => {
      const row = page[page.length - 1]!;
      return JSON.stringify([sortValue(row.doc, p.sortKeys) ?? null, row.pk]);
    };
  }
  const items = page.map((row) => row.doc).filter((doc) => matchesFilter(doc, r.filter) && (!r.allow || r.allow(doc)));
  return { items, nextToken: more && page.length ? tokens.seal(last(), scope) : null };
}
