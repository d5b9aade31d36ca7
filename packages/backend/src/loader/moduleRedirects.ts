import { register } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ModuleRedirectOptions {
  /** URL `@aws-amplify/backend` resolves to. Default: `backend.mjs` beside this code when bundled, else this package's `src/index.ts`. */
  backendModuleUrl?: string;
  /** URL of `redirectHooks.mjs`. Default: beside this code (bundled or source). */
  hooksUrl?: string;
  /** More exact-specifier redirects. */
  redirects?: Record<string, string>;
}

/** Next to the bundled CLI (`dist/`) or in the source tree. */
const sibling = (name: string, devPath: string): string => {
  const bundled = new URL(`./${name}`, import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled.href : new URL(devPath, import.meta.url).href;
};

export const defaultBackendModuleUrl = (): string => sibling('backend.mjs', '../index.ts');

const INSTALLED = Symbol.for('sandlot.backend.moduleRedirects');

/**
 * Installs the resolve hooks once per process (again only with new redirects): `@aws-amplify/backend`
 * goes to Sandlot's definition API; `@aws-amplify/*` (data-schema…), `aws-amplify` and `otpauth`, when
 * the project has no copy, resolve from Sandlot's own dependencies.
 */
export function installModuleRedirects(o: ModuleRedirectOptions = {}): void {
  const g = globalThis as unknown as Record<symbol, string | undefined>;
  const redirects = moduleRedirects(o);
  const key = JSON.stringify(redirects);
  if (g[INSTALLED] === key) return;
  register(o.hooksUrl ?? sibling('redirectHooks.mjs', './redirectHooks.mjs'), {
    parentURL: import.meta.url,
    data: { redirects, fallbacks: FALLBACKS, fallbackParent: import.meta.url },
  });
  g[INSTALLED] = key;
}

/** Exact-specifier redirects: `@aws-amplify/backend` to Sandlot's definition API, plus the options' own. */
export const moduleRedirects = (o: ModuleRedirectOptions = {}): Record<string, string> => ({ '@aws-amplify/backend': o.backendModuleUrl ?? defaultBackendModuleUrl(), ...o.redirects });

/** Bare specifiers (or prefixes ending in '/') that come from Sandlot's install when the project has no copy. */
const FALLBACKS = ['aws-amplify', '@aws-amplify/', 'otpauth'];

export const isFallback = (specifier: string): boolean =>
  FALLBACKS.some((f) => (f.endsWith('/') ? specifier.startsWith(f) : specifier === f || specifier.startsWith(f + '/')));

/** A fallback specifier resolved from Sandlot's install (ESM conditions, as the resolve hook does). */
export const resolveFallback = (specifier: string): string => import.meta.resolve(specifier);
