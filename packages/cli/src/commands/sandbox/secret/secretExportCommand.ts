import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import type { SandboxGlobalArgs } from '../../sandboxTarget.js';
import { invalidInput } from '../../../errors.js';
import { withSecretClient } from '../../../secrets/withSecretClient.js';
import { formatDotenv } from '../../../secrets/dotenvFile.js';

type Args = SandboxGlobalArgs & { format: 'env' | 'json'; reveal?: boolean };

/**
 * `ampx sandbox secret export [--format env|json]`: every secret with its value on stdout, for a file
 * or a pipe. Refuses to print to a terminal unless `--reveal` says the user means it.
 */
export class SecretExportCommand implements CommandModule<object, Args> {
  readonly command = 'export';
  readonly describe = 'Print all sandbox secrets with their values (.env or JSON)';
  constructor(private readonly printer: Printer, private readonly stdoutIsTTY = Boolean(process.stdout.isTTY)) {}

  builder = (y: Argv): Argv<Args> =>
    y
      .option('format', { describe: 'Output format', choices: ['env', 'json'] as const, default: 'env' as const })
      .option('reveal', { describe: 'Allow printing secret values to a terminal', type: 'boolean' }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    if (this.stdoutIsTTY && !args.reveal) {
      throw invalidInput('Refusing to print secret values to a terminal.', 'Redirect the output to a file (`> .env.local`) or pipe it, or add --reveal to print them here.');
    }
    const secrets = await withSecretClient(args, (c) => c.list());
    const entries = secrets.map((s) => [s.name, s.value] as [string, string]);
    if (args.format === 'json') this.printer.print(JSON.stringify(Object.fromEntries(entries), null, 2));
    else process.stdout.write(formatDotenv(entries));
  };
}
