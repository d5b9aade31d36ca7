import { register } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

let installed = false;

/** Next to the bundled CLI (`dist/`) or in the source tree (tsx). */
const sibling = (name: string, devPath: string): string => {
  const bundled = new URL(`./${name}`, import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled.href : new URL(devPath, import.meta.url).href;
};

/** URL of the module `@aws-amplify/backend` resolves to inside a Sandlot-loaded project. */
export const backendModuleUrl = (): string => sibling('backend.mjs', '../../../backend/src/index.ts');

/**
 * Installs the resolve hooks once per process: `@aws-amplify/backend` (and any extra `redirects`) go
 * to Sandlot's modules; `aws-amplify`, `@aws-amplify/*` and `otpauth`, when the project has no copy,
 * resolve from Sandlot's own dependencies.
 */
export function installModuleRedirects(extra: Record<string, string> = {}): void {
  const data = {
    redirects: { '@aws-amplify/backend': backendModuleUrl(), ...extra },
    fallbacks: ['aws-amplify', '@aws-amplify/', 'otpauth'],
    fallbackParent: pathToFileURL(fileURLToPath(import.meta.url)).href,
  };
  if (installed && Object.keys(extra).length === 0) return;
  register(sibling('redirectHooks.mjs', './redirectHooks.mjs'), { parentURL: import.meta.url, data });
  installed = true;
}
