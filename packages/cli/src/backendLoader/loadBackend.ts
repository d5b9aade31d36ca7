import { pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { register as registerTsx } from 'tsx/esm/api';
import { registry, resetRegistry, type BackendRecord } from '@sandlot/backend';
import { AmplifyUserError } from '../errors.js';
import { backendEntryPoint } from './entryPoint.js';
import { installModuleRedirects } from './moduleRedirects.js';

let loads = 0;

export interface LoadedBackend {
  record: BackendRecord;
  entryPoint: string;
  /** Unsupported options the definition used, each named. */
  warnings: string[];
}

/**
 * Imports `amplify/backend.(js|mjs|cjs|ts)` with TypeScript support and `@aws-amplify/backend`
 * resolved to Sandlot's definition API, in a fresh module namespace each time (so an edited file is
 * re-read in watch mode), and returns what `defineBackend` recorded.
 */
export async function loadBackend(projectRoot: string): Promise<LoadedBackend> {
  const entryPoint = backendEntryPoint(projectRoot);
  installModuleRedirects();
  resetRegistry();
  const api = registerTsx({ namespace: `sandlot-backend-${process.pid}-${++loads}` });
  try {
    await api.import(pathToFileURL(entryPoint).href, import.meta.url);
  } catch (err) {
    throw asDefinitionError(err, projectRoot);
  } finally {
    await api.unregister();
  }
  const record = registry().current;
  if (!record) {
    throw new AmplifyUserError('MissingDefineBackendError', {
      message: 'The Amplify backend definition is missing `defineBackend` call.',
      resolution: `Call defineBackend({ ... }) in ${relative(projectRoot, entryPoint)}.`,
    });
  }
  return { record, entryPoint, warnings: [...record.warnings] };
}

/** A thrown definition error keeps its name and resolution; anything else becomes a BackendBuildError with file:line. */
function asDefinitionError(err: unknown, projectRoot: string): Error {
  const e = err as Error & { resolution?: string };
  if (e instanceof AmplifyUserError) return e;
  const where = locate(e, projectRoot);
  if (e?.resolution) return new AmplifyUserError(e.name, { message: `${e.message}${where ? ` (${where})` : ''}`, resolution: e.resolution });
  return new AmplifyUserError('BackendBuildError', {
    message: `Unable to build the Amplify backend definition${where ? ` at ${where}` : ''}: ${e?.message ?? String(e)}`,
    resolution: 'Check your backend definition in the `amplify` folder for errors, fix them and save.',
    cause: e,
  });
}

/** The first stack frame (or esbuild location) inside the project's amplify/ folder, as path:line. */
function locate(e: Error, projectRoot: string): string | undefined {
  const text = `${e?.message ?? ''}\n${e?.stack ?? ''}`;
  const m = /((?:file:\/\/)?\/[^\s()]*\/amplify\/[^\s():?]+)(?:\?[^\s():]*)?:(\d+)(?::\d+)?/.exec(text);
  if (!m) return undefined;
  return `${relative(projectRoot, m[1]!.replace(/^file:\/\//, ''))}:${m[2]}`;
}
