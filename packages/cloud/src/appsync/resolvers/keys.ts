import type { ModelDef } from '../model/types.js';
import { encodeKey, type Doc } from '../store.js';

/** Primary-key helpers: the stored key of an item, and of the key fields of an input. */
export const keyValues = (m: ModelDef, doc: Doc): unknown[] => m.primaryKey.map((k) => doc[k]);
export const keyOf = (m: ModelDef, doc: Doc): string => encodeKey(keyValues(m, doc));

/** The value a (possibly composite) sort key sorts by: the value itself, or `a#b` as DynamoDB stores composites. */
export function sortValue(doc: Doc, sortKeys: string[]): unknown {
  if (sortKeys.length === 0) return undefined;
  if (sortKeys.length === 1) return doc[sortKeys[0]!];
  return sortKeys.map((k) => String(doc[k] ?? '')).join('#');
}

/** A composite key condition (`{eq: {status, name}}`) → a condition on the `a#b` value. */
export function compositeCondition(cond: Record<string, unknown> | undefined, sortKeys: string[]): Record<string, unknown> | undefined {
  if (!cond) return undefined;
  const join = (v: Record<string, unknown>) => {
    const parts: string[] = [];
    for (const k of sortKeys) {
      if (v[k] === undefined || v[k] === null) break;
      parts.push(String(v[k]));
    }
    return parts.join('#');
  };
  const out: Record<string, unknown> = {};
  for (const [op, v] of Object.entries(cond)) {
    if (v === undefined || v === null) continue;
    out[op] = op === 'between' ? (v as Record<string, unknown>[]).map(join) : join(v as Record<string, unknown>);
  }
  return out;
}
