import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { readFileSync } from 'node:fs';
import type { Printer } from '../../../printer.js';
import type { SandboxGlobalArgs } from '../../sandboxTarget.js';
import { invalidInput } from '../../../errors.js';
import { withSecretClient } from '../../../secrets/withSecretClient.js';
import { assertSecretName } from '../../../secrets/secretName.js';
import { parseDotenv } from '../../../secrets/dotenvFile.js';

type Args = SandboxGlobalArgs & { file: string };

/** `ampx sandbox secret import <file.env>`: every KEY=value becomes a secret (all names checked first). */
export class SecretImportCommand implements CommandModule<object, Args> {
  readonly command = 'import <file>';
  readonly describe = 'Set sandbox secrets from a .env file';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<Args> => y.positional('file', { describe: 'Path of a .env file', type: 'string', demandOption: true }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    let text: string;
    try {
      text = readFileSync(args.file, 'utf8');
    } catch (cause) {
      throw invalidInput(`Cannot read ${args.file}: ${(cause as Error).message}`, 'Check the path of the .env file.');
    }
    const entries = parseDotenv(text, args.file);
    for (const [name, value] of entries) {
      assertSecretName(name);
      if (value === '') throw invalidInput(`${args.file}: ${name} has an empty value.`, 'Give it a value or remove the line: a secret cannot be empty.');
    }
    if (entries.length === 0) throw invalidInput(`${args.file} has no KEY=value lines.`, 'Add lines such as API_KEY=abc123.');
    const results = await withSecretClient(args, async (c) => {
      const out: string[] = [];
      for (const [name, value] of entries) out.push(`${name} (version ${await c.set(name, value)})`);
      return out;
    });
    this.printer.print(`Imported ${results.length} secret${results.length === 1 ? '' : 's'}: ${results.join(', ')}`);
  };
}
