import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { MalformedXML } from './errors.js';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false, processEntities: true });
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  removeNSPrefix: true,
  isArray: (name) => name === 'Part' || name === 'Object',
});

/** `<?xml …?><Root xmlns="…">…</Root>`; arrays become repeated elements, Dates ISO strings, undefined is dropped. */
export function xmlDocument(root: string, body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: { '@_xmlns': S3_XMLNS, ...(clean(body) as object) } })}`;
}

/** The error document S3 sends (no namespace). */
export function xmlError(fields: Record<string, string>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ Error: fields })}`;
}

/** Parses a request body, refusing what is not well-formed XML with a root named `root`. */
export function parseXmlBody<T>(body: Buffer, root: string): T {
  const text = body.toString('utf8');
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text, true) as Record<string, unknown>;
  } catch {
    throw new MalformedXML();
  }
  const value = doc[root];
  if (value === undefined || typeof value !== 'object' || value === null) throw new MalformedXML();
  return value as T;
}

/** Text content of a parsed element (fast-xml-parser gives a string, or `{ '#text' }` with whitespace). */
export const textOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in v ? String((v as { '#text': unknown })['#text']) : v === undefined ? undefined : '';

function clean(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = clean(x);
    return out;
  }
  return v;
}
