import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { relative } from 'node:path';
import type { Printer } from '../../printer.js';
import { AmplifyUserError } from '../../errors.js';
import { format } from '../../format.js';
import { resolveSandbox, type SandboxGlobalArgs } from '../sandboxTarget.js';
import { runningInstance } from '../../sandbox/instanceLock.js';

type Args = SandboxGlobalArgs & { yes?: boolean };

export const DELETE_QUESTION = "Are you sure you want to delete all the resources in your sandbox environment (This can't be undone)?";

/**
 * `ampx sandbox delete [--yes] [--identifier X]`: removes the sandbox's users, data, files and outputs
 * file; its secrets stay (as the real one keeps SSM parameters).
 */
export class SandboxDeleteCommand implements CommandModule<object, Args> {
  readonly command = 'delete';
  readonly describe = 'Deletes sandbox environment';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<Args> =>
    y.option('yes', { alias: 'y', describe: 'Do not ask for confirmation before deleting the sandbox environment', type: 'boolean' }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    const loc = resolveSandbox(args);
    if (!args.yes) {
      if (!process.stdin.isTTY) {
        throw new AmplifyUserError('InvalidCommandInputError', {
          message: 'Deleting a sandbox needs a confirmation, and there is no terminal to ask on.',
          resolution: `Re-run with --yes: ${format.command('sandbox delete --yes')}`,
        });
      }
      const { confirm } = await import('@inquirer/prompts');
      if (!(await confirm({ message: DELETE_QUESTION, default: false }))) return;
    }
    const pid = runningInstance(loc.stateDir);
    if (pid) {
      throw new AmplifyUserError('DeleteFailedWhileDeploymentInProgressError', {
        message: `Sandbox ${loc.id.name} is running (process ${pid}).`,
        resolution: 'Stop it (Ctrl+C in its terminal) and run the delete again.',
      });
    }
    await deleteSandbox(loc, this.printer);
  };
}

export async function deleteSandbox(loc: ReturnType<typeof resolveSandbox>, printer: Printer): Promise<void> {
  printer.log('[Sandbox] Deleting all the resources in the sandbox environment...');
  const { deleteSandboxState } = await import('../../sandbox/deleteSandboxState.js');
  const outputs = deleteSandboxState(loc);
  if (outputs) printer.log(`File removed: ${relative(process.cwd(), outputs) || outputs}`);
  printer.log('[Sandbox] Finished deleting.');
}
