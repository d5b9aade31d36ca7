import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import { resolveSandbox, type SandboxGlobalArgs } from '../../sandboxTarget.js';
import type { SeedLibrary } from '../../../seedRunner/seedModules.js';
import { SeedGeneratePolicyCommand } from './seedGeneratePolicyCommand.js';

type SeedArgs = SandboxGlobalArgs & { reset?: boolean; autoConfirm?: boolean; fastClock?: boolean; seedLibrary?: SeedLibrary };

/**
 * `ampx sandbox seed`: runs amplify/seed/seed.ts against the sandbox. It uses the running `ampx sandbox`
 * when there is one; otherwise it serves the sandbox's local cloud itself for the duration of the seed,
 * on the sandbox's usual port. Sandlot flags: --reset, --auto-confirm, --fast-clock, --seed-library.
 */
export class SeedCommand implements CommandModule<object, SeedArgs> {
  readonly command = 'seed';
  readonly describe = 'Seeds sandbox environment';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<SeedArgs> =>
    y
      .command(new SeedGeneratePolicyCommand(this.printer) as unknown as CommandModule)
      .option('reset', { describe: 'Remove the sandbox\'s users, data and files (secrets are kept), re-apply the backend, then seed. The sandbox must be stopped.', type: 'boolean', default: false })
      .option('auto-confirm', { describe: 'Answer e-mail and SMS one-time codes from the local outbox instead of prompting. Default: on when stdin is not a terminal (CI), off in a terminal.', type: 'boolean' })
      .option('fast-clock', { describe: 'Waits of 1 s or more in the seed script (e.g. the 35 s TOTP pause) end at once and move the sandbox clock forward by the same time.', type: 'boolean', default: false })
      .option('seed-library', { describe: 'Which @aws-amplify/seed the script imports: Sandlot\'s (sandlot) or the published package (installed). Default: installed when the project has node_modules/@aws-amplify/seed, else sandlot.', type: 'string', choices: ['sandlot', 'installed'] }) as unknown as Argv<SeedArgs>;

  handler = async (args: ArgumentsCamelCase<SeedArgs>): Promise<void> => {
    const { runSeed } = await import('../../../seedRunner/runSeed.js');
    await runSeed({
      loc: resolveSandbox(args),
      printer: this.printer,
      autoConfirm: args.autoConfirm ?? !process.stdin.isTTY,
      fastClock: Boolean(args.fastClock),
      reset: Boolean(args.reset),
      library: args.seedLibrary,
    });
  };
}
