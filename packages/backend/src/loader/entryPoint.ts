import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BackendDefinitionError } from '../errors.js';

const ENTRY_POINTS = ['backend.js', 'backend.mjs', 'backend.cjs', 'backend.ts'];

/** `amplify/backend.(js|mjs|cjs|ts)`, JS preferred over TS as the real tool (`backend_entry_point_locator.ts`). */
export function backendEntryPoint(projectRoot: string): string {
  for (const name of ENTRY_POINTS) {
    const file = join(projectRoot, 'amplify', name);
    if (existsSync(file)) return file;
  }
  throw new BackendDefinitionError('FileConventionError', `Amplify Backend not found in ${projectRoot}.`, 'Amplify Backend must be defined in amplify/backend.(ts|js|cjs|mjs)');
}
