import type { Argv, CommandModule } from 'yargs';
import { notBuiltYet } from '../notBuiltYet.js';

/** `ampx sandbox delete [--yes]`. */
export class SandboxDeleteCommand implements CommandModule {
  readonly command = 'delete';
  readonly describe = 'Deletes sandbox environment';

  builder = (y: Argv): Argv =>
    y.option('yes', { alias: 'y', describe: 'Do not ask for confirmation before deleting the sandbox environment', type: 'boolean' });
  handler = (): void => notBuiltYet('sandbox delete');
}
