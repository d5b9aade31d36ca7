import type { Argv, CommandModule } from 'yargs';
import type { Printer } from '../../printer.js';
import { notBuiltYet } from '../notBuiltYet.js';
import { SandboxDeleteCommand } from './sandboxDeleteCommand.js';
import { SecretCommand } from './secret/secretCommand.js';
import { SeedCommand } from './seed/seedCommand.js';
import { sandboxIdentifier } from '../../project/backendIdentifier.js';

/** `ampx sandbox`: starts the local sandbox and watches amplify/ (flags as the real command). */
export class SandboxCommand implements CommandModule {
  readonly command = 'sandbox';
  readonly describe = 'Starts sandbox, watch mode for Amplify backend deployments';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv =>
    y
      .version(false)
      .command(new SandboxDeleteCommand())
      .command(new SecretCommand(this.printer))
      .command(new SeedCommand(this.printer))
      .option('dir-to-watch', { describe: 'Directory to watch for file changes. All subdirectories and files will be included. Defaults to the amplify directory.', type: 'string', global: false })
      .option('exclude', { describe: 'An array of paths or glob patterns to ignore. Paths can be relative or absolute and can either be files or directories', type: 'string', array: true, global: false })
      .option('identifier', { describe: 'An optional name to distinguish between different sandbox environments. Default is the name of the system user executing the process', type: 'string', alias: 'name', global: true })
      .option('outputs-format', { describe: 'amplify_outputs file format', type: 'string', choices: ['mjs', 'json', 'json-mobile', 'ts', 'dart'], global: false })
      .option('outputs-version', { describe: 'Version of the configuration. Version 0 represents classic amplify-cli config file amplify-configuration and 1 represents newer config file amplify_outputs', type: 'string', choices: ['0', '1', '1.1', '1.2', '1.3', '1.4', '1.5'], default: '1.5', global: false })
      .option('outputs-out-dir', { describe: 'A path to directory where amplify_outputs is written. If not provided defaults to current process working directory.', type: 'string', global: false })
      .option('profile', { describe: 'An AWS profile name. In Sandlot each profile is its own local account.', type: 'string', global: true })
      .option('once', { describe: 'Execute a single sandbox deployment without watching for future file changes', type: 'boolean', global: false, conflicts: ['exclude', 'dir-to-watch'] })
      .option('express', { describe: 'Accepted for compatibility; Sandlot deployments are always immediate', type: 'boolean', global: false })
      .option('stream-function-logs', { describe: 'Whether to stream function execution logs. Default: false.', type: 'boolean', global: false, group: 'Logs streaming' })
      .check((argv) => {
        if (typeof argv.identifier === 'string') sandboxIdentifier('check', argv.identifier);
        return true;
      });

  handler = (): void => notBuiltYet('sandbox');
}
