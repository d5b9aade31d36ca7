import type { Argv, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import { SecretSetCommand } from './secretSetCommand.js';
import { SecretGetCommand } from './secretGetCommand.js';
import { SecretListCommand } from './secretListCommand.js';
import { SecretRemoveCommand } from './secretRemoveCommand.js';
import { SecretHistoryCommand } from './secretHistoryCommand.js';
import { SecretImportCommand } from './secretImportCommand.js';
import { SecretExportCommand } from './secretExportCommand.js';
import { SecretRunCommand } from './secretRunCommand.js';

/** `ampx sandbox secret <command>`. */
export class SecretCommand implements CommandModule {
  readonly command = 'secret <command>';
  readonly describe = 'Manage sandbox secrets';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv =>
    y
      .command(new SecretSetCommand(this.printer) as unknown as CommandModule)
      .command(new SecretRemoveCommand(this.printer) as unknown as CommandModule)
      .command(new SecretGetCommand(this.printer) as unknown as CommandModule)
      .command(new SecretListCommand(this.printer) as unknown as CommandModule)
      .command(new SecretHistoryCommand(this.printer) as unknown as CommandModule)
      .command(new SecretImportCommand(this.printer) as unknown as CommandModule)
      .command(new SecretExportCommand(this.printer) as unknown as CommandModule)
      .command(new SecretRunCommand() as unknown as CommandModule)
      .demandCommand()
      .strictCommands()
      .recommendCommands();

  handler = (): void => {};
}
