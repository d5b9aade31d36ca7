import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocsCommand {
  page: string;
  line: number;
  /** The command as the page prints it, e.g. `npx ampx sandbox secret get foo`. */
  text: string;
  /** Continuation lines the page prints under it (e.g. `--format [choices: …]`). */
  continuation: string[];
  /** The page text since the previous command: what the page says this command runs. */
  context: string;
}

/**
 * Every `npx ampx …` command line of the docs feature pages: lines that start with it, and the
 * `Run npx ampx … or npx ampx …` list items. A new command line in a page is a new test.
 */
export function docsCommands(seedsDir: string): DocsCommand[] {
  const out: DocsCommand[] = [];
  for (const page of ['sandbox-features.txt', 'sandbox-seed.txt']) {
    const lines = readFileSync(join(seedsDir, page), 'utf8').split('\n');
    let since = 0;
    lines.forEach((raw, i) => {
      const line = raw.trim();
      const continuation: string[] = [];
      for (let j = i + 1; j < lines.length && /^--/.test(lines[j]!.trim()); j++) continuation.push(lines[j]!.trim());
      const context = lines.slice(since, i).join('\n');
      if (line.startsWith('npx ampx ')) {
        out.push({ page, line: i + 1, text: line, continuation, context });
        since = i + 1;
      } else if (/^\d+\.\s+Run npx ampx /.test(line)) {
        for (const m of line.matchAll(/npx ampx [^.]*?(?= or |\.?$)/g)) out.push({ page, line: i + 1, text: m[0].trim(), continuation: [], context });
        since = i + 1;
      }
    });
  }
  return out;
}
