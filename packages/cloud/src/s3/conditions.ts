import type { StoredObject } from './store.js';
import { InvalidRange, NotModified, PreconditionFailed } from './errors.js';
import { sameEtag } from './checks.js';

interface Conditional {
  IfMatch?: string;
  IfNoneMatch?: string;
  IfModifiedSince?: Date;
  IfUnmodifiedSince?: Date;
}

/** GET/HEAD conditionals, evaluated in S3's order (RFC 7232 §6). */
export function checkConditions(o: StoredObject, c: Conditional): void {
  const modified = Math.floor(o.modified.getTime() / 1000) * 1000;
  if (c.IfMatch !== undefined && !c.IfMatch.split(',').some((e) => e.trim() === '*' || sameEtag(e.trim(), o.etag))) throw new PreconditionFailed('If-Match');
  if (c.IfMatch === undefined && c.IfUnmodifiedSince && modified > c.IfUnmodifiedSince.getTime()) throw new PreconditionFailed('If-Unmodified-Since');
  if (c.IfNoneMatch !== undefined && c.IfNoneMatch.split(',').some((e) => e.trim() === '*' || sameEtag(e.trim(), o.etag))) throw new NotModified();
  if (c.IfNoneMatch === undefined && c.IfModifiedSince && modified <= c.IfModifiedSince.getTime()) throw new NotModified();
}

/**
 * A single `bytes=` range as S3 serves it: `a-b`, `a-`, `-n`; an end past the object is clipped; a
 * start at or past the end is InvalidRange; anything S3 does not parse (several ranges, other units)
 * is ignored and the whole object is sent.
 */
export function parseRange(range: string | undefined, size: number): { start: number; end: number } | undefined {
  if (!range) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) throw new InvalidRange(range, size);
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) throw new InvalidRange(range, size);
  return { start, end };
}
