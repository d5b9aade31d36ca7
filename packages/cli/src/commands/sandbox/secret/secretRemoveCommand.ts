import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import type { SandboxGlobalArgs } from '../../sandboxTarget.js';
import { invalidInput } from '../../../errors.js';
import { withSecretClient } from '../../../secrets/withSecretClient.js';
import { assertSecretName } from '../../../secrets/secretName.js';

type Args = SandboxGlobalArgs & { secretName?: string; all?: boolean };

/** `ampx sandbox secret remove <secret-name> | --all` (any number of secrets, unlike the real one). */
export class SecretRemoveCommand implements CommandModule<object, Args> {
  readonly command = 'remove [secret-name]';
  readonly describe = 'Remove a sandbox secret';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<Args> =>
    y
      .positional('secret-name', { describe: 'Name of the secret to remove', type: 'string' })
      .option('all', { describe: 'Remove all secrets from the sandbox environment', type: 'boolean', conflicts: 'secret-name' })
      .check((argv) => {
        if (!argv.all && !argv.secretName) throw invalidInput('Either secret-name or all flag must be provided', 'Provide either secret-name or all flag');
        return true;
      }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    if (args.all) {
      const removed = await withSecretClient(args, async (c) => {
        const names = (await c.list()).map((s) => s.name);
        if (names.length) await c.removeMany(names);
        return names.length;
      });
      this.printer.print(removed ? 'Successfully removed all secrets' : 'No sandbox secrets found; nothing to remove.');
      return;
    }
    assertSecretName(args.secretName);
    await withSecretClient(args, (c) => c.remove(args.secretName!));
    this.printer.print(`Successfully removed secret ${args.secretName}`);
  };
}
