import { invalidInput } from '../errors.js';

/**
 * `.env` reading and writing. Hand-written because `dotenv.parse` has no escape for quotes inside a
 * quoted value, so it cannot read back every value `secret export` must write.
 * Accepted: `KEY=value`, `export KEY=value`, `#` comments, blank lines, 'single' (literal) and
 * "double" quotes (escapes \n \r \t \" \\), unquoted values with trailing ` # comment`.
 */
export function parseDotenv(text: string, file: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!m) throw invalidInput(`${file}:${i + 1} is not a KEY=value line: ${JSON.stringify(line.slice(0, 40))}`, 'Fix the line or comment it out with #.');
    const [, key, raw] = m as unknown as [string, string, string];
    if (raw.startsWith('"')) {
      let body = raw.slice(1);
      let j = i;
      while (!/(^|[^\\])(\\\\)*"\s*(#.*)?$/.test(body)) {
        if (++j >= lines.length) throw invalidInput(`${file}:${i + 1}: the double quote opened here is never closed.`, 'Close the quoted value with ".');
        body += '\n' + lines[j]!;
      }
      i = j;
      body = body.replace(/"\s*(#.*)?$/, '');
      out.push([key, body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c)]);
    } else if (raw.startsWith("'")) {
      const end = raw.lastIndexOf("'");
      if (end === 0) throw invalidInput(`${file}:${i + 1}: the single quote opened here is never closed.`, "Close the quoted value with '.");
      out.push([key, raw.slice(1, end)]);
    } else {
      out.push([key, raw.replace(/\s+#.*$/, '').trim()]);
    }
  }
  return out;
}

export function formatDotenv(entries: [string, string][]): string {
  const quote = (v: string) => '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') + '"';
  return entries.map(([k, v]) => `${k}=${quote(v)}\n`).join('');
}
