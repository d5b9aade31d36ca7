/**
 * The statements and types generators format with prettier 1.19 (`prettier.format(text, { parser })`): once
 * per generated statement and once per file. Two costs of that prettier are paid per call although their
 * result cannot change within a process:
 *
 * - plugin discovery: without `plugins`/`pluginSearchDirs`, every call globs the `node_modules` above
 *   prettier for `prettier-plugin-*` packages (a directory walk of the whole install, ~4 ms per call, more
 *   than formatting a statement). It is done once here; when it finds no plugin (the case for Sandlot's
 *   own install, and checked, not assumed), calls search a directory without plugins instead, which loads
 *   the same built-in plugins and formats identically.
 * - formatting the same statement again: the javascript, typescript and flow statement targets format the
 *   same GraphQL statements one by one. Results for small inputs are kept (bounded), keyed on the options
 *   and the text; prettier's output is a function of those.
 *
 * Output is byte-identical to calling prettier directly (`generatorParity.test.ts` compares every format with
 * the generators run untouched in another process).
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type Format = (text: string, options?: Record<string, unknown>) => string;
type Prettier = { format: Format; version: string };

const generatorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator'));
const typesGeneratorRequire = createRequire(generatorRequire.resolve('@aws-amplify/graphql-types-generator'));

/** The `node_modules` prettier 1.x auto-loads plugins from (`findParentDir(__dirname, 'node_modules')`). */
const autoLoadNodeModules = (prettierDir: string): string | undefined => {
  for (let dir = prettierDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules');
    if (path.dirname(dir) === dir) return undefined;
  }
};

/** Whether `nodeModules` holds anything prettier's globs (`prettier-plugin-*`, `@*\/prettier-plugin-*`, `@prettier/plugin-*`) could match. */
const hasPluginCandidates = (nodeModules: string): boolean => {
  let entries: string[];
  try {
    entries = readdirSync(nodeModules);
  } catch {
    return true; // unreadable: keep prettier's own search
  }
  if (entries.some((name) => name.startsWith('prettier-plugin-') || name === '@prettier')) return true;
  return entries
    .filter((name) => name.startsWith('@'))
    .some((scope) => {
      try {
        return readdirSync(path.join(nodeModules, scope)).some((name) => name.startsWith('prettier-plugin-'));
      } catch {
        return true; // unreadable scope: keep prettier's own search
      }
    });
};

const MAX_CACHED_INPUT = 16 * 1024;
const MAX_CACHED_ENTRIES = 20_000;

const install = (prettier: Prettier, prettierDir: string) => {
  const format = prettier.format;
  const nodeModules = autoLoadNodeModules(prettierDir);
  // A search directory with no node_modules of its own: prettier's package directory, when it has none.
  const skipScan = nodeModules !== undefined && !hasPluginCandidates(nodeModules) && !existsSync(path.join(prettierDir, 'node_modules'));
  const results = new Map<string, string>();
  const formatOnce: Format = (text, options) => {
    // A caller that chooses its plugins gets prettier as is.
    if (options?.plugins !== undefined || options?.pluginSearchDirs !== undefined) return format(text, options);
    const effective = skipScan ? { ...options, pluginSearchDirs: [prettierDir] } : options;
    if (typeof text !== 'string' || text.length > MAX_CACHED_INPUT) return format(text, effective);
    const key = `${JSON.stringify(options ?? null)}\n${text}`;
    const cached = results.get(key);
    if (cached !== undefined) return cached;
    const formatted = format(text, effective);
    if (results.size >= MAX_CACHED_ENTRIES) results.clear();
    results.set(key, formatted);
    return formatted;
  };
  Object.assign(formatOnce, { sandlotPrettierOnce: true });
  prettier.format = formatOnce;
};

let installed = false;

/** Install on the prettier copy the generators load (idempotent). */
export const usePrettierOnce = (): void => {
  if (installed) return;
  installed = true;
  for (const load of new Set([generatorRequire, typesGeneratorRequire])) {
    const prettierDir = path.dirname(load.resolve('prettier/package.json'));
    const prettier = load('prettier') as Prettier;
    if ((prettier.format as { sandlotPrettierOnce?: boolean }).sandlotPrettierOnce) continue;
    if (!prettier.version.startsWith('1.')) continue; // prettier 2+ has no per-call plugin glob
    install(prettier, prettierDir);
  }
};
