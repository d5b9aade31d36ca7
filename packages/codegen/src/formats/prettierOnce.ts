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
 * And the angular type target's file (one prettier pass over ~800 KB for 50 models, seconds) is formatted by
 * `angularServiceFormatter.ts`: its type declarations and the service class's methods printed directly, the
 * rest by prettier in pieces.
 *
 * Output is byte-identical to calling prettier directly (`generatorParity.test.ts` compares every format with
 * the generators run untouched in another process).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { formatAngularServiceFile, isAngularServiceFile } from './angularServiceFormatter.js';
import { generatorModule, generatorPrettierDir, type GeneratorBase } from './generatorModules.js';

type Format = (text: string, options?: Record<string, unknown>) => string;
type Prettier = { format: Format; version: string };


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
    if (typeof text === 'string' && isAngularServiceFile(text) && isTypescriptOnly(options)) return formatAngularServiceFile(text, (piece) => formatPlain(piece, options));
    return formatPlain(text, options);
  };
  const formatPlain: Format = (text, options) => {
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
  const primeGraphql: PrimeGraphql = (texts) => {
    const pending = [...new Set(texts)].filter((text) => text.length <= MAX_CACHED_INPUT && !results.has(graphqlKey(text)));
    const heads = pending.map((text) => (text.includes('#') ? undefined : definitionHead(text)));
    if (pending.length < 2 || heads.some((head) => head === undefined)) return 0;
    let batch: string;
    try {
      // A blank line between the definitions: prettier prints one between each (and none inside one of these).
      batch = format(pending.join('\n\n'), skipScan ? { ...GRAPHQL_OPTIONS, pluginSearchDirs: [prettierDir] } : GRAPHQL_OPTIONS);
    } catch {
      return 0; // formatted one by one, each with its own result or error
    }
    const pieces = batch.split(/\n\n(?=\S)/).map((piece, at, all) => (at < all.length - 1 ? `${piece}\n` : piece));
    // One piece per text, in order, each the definition it came from: else nothing is kept.
    if (pieces.length !== pending.length || !pieces.every((piece, at) => piece.endsWith('}\n') && definitionHead(piece) === heads[at])) return 0;
    if (results.size + pending.length > MAX_CACHED_ENTRIES) results.clear();
    pending.forEach((text, at) => results.set(graphqlKey(text), pieces[at]!));
    return pending.length;
  };
  const graphqlFormats: GraphqlFormats = (texts) =>
    texts.flatMap((text) => {
      const formatted = results.get(graphqlKey(text));
      return formatted === undefined ? [] : [[text, formatted] as [string, string]];
    });
  const seedGraphql: SeedGraphql = (pairs) => {
    if (results.size + pairs.length > MAX_CACHED_ENTRIES) results.clear();
    for (const [text, formatted] of pairs) if (text.length <= MAX_CACHED_INPUT) results.set(graphqlKey(text), formatted);
  };
  Object.assign(formatOnce, { sandlotPrettierOnce: true, primeGraphql, graphqlFormats, seedGraphql });
  prettier.format = formatOnce;
};

const GRAPHQL_OPTIONS = { parser: 'graphql' };
/** The kept-results key of `format(text, GRAPHQL_OPTIONS)` (the key `formatPlain` uses for that call). */
const graphqlKey = (text: string) => `${JSON.stringify(GRAPHQL_OPTIONS)}\n${text}`;
/** `{ parser: 'typescript' }` and nothing else: the angular target's call. */
const isTypescriptOnly = (options: Record<string, unknown> | undefined) =>
  options !== undefined && options.parser === 'typescript' && Object.keys(options).length === 1;
/** `query Name`, `mutation Name`, `subscription Name` or `fragment Name` when the text opens with one; else undefined. */
const definitionHead = (text: string): string | undefined => {
  const head = /^\s*(query|mutation|subscription|fragment)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text);
  return head ? `${head[1]} ${head[2]}` : undefined;
};

/**
 * Format many GraphQL statements (each one operation or fragment) with one prettier call instead of one per
 * statement, and keep each statement's result as `format(statement, { parser: 'graphql' })` returns it. Prettier
 * 1.19 spends most of a statement's call on per-call option normalisation; the GraphQL printer prints each
 * top-level definition on its own (nothing crosses from one to the next but the blank line between), so the
 * batch, cut at those blank lines, is the statements' own results: `prettierOnce.test.ts` holds each equal to
 * its own call on the docs-app, rich and 50-model schemas, and a batch that does not cut into one piece per
 * statement, each opening with its statement's definition, is dropped (then every statement is formatted alone).
 * Returns how many results were added.
 */
type PrimeGraphql = (texts: readonly string[]) => number;

/** `primeGraphql` on the generators' prettier (0 when the wrapper is not installed there). */
export const primeGraphqlFormats = (texts: readonly string[]): number => {
  usePrettierOnce();
  const format = generatorModule<Prettier>('graphql-generator', 'prettier').format as { primeGraphql?: PrimeGraphql };
  return format.primeGraphql ? format.primeGraphql(texts) : 0;
};

type GraphqlFormats = (texts: readonly string[]) => [string, string][];
type SeedGraphql = (pairs: readonly (readonly [string, string])[]) => void;

/**
 * The kept `format(text, { parser: 'graphql' })` results for `texts` (those it has), to hand to another
 * thread's `seedGraphqlFormats`: a batch's worker threads each keep their own results, and the statements
 * primed on one thread are the same texts on the others.
 */
export const graphqlFormatsOf = (texts: readonly string[]): [string, string][] => {
  usePrettierOnce();
  const format = generatorModule<Prettier>('graphql-generator', 'prettier').format as { graphqlFormats?: GraphqlFormats };
  return format.graphqlFormats ? format.graphqlFormats(texts) : [];
};

/** Keep results `graphqlFormatsOf` returned on another thread (each prettier's own result for its text). */
export const seedGraphqlFormats = (pairs: readonly (readonly [string, string])[]): void => {
  usePrettierOnce();
  const format = generatorModule<Prettier>('graphql-generator', 'prettier').format as { seedGraphql?: SeedGraphql };
  format.seedGraphql?.(pairs);
};

let installed = false;

/** Install on the prettier copy the generators load (idempotent). */
export const usePrettierOnce = (): void => {
  if (installed) return;
  installed = true;
  for (const base of ['graphql-generator', 'types-generator'] satisfies GeneratorBase[]) {
    const prettierDir = generatorPrettierDir(base);
    const prettier = generatorModule<Prettier>(base, 'prettier');
    if ((prettier.format as { sandlotPrettierOnce?: boolean }).sandlotPrettierOnce) continue;
    if (!prettier.version.startsWith('1.')) continue; // prettier 2+ has no per-call plugin glob
    install(prettier, prettierDir);
  }
};
