import type { Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import { notBuiltYet } from '../../notBuiltYet.js';
import { SeedGeneratePolicyCommand } from './seedGeneratePolicyCommand.js';

/** `ampx sandbox seed`: runs amplify/seed/seed.ts against the sandbox. */
export class SeedCommand implements CommandModule {
  readonly command = 'seed';
  readonly describe = 'Seeds sandbox environment';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv => y.command(new SeedGeneratePolicyCommand(this.printer) as unknown as CommandModule);
  handler = (): void => notBuiltYet('sandbox seed');
}
