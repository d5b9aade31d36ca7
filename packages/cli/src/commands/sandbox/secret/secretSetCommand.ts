import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import type { SandboxGlobalArgs } from '../../sandboxTarget.js';
import { withSecretClient } from '../../../secrets/withSecretClient.js';
import { assertSecretName } from '../../../secrets/secretName.js';
import { readSecretValue } from '../../../secrets/secretValueInput.js';

type Args = SandboxGlobalArgs & { secretName: string };

/** `ampx sandbox secret set <secret-name>`: prompt (masked) or piped stdin → a new secret version. */
export class SecretSetCommand implements CommandModule<object, Args> {
  readonly command = 'set <secret-name>';
  readonly describe = 'Set a sandbox secret';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<Args> =>
    y.positional('secret-name', { describe: 'Name of the secret to set', type: 'string', demandOption: true }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    assertSecretName(args.secretName);
    const value = await readSecretValue();
    const version = await withSecretClient(args, (c) => c.set(args.secretName, value));
    this.printer.print(`Successfully created version ${version} of secret ${args.secretName}`);
  };
}
