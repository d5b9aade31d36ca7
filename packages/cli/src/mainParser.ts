import yargs, { type Argv, type CommandModule } from 'yargs';
import { createRequire } from 'node:module';
import type { Printer } from './printer.js';
import { SandboxCommand } from './commands/sandbox/sandboxCommand.js';
import { GenerateCommand } from './commands/generate/generateCommand.js';
import { notBuiltYet } from './commands/notBuiltYet.js';

/** A command line yargs could not parse (unknown flag, missing argument, …). */
export class UsageError extends Error {}

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The `ampx` command tree (as amplify-backend's main_parser_factory.ts). */
export function createMainParser(args: string[], printer: Printer, scriptName = 'ampx'): Argv {
  return yargs(args)
    .scriptName(scriptName)
    .command(new GenerateCommand(printer) as unknown as CommandModule)
    .command(new SandboxCommand(printer) as unknown as CommandModule)
    .command({ command: 'pipeline-deploy', describe: 'Command to deploy backends in a custom CI/CD pipeline. This command is not intended to be used locally.', handler: () => notBuiltYet('pipeline-deploy') })
    .command({ command: 'configure', describe: 'Configure AWS Amplify', handler: () => notBuiltYet('configure') })
    .command({ command: 'info', describe: 'Generates information for Amplify troubleshooting', handler: () => notBuiltYet('info') })
    .option('debug', { describe: 'Print debug logs to the console', type: 'boolean', default: false })
    .strict()
    .strictCommands()
    .recommendCommands()
    .demandCommand()
    .fail((msg, err) => {
      // Validation failures come as a message; errors thrown by handlers or checks pass through.
      if (err) throw err;
      throw new UsageError(msg);
    })
    .help()
    .alias('h', 'help')
    .version(version)
    .alias('v', 'version')
    .wrap(Math.min(120, process.stdout.columns || 120));
}
