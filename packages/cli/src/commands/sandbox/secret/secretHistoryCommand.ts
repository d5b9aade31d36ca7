import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import type { SandboxGlobalArgs } from '../../sandboxTarget.js';
import { withSecretClient } from '../../../secrets/withSecretClient.js';
import { assertSecretName } from '../../../secrets/secretName.js';

type Args = SandboxGlobalArgs & { secretName: string; json?: boolean };

/** `ampx sandbox secret history <secret-name>`: every kept version with its date; values hidden. */
export class SecretHistoryCommand implements CommandModule<object, Args> {
  readonly command = 'history <secret-name>';
  readonly describe = 'List the versions of a sandbox secret (values hidden)';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<Args> =>
    y
      .positional('secret-name', { describe: 'Name of the secret', type: 'string', demandOption: true })
      .option('json', { describe: 'Print the versions as JSON', type: 'boolean' }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    assertSecretName(args.secretName);
    const versions = await withSecretClient(args, (c) => c.history(args.secretName));
    if (args.json) {
      this.printer.print(JSON.stringify(versions.map((v) => ({ version: v.version, lastUpdated: v.lastUpdated.toISOString() }))));
      return;
    }
    for (const v of versions) this.printer.print(`version ${v.version}  ${String(v.lastUpdated)}`);
  };
}
