import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AmplifyUserError } from '../errors.js';

const ENTRY_POINTS = ['backend.js', 'backend.mjs', 'backend.cjs', 'backend.ts'];

/** `amplify/backend.(js|mjs|cjs|ts)`, JS preferred over TS as the real tool does. */
export function backendEntryPoint(projectRoot: string): string {
  for (const name of ENTRY_POINTS) {
    const file = join(projectRoot, 'amplify', name);
    if (existsSync(file)) return file;
  }
  throw new AmplifyUserError('FileConventionError', {
    message: `Amplify Backend not found in ${projectRoot}.`,
    resolution: 'Amplify Backend must be defined in amplify/backend.(ts|js|cjs|mjs)',
  });
}
