import type { Argv, CommandModule } from 'yargs';
import { notBuiltYet } from '../notBuiltYet.js';

const stackOptions = (y: Argv): Argv =>
  y
    .option('stack', { describe: 'A stack name that contains an Amplify backend', type: 'string', conflicts: ['app-id', 'branch'], group: 'Stack identifier' })
    .option('app-id', { describe: 'The Amplify App ID of the project', type: 'string', implies: 'branch', group: 'Project identifier' })
    .option('branch', { describe: 'A git branch of the Amplify project', type: 'string', implies: 'app-id', group: 'Project identifier' });

/** `ampx generate outputs|graphql-client-code|forms|schema-from-database`. */
export class GenerateCommand implements CommandModule {
  readonly command = 'generate';
  readonly describe = 'Generates post deployment artifacts';

  builder = (y: Argv): Argv =>
    y
      .version(false)
      .option('profile', { describe: 'An AWS profile name. In Sandlot each profile is its own local account.', type: 'string' })
      .command({
        command: 'outputs',
        describe: 'Generates Amplify backend outputs',
        builder: (c) =>
          stackOptions(c)
            .option('format', { describe: 'The format which the configuration should be exported into.', type: 'string', choices: ['mjs', 'json', 'json-mobile', 'ts', 'dart'] })
            .option('out-dir', { describe: 'A path to directory where config is written. If not provided defaults to current process working directory.', type: 'string' })
            .option('outputs-version', { describe: 'Version of the configuration. Version 0 represents classic amplify-cli config file amplify-configuration and 1 represents newer config file amplify_outputs', type: 'string', choices: ['0', '1', '1.1', '1.2', '1.3', '1.4', '1.5'], default: '1.5' }),
        handler: () => notBuiltYet('generate outputs'),
      })
      .command({
        command: 'graphql-client-code',
        describe: 'Generates graphql API code',
        builder: (c) => stackOptions(c),
        handler: () => notBuiltYet('generate graphql-client-code'),
      })
      .command({ command: 'forms', describe: 'Generates UI forms', builder: (c) => stackOptions(c), handler: () => notBuiltYet('generate forms') })
      .command({ command: 'schema-from-database', describe: 'Generates typescript data schema from a SQL database', handler: () => notBuiltYet('generate schema-from-database') })
      .demandCommand()
      .strictCommands()
      .recommendCommands();

  handler = (): void => {};
}
