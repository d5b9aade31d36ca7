import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { registry, resetRegistry } from '../registry.js';
import { BackendDefinitionError } from '../errors.js';
import { buildBackendModel } from '../model/buildModel.js';
import type { LoadedBackend } from '../model/types.js';
import { backendEntryPoint } from './entryPoint.js';
import { bundleBackend } from './bundleBackend.js';
import { installModuleRedirects, isFallback, moduleRedirects, resolveFallback, type ModuleRedirectOptions } from './moduleRedirects.js';

let loads = 0;

export interface LoadBackendOptions extends ModuleRedirectOptions {
  /** Called with each project file the definition imported (outside node_modules): what watch mode should watch. */
  onImport?: (file: string) => void;
}

/**
 * Imports `amplify/backend.(js|mjs|cjs|ts)` with TypeScript support (one esbuild bundle, see bundleBackend;
 * tsx file by file when a file reads its own location), `@aws-amplify/backend` resolved to Sandlot's
 * definition API even when the project does not install it, each time afresh (an edited file is read
 * again in watch mode), and returns the serialisable model of
 * what `defineBackend` recorded. Errors keep their amplify-backend names; anything else thrown while
 * loading becomes `BackendBuildError` with the project file and line.
 */
export async function loadBackend(projectRoot: string, o: LoadBackendOptions = {}): Promise<LoadedBackend> {
  const entryPoint = backendEntryPoint(projectRoot);
  resetRegistry();
  try {
    const bundle = await bundleBackend(projectRoot, entryPoint, { redirects: moduleRedirects(o), isFallback, resolveFallback });
    if (bundle) {
      if (o.onImport) for (const file of bundle.inputs) o.onImport(file);
      process.setSourceMapsEnabled(true); // stack traces through the bundle name the project's files
      try {
        await import(pathToFileURL(bundle.file).href);
      } finally {
        bundle.remove();
      }
      return definedBackend(projectRoot, entryPoint);
    }
  } catch (err) {
    throw asDefinitionError(err, projectRoot);
  }
  // A file that reads its own location, or an import only Node can explain: file by file with tsx (nothing
  // of the definition ran yet: bundleBackend decides before any import).
  installModuleRedirects(o);
  // Loaded on demand: commands that never load a backend (secrets, seed policy) start without tsx.
  const { register: registerTsx } = await import('tsx/esm/api');
  const api = registerTsx({
    namespace: `sandlot-backend-${process.pid}-${++loads}`,
    onImport: (url: string) => {
      if (!o.onImport || !url.startsWith('file:') || url.includes('/node_modules/')) return;
      o.onImport(fileURLToPath(url.replace(/\?.*$/, '')));
    },
  });
  try {
    await api.import(pathToFileURL(entryPoint).href, import.meta.url);
    return definedBackend(projectRoot, entryPoint);
  } catch (err) {
    throw asDefinitionError(err, projectRoot);
  } finally {
    await api.unregister();
  }
}

/** The model of what the loaded definition's `defineBackend` recorded. */
function definedBackend(projectRoot: string, entryPoint: string): LoadedBackend {
  const record = registry().current;
  if (!record) {
    throw new BackendDefinitionError('MissingDefineBackendError', 'The Amplify backend definition is missing `defineBackend` call.', `Call defineBackend({ ... }) in ${relative(projectRoot, entryPoint)}.`);
  }
  return buildBackendModel(record, entryPoint);
}

/** A definition error keeps its name and resolution (file:line added); anything else becomes BackendBuildError. */
function asDefinitionError(err: unknown, projectRoot: string): Error {
  const e = err as Error & { resolution?: string; details?: string };
  const where = locate(e, projectRoot);
  if (e instanceof BackendDefinitionError || (e && typeof e.resolution === 'string')) {
    if (!where || e.message.includes(where)) return e;
    return new BackendDefinitionError(e.name, `${e.message} (${where})`, e.resolution!, { ...(e.details !== undefined && { details: e.details }), cause: e });
  }
  return new BackendDefinitionError(
    'BackendBuildError',
    `Unable to build the Amplify backend definition${where ? ` at ${where}` : ''}: ${e?.message ?? String(e)}`,
    'Check your backend definition in the `amplify` folder for errors, fix them and save.',
    { cause: e },
  );
}

/** The first location inside the project's amplify/ folder (stack frame or esbuild error), as path:line. */
export function locate(e: Error, projectRoot: string): string | undefined {
  const text = `${e?.message ?? ''}\n${e?.stack ?? ''}`;
  const m = /((?:file:\/\/)?\/[^\s()]*\/amplify\/[^\s():?]+)(?:\?[^\s():]*)?:(\d+)(?::\d+)?/.exec(text);
  if (!m) return undefined;
  return `${relative(projectRoot, m[1]!.replace(/^file:\/\//, ''))}:${m[2]}`;
}
