import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import type { SandboxGlobalArgs } from '../../sandboxTarget.js';
import { format } from '../../../format.js';
import { withSecretClient } from '../../../secrets/withSecretClient.js';

type Args = SandboxGlobalArgs & { json?: boolean };

/** `ampx sandbox secret list [--json]`: names only (values are never listed). */
export class SecretListCommand implements CommandModule<object, Args> {
  readonly command = 'list';
  readonly describe = 'List all sandbox secrets';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<Args> =>
    y.option('json', { describe: 'Print names, versions and dates as JSON (no values)', type: 'boolean' }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    const secrets = await withSecretClient(args, (c) => c.list());
    if (args.json) {
      this.printer.print(JSON.stringify(secrets.map((s) => ({ name: s.name, version: s.version, lastUpdated: s.lastUpdated.toISOString() }))));
      return;
    }
    if (secrets.length === 0) {
      this.printer.print(`No sandbox secrets found. To create a secret use ${format.command('sandbox secret set <secret-name>')}.\n`);
      return;
    }
    this.printer.print(format.list(secrets.map((s) => s.name)) + '\n');
  };
}
