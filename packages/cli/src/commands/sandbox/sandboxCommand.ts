import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { invalidInput } from '../../errors.js';
import { resolveSandbox, type SandboxGlobalArgs } from '../sandboxTarget.js';
import type { OutputsFormat, OutputsVersion } from '../../sandbox/outputsTarget.js';
import { deleteSandbox } from './sandboxDeleteCommand.js';

type SandboxArgs = SandboxGlobalArgs & {
  dirToWatch?: string;
  exclude?: string[];
  outputsFormat?: string;
  outputsVersion?: string;
  outputsOutDir?: string;
  once?: boolean;
};
import type { Printer } from '../../printer.js';
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
      .command(new SandboxDeleteCommand(this.printer) as unknown as CommandModule)
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

  handler = async (args: ArgumentsCamelCase<SandboxArgs>): Promise<void> => {
    const loc = resolveSandbox(args);
    const dirToWatch = resolve(args.dirToWatch ?? join(loc.project.root, 'amplify'));
    if (args.dirToWatch !== undefined) {
      if (!existsSync(dirToWatch)) throw invalidInput(`--dir-to-watch ${args.dirToWatch} does not exist`, 'Pass a folder that exists, or leave the flag out to watch amplify/.');
      if (!statSync(dirToWatch).isDirectory()) throw invalidInput(`--dir-to-watch ${args.dirToWatch} is not a valid directory`, 'Pass a folder, not a file.');
    }
    // A project with amplify/data/ gets the model generator loading in a worker thread first, so it
    // overlaps with everything below (the session's code, the local cloud, the backend definition).
    const introspector = existsSync(join(loc.project.root, 'amplify', 'data')) ? (await import('../../sandbox/modelIntrospector.js')).createModelIntrospector() : undefined;
    // The session's code (local cloud, backend loader, watcher) loads only when this command runs.
    let session;
    try {
      const [{ startSandboxSession }, { outputsTarget }] = await Promise.all([import('../../sandbox/sandboxSession.js'), import('../../sandbox/outputsTarget.js')]);
      const version = (args.outputsVersion ?? '1.5') as OutputsVersion;
      const fmt = (args.outputsFormat ?? 'json') as OutputsFormat;
      const outputs = outputsTarget(version, fmt, args.outputsOutDir ?? process.cwd());
      const interactive = Boolean(process.stdin.isTTY);
      session = await startSandboxSession({
        loc,
        printer: this.printer,
        once: Boolean(args.once),
        dirToWatch,
        exclude: args.exclude ?? [],
        outputs,
        confirmDeleteOnStop: interactive
          ? async () => (await import('@inquirer/prompts')).confirm({ message: 'Would you like to delete all the resources in your sandbox environment (This cannot be undone)?', default: false })
          : undefined,
        onDeleteRequested: () => deleteSandbox(loc, this.printer),
        introspector,
      });
    } catch (err) {
      await introspector?.close(); // the session closes it once it has started
      throw err;
    }
    process.exitCode = await session.done;
  };
}
