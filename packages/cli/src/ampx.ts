import { basename } from 'node:path';
import { createPrinter } from './printer.js';
import { parseSecretFastPath, runSecretFastPath } from './secrets/secretFastPath.js';
import { format } from './format.js';
import { AmplifyError, invalidInput, isPromptExit } from './errors.js';

/**
 * Entry of the `ampx` / `sandlot` binaries. Errors print `[Name] message` + Resolution (no help dump)
 * and exit 1; a prompt closed with Ctrl+C exits 1 silently.
 */
export async function main(argv = process.argv): Promise<void> {
  const debug = argv.includes('--debug');
  process.removeAllListeners('warning');
  process.on('warning', (w) => debug && process.stderr.write(`${w.name}: ${w.message}\n`));
  const printer = createPrinter();
  const args = argv.slice(2); // yargs' hideBin outside a bundled Electron app
  // `sandbox secret get|set|list|remove` skip yargs (see secretFastPath.ts); everything else parses in full.
  const fast = parseSecretFastPath(args);
  let UsageError: (typeof import('./mainParser.js'))['UsageError'] | undefined;
  try {
    if (fast) {
      await runSecretFastPath(fast, printer);
    } else {
      const mainParser = await import('./mainParser.js');
      UsageError = mainParser.UsageError;
      await mainParser.createMainParser(args, printer, basename(argv[1] ?? 'ampx').replace(/\.(m?js|ts)$/, '') === 'sandlot' ? 'sandlot' : 'ampx').parseAsync();
    }
  } catch (err) {
    const e = err as Error;
    if (isPromptExit(e)) {
      process.exitCode = 1;
      return;
    }
    const shown = e instanceof AmplifyError ? e : UsageError && e instanceof UsageError ? invalidInput(e.message, `Run ${format.command(commandPath(args))} --help to see the usage.`) : e;
    printer.error(format.error(shown));
    if (debug && e?.stack) printer.error(e.stack);
    process.exitCode = 1;
  }
}

/** The command words of an argument list (for the help hint). */
const commandPath = (args: string[]): string => {
  const words: string[] = [];
  for (const a of args) {
    if (a.startsWith('-')) break;
    words.push(a);
    if (words.length === 3) break;
  }
  return words.join(' ') || '';
};
