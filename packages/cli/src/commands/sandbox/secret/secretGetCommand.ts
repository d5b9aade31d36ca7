import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import type { SandboxGlobalArgs } from '../../sandboxTarget.js';
import { format } from '../../../format.js';
import { invalidInput } from '../../../errors.js';
import { withSecretClient } from '../../../secrets/withSecretClient.js';
import { assertSecretName } from '../../../secrets/secretName.js';

type Args = SandboxGlobalArgs & { secretName: string; version?: number; json?: boolean };

/** `ampx sandbox secret get <secret-name> [--version N] [--json]`: name, version, value, lastUpdated. */
export class SecretGetCommand implements CommandModule<object, Args> {
  readonly command = 'get <secret-name>';
  readonly describe = 'Get a sandbox secret';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<Args> =>
    y
      .positional('secret-name', { describe: 'Name of the secret to get', type: 'string', demandOption: true })
      .option('version', { describe: 'A version of the secret other than the newest (see `secret history`)', type: 'number' })
      .option('json', { describe: 'Print the secret as one JSON object', type: 'boolean' }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    assertSecretName(args.secretName);
    if (args.version !== undefined && (!Number.isInteger(args.version) || args.version < 1)) {
      throw invalidInput(`Invalid --version provided: ${args.version}`, 'Use a whole number from 1 up; `npx ampx sandbox secret history <name>` lists the versions.');
    }
    const s = await withSecretClient(args, (c) => c.get(args.secretName, args.version));
    if (args.json) {
      this.printer.print(JSON.stringify({ name: s.name, version: s.version, value: s.value, lastUpdated: s.lastUpdated.toISOString() }));
      return;
    }
    this.printer.print(format.record({ name: s.name, version: s.version, value: s.value, lastUpdated: s.lastUpdated }));
  };
}
