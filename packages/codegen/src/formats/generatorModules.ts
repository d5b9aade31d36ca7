/**
 * The modules of the official generator packages that the glue loads, each the copy
 * `@aws-amplify/graphql-generator` itself runs (resolved from that package's own dependency tree).
 *
 * From sources they are required from `node_modules`. The bundled codegen code (the CLI's `dist/`, the bench)
 * ships them beside itself as one CommonJS file, `codegen-generators.cjs` (built by
 * `packages/codegen/generatorsBundle.mjs` from `generatorModules.json`): the generators' package graph is
 * hundreds of small CommonJS files, and every thread that generates loads it; bundled, it loads in a fraction
 * of that time. The generators stay the official packages; only how they are loaded changes.
 *
 * Every module the glue asks for is listed in `generatorModules.json` under the package it is resolved from
 * (asking for one that is not listed throws, from sources too, so the bundle cannot miss one).
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The package a module is resolved from. */
export type GeneratorBase = 'graphql-generator' | 'docs-generator' | 'types-generator' | 'modelgen-plugin' | 'codegen-core';

/** File name of the generators bundle, beside the bundled codegen code. */
export const GENERATORS_BUNDLE = 'codegen-generators.cjs';

type Bundle = Record<string, (() => unknown) | string> & { __dirname: string };

/** Suffix of the V8 code cache of a bundled file (`codegen-generators.cjs.v8-cache`, beside it; see `loadCommonJs`). */
export const CODE_CACHE_SUFFIX = '.v8-cache';
/** Directory, beside the generators bundle, of the prettier parsers it requires on first use (`generatorsBundle.mjs`). */
const PRETTIER_PARSERS = './codegen-prettier/';
const DIGEST_BYTES = 32;

/** What became of a bundled file's code cache when it was loaded. */
export type CodeCacheState = 'accepted' | 'rejected' | 'absent';
type Loaded = { file: string; script: vm.Script; digest: Buffer; cache: CodeCacheState; exports: unknown };
const loaded = new Map<string, Loaded>();

/**
 * One buffer, kept per thread, that the bundled files and their code caches are read into (see `readWrappedSource`).
 * On the VMs Sandlot is benched on, touching fresh memory is what reading a few MB costs most (a page fault per
 * 4 KB page): a new buffer for every file and cache, plus the copy `Module.wrap` makes V8 flatten, came to about
 * 9 MB of fresh pages for the generators bundle alone. It grows to the largest file read (~3.5 MB, the bundle's
 * code cache) and is reused by every later load on the thread (the prettier parsers).
 */
let scratch: Buffer | undefined;

/**
 * `file`'s bytes read into the scratch buffer at `at`, with `spare` bytes free after them; returns the bytes read
 * (a view of the scratch buffer, valid until the next read).
 */
const readIntoScratch = (file: string, at: number, spare: number): Buffer => {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (!scratch || scratch.length < at + size + spare) scratch = Buffer.allocUnsafeSlow(Math.max(at + size + spare, scratch?.length ?? 0));
    let read = 0;
    while (read < size) {
      const count = readSync(fd, scratch, at + read, size - read, null);
      if (count === 0) break;
      read += count;
    }
    return scratch.subarray(at, at + read);
  } finally {
    closeSync(fd);
  }
};

/** `Module.wrap`'s text before and after the source, when it is one (else undefined: wrapped as `Module.wrap` does). */
const wrapperParts = (): [string, string] | undefined => {
  const parts = Module.wrap('\0').split('\0');
  if (parts.length !== 2 || `${parts[0]}${parts[1]}` !== Module.wrap('') || !/^[\x00-\x7f]*$/.test(`${parts[0]}${parts[1]}`)) return undefined;
  return [parts[0]!, parts[1]!];
};

/**
 * `Module.wrap(<file as UTF-8>)` and the SHA-256 of `Module.wrap('')` followed by the file's bytes (what the code
 * cache's digest is checked against). The file is read into the scratch buffer between the wrapper's two halves,
 * so that an ASCII-only file (the generators bundle is made one at build time) is decoded once, wrapper included,
 * as Latin-1 — for ASCII bytes the same characters as UTF-8, and a copy V8 holds as a one-byte string without
 * validating UTF-8 or concatenating. A file with any other byte is decoded as UTF-8 and wrapped as before.
 */
export const readWrappedSource = (file: string): { wrapped: string; digest: Buffer; decoded: 'latin1' | 'utf8' } => {
  const parts = wrapperParts();
  const head = parts?.[0] ?? '';
  const tail = parts?.[1] ?? '';
  const source = readIntoScratch(file, head.length, tail.length);
  const digest = createHash('sha256').update(Module.wrap('')).update(source).digest();
  if (parts && isAscii(source)) {
    const buffer = scratch!;
    buffer.write(head, 0, 'latin1');
    buffer.write(tail, head.length + source.length, 'latin1');
    return { wrapped: buffer.toString('latin1', 0, head.length + source.length + tail.length), digest, decoded: 'latin1' };
  }
  return { wrapped: Module.wrap(source.toString('utf8')), digest, decoded: 'utf8' };
};

/**
 * A bundled CommonJS file (the generators bundle, a prettier parser), loaded as `require` would load it, but
 * compiled through `vm.Script` with the V8 code cache written beside it at build time when there is one
 * (`generatorsCodeCache.ts`, `writeLoadedCodeCaches`): V8 then deserializes the bytecode of the functions a generation ran instead
 * of parsing and compiling them again, in every thread that loads the file. The cache file starts with the
 * SHA-256 of the source it was made from (V8 itself checks only the source's length, its version and flags);
 * without a cache, or with one V8 rejects (another Node version, other V8 flags), the file is compiled as
 * usual. The file's `require` is its own (`createRequire`), except that the prettier parsers the generators
 * bundle requires are loaded the same way (each with its own cache).
 */
const loadCommonJs = (file: string): unknown => {
  const done = loaded.get(file);
  if (done) return done.exports;
  const { wrapped, digest } = readWrappedSource(file);
  let cachedData: Buffer | undefined;
  try {
    // Read into the scratch buffer too (the source's bytes are no longer needed): V8 reads it only while compiling.
    const data = readIntoScratch(`${file}${CODE_CACHE_SUFFIX}`, 0, 0);
    if (data.length > DIGEST_BYTES && data.subarray(0, DIGEST_BYTES).equals(digest)) cachedData = data.subarray(DIGEST_BYTES);
  } catch {
    // no cache: compiled as usual
  }
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache: CodeCacheState = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const own = createRequire(file);
  const dir = path.dirname(file);
  const require = Object.assign((request: string) => (request.startsWith(PRETTIER_PARSERS) ? loadCommonJs(path.join(dir, request)) : own(request)), {
    resolve: own.resolve,
    cache: own.cache,
    main: own.main,
    extensions: own.extensions,
  });
  const module = { exports: {} as unknown, id: file, filename: file, path: dir, loaded: false };
  const entry: Loaded = { file, script, digest, cache, exports: module.exports };
  loaded.set(file, entry);
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dir);
  module.loaded = true;
  entry.exports = module.exports;
  return module.exports;
};

/** How each bundled file loaded so far in this thread was compiled (file -> code cache state). */
export const generatorsCodeCacheStates = (): Record<string, CodeCacheState> => Object.fromEntries([...loaded.values()].map(({ file, cache }) => [file, cache]));

/**
 * Write the V8 code cache of every bundled file loaded so far in this thread, beside it (a build step, after a
 * generation: the cache then carries the functions that generation compiled). Returns the files written.
 */
export const writeLoadedCodeCaches = (): string[] =>
  [...loaded.values()].map(({ file, script, digest }) => {
    writeFileSync(`${file}${CODE_CACHE_SUFFIX}`, Buffer.concat([digest, script.createCachedData()]));
    return `${file}${CODE_CACHE_SUFFIX}`;
  });

const localRequire = createRequire(import.meta.url);
const bundlePath = import.meta.url.startsWith('file:') ? path.join(path.dirname(fileURLToPath(import.meta.url)), GENERATORS_BUNDLE) : undefined;
let bundleLoaded = false;
let bundled: Bundle | undefined;
/** The generators bundle when it sits beside this code (loaded on first use), else undefined. */
const bundle = (): Bundle | undefined => {
  if (!bundleLoaded) {
    bundleLoaded = true;
    bundled = bundlePath !== undefined && existsSync(bundlePath) ? (loadCommonJs(bundlePath) as Bundle) : undefined;
  }
  return bundled;
};

let listed: Record<string, string[]> | undefined;
let requires: Record<GeneratorBase, NodeRequire> | undefined;
const requireFrom = (base: GeneratorBase): NodeRequire => {
  if (!requires) {
    const generator = createRequire(localRequire.resolve('@aws-amplify/graphql-generator'));
    requires = {
      'graphql-generator': generator,
      'docs-generator': createRequire(generator.resolve('@aws-amplify/graphql-docs-generator')),
      'types-generator': createRequire(generator.resolve('@aws-amplify/graphql-types-generator')),
      'modelgen-plugin': createRequire(generator.resolve('@aws-amplify/appsync-modelgen-plugin')),
      'codegen-core': createRequire(generator.resolve('@graphql-codegen/core')),
    };
  }
  return requires[base];
};

/** Whether the generators come from the bundle (else from `node_modules`). */
export const generatorsBundled = (): boolean => bundle() !== undefined;

/** `require(request)` as the module `base` would require it: the generators' own copy. */
export const generatorModule = <T = unknown>(base: GeneratorBase, request: string): T => {
  const modules = bundle();
  if (modules) {
    const load = modules[`${base} ${request}`];
    if (typeof load !== 'function') throw new Error(`${GENERATORS_BUNDLE} has no ${request} of ${base}`);
    return load() as T;
  }
  // From sources, the list is checked (the bundled code, without a generators bundle, loads from node_modules as is).
  if (import.meta.url.endsWith('.ts')) listed ??= localRequire('./generatorModules.json') as Record<string, string[]>;
  if (listed && !listed[base]?.includes(request)) throw new Error(`${request} of ${base} is not listed in generatorModules.json (the generators bundle would not carry it)`);
  return requireFrom(base)(request) as T;
};

/**
 * The directory prettier 1.x, as loaded from `base`, takes for its own (`__dirname` of its index: where it
 * looks for `node_modules` with plugins): its package directory, or the bundle's directory.
 */
export const generatorPrettierDir = (base: GeneratorBase): string => {
  const modules = bundle();
  return modules ? modules.__dirname : path.dirname(requireFrom(base).resolve('prettier/package.json'));
};
