import type { Argv, CommandModule } from 'yargs';
import type { Printer } from '../../printer.js';
import { notBuiltYet } from '../notBuiltYet.js';
import { GenerateOutputsCommand } from './generateOutputsCommand.js';
import { GraphqlClientCodeCommand } from './graphqlClientCodeCommand.js';

/** Choice lists in the real order (kept here so --help does not load the generators). */
const CODEGEN_CHOICES = {
  format: ['modelgen', 'graphql-codegen', 'introspection'],
  model: ['java', 'swift', 'javascript', 'typescript', 'dart'],
  statement: ['javascript', 'graphql', 'flow', 'typescript', 'angular'],
  type: ['json', 'swift', 'typescript', 'flow', 'scala', 'flow-modern', 'angular'],
} as const;

const stackOptions = (y: Argv): Argv =>
  y
    .option('stack', { describe: 'A stack name that contains an Amplify backend', type: 'string', conflicts: ['app-id', 'branch'], group: 'Stack identifier' })
    .option('app-id', { describe: 'The Amplify App ID of the project', type: 'string', implies: 'branch', group: 'Project identifier' })
    .option('branch', { describe: 'A git branch of the Amplify project', type: 'string', implies: 'app-id', group: 'Project identifier' });

/** `ampx generate outputs|graphql-client-code|forms|schema-from-database`. */
export class GenerateCommand implements CommandModule {
  readonly command = 'generate';
  readonly describe = 'Generates post deployment artifacts';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv =>
    stackOptions(y.version(false))
      .option('profile', { describe: 'An AWS profile name. In Sandlot each profile is its own local account.', type: 'string' })
      .option('identifier', { describe: 'A named sandbox of this project (Sandlot extension; default: your user name)', type: 'string' })
      .command(new GenerateOutputsCommand(this.printer) as unknown as CommandModule)
      .command(new GraphqlClientCodeCommand(this.printer, CODEGEN_CHOICES) as unknown as CommandModule)
      .command({ command: 'forms', describe: 'Generates UI forms', handler: () => notBuiltYet('generate forms') })
      .command({ command: 'schema-from-database', describe: 'Generates typescript data schema from a SQL database', handler: () => notBuiltYet('generate schema-from-database') })
      .demandCommand()
      .strictCommands()
      .recommendCommands();

  handler = (): void => {};
}
