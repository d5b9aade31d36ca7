import { AmplifyUserError } from '../errors.js';

/** What a command that Sandlot has not built yet does: say so by name and exit non-zero. */
export function notBuiltYet(command: string): never {
  throw new AmplifyUserError('NotImplementedError', {
    message: `\`ampx ${command}\` is not built in Sandlot yet.`,
    resolution: 'It arrives in a later Sandlot version; until then use the real `ampx` against AWS for this command.',
  });
}
