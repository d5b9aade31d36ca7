import type { ListedKey, ObjectStore } from './store.js';

/** Where a listing page resumes: strictly after a key, or at the first key past a rolled-up prefix. */
export type ListCursor = { after: string } | { from: string };

export interface ListPage {
  contents: ListedKey[];
  commonPrefixes: string[];
  /** Set when more entries follow. */
  next?: ListCursor;
}

/** The first string greater than every string that starts with `p` (its last code point + 1). */
export function prefixSuccessor(p: string): string {
  const last = p.codePointAt(p.length - 1 - (p.length > 1 && /[\udc00-\udfff]/.test(p[p.length - 1]!) ? 1 : 0))!;
  const width = last > 0xffff ? 2 : 1;
  return p.slice(0, p.length - width) + String.fromCodePoint(last + 1);
}

const BATCH = 1000;
/** After a jump past a rolled-up prefix the next rows are likely another prefix: read a few, then more. */
const FIRST_AFTER_JUMP = 8;

/**
 * ListObjectsV2 over the (bucket, key) primary key by keyset pagination: keys come in UTF-8 binary
 * order (SQLite BINARY collation = S3's order); with a delimiter, each rolled-up prefix is counted once
 * and the scan jumps past all its keys with one seek, so a page costs O(page + prefixes), not O(bucket).
 */
export function listPage(objects: ObjectStore, bucket: string, o: { prefix: string; delimiter?: string; start?: ListCursor; maxKeys: number }): ListPage {
  const { prefix, maxKeys } = o;
  const delimiter = o.delimiter || undefined;
  let pos: ListCursor = o.start ?? { from: prefix };
  if ('from' in pos && pos.from < prefix) pos = { from: prefix };
  if ('after' in pos && pos.after < prefix) pos = { from: prefix };
  const contents: ListedKey[] = [];
  const commonPrefixes: string[] = [];
  let last: ListCursor | undefined;
  const full = () => contents.length + commonPrefixes.length >= maxKeys;
  let batch = delimiter ? FIRST_AFTER_JUMP : BATCH;
  for (;;) {
    const rows = objects.keys(bucket, pos, batch);
    let jumped = false;
    for (const row of rows) {
      if (!row.key.startsWith(prefix)) return { contents, commonPrefixes };
      const at = delimiter ? row.key.indexOf(delimiter, prefix.length) : -1;
      if (full()) return { contents, commonPrefixes, next: last };
      if (at >= 0) {
        const common = row.key.slice(0, at + delimiter!.length);
        commonPrefixes.push(common);
        pos = last = { from: prefixSuccessor(common) };
        jumped = true;
        break;
      }
      contents.push(row);
      pos = last = { after: row.key };
    }
    if (!jumped && rows.length < batch) return { contents, commonPrefixes };
    batch = jumped ? FIRST_AFTER_JUMP : Math.min(batch * 4, BATCH);
  }
}
