import type { Doc } from './store.js';

/**
 * DynamoDB condition semantics for AppSync's `Model*FilterInput` / `Model*ConditionInput` /
 * `ModelSubscription*FilterInput` (what `$util.transform.toDynamoDBFilterExpression` produces, evaluated
 * here in memory): every operator, `and` / `or` / `not`, a missing attribute failing comparisons.
 */
export type Filter = Record<string, unknown>;

export function matchesFilter(doc: Doc, filter: Filter | null | undefined): boolean {
  if (!filter) return true;
  for (const [key, cond] of Object.entries(filter)) {
    if (cond === undefined || cond === null) continue;
    if (key === 'and') {
      if (!(cond as Filter[]).every((f) => matchesFilter(doc, f))) return false;
    } else if (key === 'or') {
      const list = cond as Filter[];
      if (list.length && !list.some((f) => matchesFilter(doc, f))) return false;
    } else if (key === 'not') {
      if (matchesFilter(doc, cond as Filter)) return false;
    } else if (!matchesField(doc[key], cond as Record<string, unknown>)) {
      return false;
    }
  }
  return true;
}

function matchesField(value: unknown, ops: Record<string, unknown>): boolean {
  for (const [op, arg] of Object.entries(ops)) {
    if (arg === undefined) continue;
    if (!test(value, op, arg)) return false;
  }
  return true;
}

const present = (v: unknown) => v !== undefined;

export function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function test(value: unknown, op: string, arg: unknown): boolean {
  switch (op) {
    case 'eq':
      return present(value) && equal(value, arg);
    case 'ne':
      return !present(value) || !equal(value, arg);
    case 'le':
    case 'lt':
    case 'ge':
    case 'gt': {
      const c = compare(value, arg);
      if (c === undefined) return false;
      return op === 'le' ? c <= 0 : op === 'lt' ? c < 0 : op === 'ge' ? c >= 0 : c > 0;
    }
    case 'between': {
      const [lo, hi] = arg as unknown[];
      const a = compare(value, lo);
      const b = compare(value, hi);
      return a !== undefined && b !== undefined && a >= 0 && b <= 0;
    }
    case 'contains':
      return contains(value, arg);
    case 'notContains':
      return !contains(value, arg);
    case 'beginsWith':
      return typeof value === 'string' && typeof arg === 'string' && value.startsWith(arg);
    case 'attributeExists':
      return present(value) === Boolean(arg);
    case 'attributeType':
      return present(value) && attributeType(value) === arg;
    case 'size': {
      const n = size(value);
      return n !== undefined && matchesField(n, arg as Record<string, unknown>);
    }
    case 'in':
      return present(value) && (arg as unknown[]).some((x) => equal(value, x));
    case 'notIn':
      return !present(value) || !(arg as unknown[]).some((x) => equal(value, x));
    default:
      return false;
  }
}

function contains(value: unknown, arg: unknown): boolean {
  if (typeof value === 'string') return typeof arg === 'string' && value.includes(arg);
  if (Array.isArray(value)) return value.some((x) => equal(x, arg));
  return false;
}

function size(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

/** DynamoDB's type names as `ModelAttributeTypes` spells them. */
function attributeType(value: unknown): string {
  if (value === null) return '_null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list';
  return 'map';
}

/** A `Model*KeyConditionInput` on a (possibly composite, `a#b`) sort key value. */
export function matchesKeyCondition(value: unknown, cond: Record<string, unknown> | undefined): boolean {
  if (!cond) return true;
  return matchesField(value, cond);
}
