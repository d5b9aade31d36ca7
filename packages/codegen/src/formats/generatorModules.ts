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
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package a module is resolved from. */
export type GeneratorBase = 'graphql-generator' | 'docs-generator' | 'types-generator' | 'modelgen-plugin' | 'codegen-core';

/** File name of the generators bundle, beside the bundled codegen code. */
export const GENERATORS_BUNDLE = 'codegen-generators.cjs';

type Bundle = Record<string, (() => unknown) | string> & { __dirname: string };

const localRequire = createRequire(import.meta.url);
const bundlePath = import.meta.url.startsWith('file:') ? path.join(path.dirname(fileURLToPath(import.meta.url)), GENERATORS_BUNDLE) : undefined;
let bundleLoaded = false;
let bundled: Bundle | undefined;
/** The generators bundle when it sits beside this code (loaded on first use), else undefined. */
const bundle = (): Bundle | undefined => {
  if (!bundleLoaded) {
    bundleLoaded = true;
    bundled = bundlePath !== undefined && existsSync(bundlePath) ? (localRequire(bundlePath) as Bundle) : undefined;
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
