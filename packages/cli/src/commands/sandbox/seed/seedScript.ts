import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AmplifyUserError } from '../../../errors.js';

/** `amplify/seed/seed.ts` of the project, or the real `SeedScriptNotFoundError`. */
export function requireSeedScript(projectRoot: string): string {
  const file = join(projectRoot, 'amplify', 'seed', 'seed.ts');
  if (!existsSync(file)) {
    throw new AmplifyUserError('SeedScriptNotFoundError', {
      message: `There is no file that corresponds to ${file}`,
      resolution: `Please make a file that corresponds to ${file} and put your seed logic in it`,
    });
  }
  return file;
}
