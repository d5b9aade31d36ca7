import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { SandboxGlobalArgs } from '../../sandboxTarget.js';
import { invalidInput, AmplifyUserError } from '../../../errors.js';
import { withSecretClient } from '../../../secrets/withSecretClient.js';

type Args = SandboxGlobalArgs & { '--'?: string[]; command?: string[] };

/**
 * `ampx sandbox secret run -- <command> [args…]`: runs a command with the sandbox's secrets as
 * environment variables (no file written); exits with the command's exit code.
 */
export class SecretRunCommand implements CommandModule<object, Args> {
  readonly command = 'run [command..]';
  readonly describe = "Run a command with the sandbox's secrets as environment variables";

  builder = (y: Argv): Argv<Args> =>
    y.positional('command', { describe: 'The command to run, after --', type: 'string', array: true }).parserConfiguration({ 'populate--': true }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    const argv = [...(args.command ?? []), ...(args['--'] ?? [])];
    if (argv.length === 0) throw invalidInput('No command given to run.', 'Put the command after --, for example: npx ampx sandbox secret run -- node app.js');
    const secrets = await withSecretClient(args, (c) => c.list());
    const env = { ...process.env };
    for (const s of secrets) env[s.name] = s.value;
    const { spawn } = await import('node:child_process');
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(argv[0]!, argv.slice(1), { stdio: 'inherit', env });
      child.on('error', (err) =>
        reject(new AmplifyUserError('CommandNotFoundError', { message: `Could not run ${argv[0]}: ${err.message}`, resolution: 'Check the command name and that it is on your PATH.' })),
      );
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
    });
    process.exitCode = code;
  };
}
