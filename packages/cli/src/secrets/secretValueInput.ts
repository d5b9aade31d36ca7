import { invalidInput } from '../errors.js';

/**
 * Reads a secret value: a masked prompt (`? Enter secret value: ###`) on a terminal, else the whole of
 * stdin. Piped input loses exactly one trailing line break (`\n` or `\r\n`): `echo foo |` and a file
 * saved by an editor both end in one that nobody means as part of the value (the real CLI keeps it and
 * stores `foo\n`). `printf 'foo\n\n'` keeps one line break.
 */
export async function readSecretValue(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stdin.isTTY) {
    const { password } = await import('@inquirer/prompts');
    return password({ message: 'Enter secret value:', mask: '#', validate: (v: string) => (v.length > 0 ? true : 'Cannot be empty') });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  const value = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (value.length === 0) {
    throw invalidInput('The secret value is empty: nothing was read from standard input.', "Pipe a value in (for example `printf '%s' \"$VALUE\" | npx ampx sandbox secret set <name>`) or run the command in a terminal to be prompted.");
  }
  return value;
}
