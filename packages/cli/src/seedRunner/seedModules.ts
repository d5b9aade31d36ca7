import { register } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installModuleRedirects } from '@sandlot/backend/sandbox';

/**
 * Module resolution for a seed script (on top of the backend loader's redirects, which already send
 * `@aws-amplify/backend` to Sandlot's and let `aws-amplify`, `aws-amplify/*`, `@aws-amplify/*` and
 * `otpauth` fall back to Sandlot's own install when the project has no copy):
 * - `@aws-amplify/seed` → Sandlot's seed library (`sandlot`), or the published package (`installed`:
 *   the project's copy, else the one Sandlot installs);
 * - ONE aws-amplify: `aws-amplify` / `aws-amplify/*` imported by the seed library (either one, so also
 *   the published package's pinned nested 6.14.4 copy) resolve as if the seed script imported them, so
 *   the Amplify the script configures is the one the library signs in with (wire-spec §9.3 pitfall);
 * - the published package's `@aws-amplify/cli-core` (only its code prompts) → Sandlot's prompter, so
 *   auto-confirm answers its e-mail / SMS codes from the local outbox too.
 */
export type SeedLibrary = 'sandlot' | 'installed';

const here = dirname(fileURLToPath(import.meta.url));
/** A module of packages/seed: its bundle beside the CLI (`dist/<bundled>`), else its source (run through tsx). */
const seedPackageModuleUrl = (bundled: string, source: string): string => {
  const file = join(here, bundled);
  return pathToFileURL(existsSync(file) ? file : join(here, '../../../seed/src', source)).href;
};

/** Sandlot's seed library. */
export const sandlotSeedUrl = (): string => seedPackageModuleUrl('seed.mjs', 'index.ts');

/** The published package's prompter stand-in. */
const publishedPrompterUrl = (): string => seedPackageModuleUrl('seed-prompter.mjs', 'publishedPrompter.ts');

/** Whether the project installs `@aws-amplify/seed` itself (then the default library is that one). */
export const projectHasSeedPackage = (projectRoot: string): boolean => existsSync(join(projectRoot, 'node_modules', '@aws-amplify', 'seed', 'package.json'));

// Runs on Node's loader thread: plain JavaScript, passed as a data: URL so nothing extra has to ship.
const SHARED_AMPLIFY_HOOKS = `
let state = { libraryPrefixes: [], scriptUrl: undefined, prompterUrl: undefined };
export async function initialize(data) { state = data; }
const isAmplify = (s) => s === 'aws-amplify' || s.startsWith('aws-amplify/');
export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (specifier === '@aws-amplify/cli-core' && state.prompterUrl && parent.includes('/node_modules/@aws-amplify/seed/')) {
    return { url: state.prompterUrl, shortCircuit: true };
  }
  const fromLibrary = state.libraryPrefixes.some((p) => (p.startsWith('file:') ? parent.startsWith(p) : parent.includes(p)));
  if (state.scriptUrl && isAmplify(specifier) && fromLibrary) {
    return nextResolve(specifier, { ...context, parentURL: state.scriptUrl });
  }
  return nextResolve(specifier, context);
}`;

let sharedInstalled = false;

export function installSeedModuleResolution(o: { library: SeedLibrary; seedScript: string }): void {
  const seedUrl = sandlotSeedUrl();
  installModuleRedirects(o.library === 'sandlot' ? { redirects: { '@aws-amplify/seed': seedUrl } } : {});
  if (sharedInstalled) return;
  // Sandlot's library folder (its source, or the bundle folder with its chunks) and the published package.
  const libraryPrefixes = [pathToFileURL(dirname(fileURLToPath(seedUrl))).href + '/', '/node_modules/@aws-amplify/seed/'];
  // file: prefixes match from the start; the published package's path matches wherever it is installed.
  register(`data:text/javascript,${encodeURIComponent(SHARED_AMPLIFY_HOOKS)}`, {
    parentURL: import.meta.url,
    data: { libraryPrefixes, scriptUrl: pathToFileURL(o.seedScript).href, prompterUrl: publishedPrompterUrl() },
  });
  sharedInstalled = true;
}
