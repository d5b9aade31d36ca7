import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Printer } from '../../printer.js';
import { asUserError } from '../../backendState/definitionErrors.js';
import { resolveGenerateTarget, type GenerateTargetArgs } from './generateTarget.js';

type Args = GenerateTargetArgs & Record<string, unknown> & { out?: string; format?: string };

/**
 * `ampx generate graphql-client-code`: the official generators over the data schema of
 * `amplify/data/resource.ts` (works with or without a running sandbox).
 */
export class GraphqlClientCodeCommand implements CommandModule<object, Args> {
  readonly command = 'graphql-client-code';
  readonly describe = 'Generates graphql API code';
  constructor(private readonly printer: Printer, private readonly choices: { format: readonly string[]; model: readonly string[]; statement: readonly string[]; type: readonly string[] }) {}

  builder = (y: Argv): Argv<Args> =>
    y
      .option('out', { describe: 'Specifies the path to the directory where the config is written. If not provided defaults to current process working directory.', type: 'string' })
      .option('format', { describe: 'Specifies the format of the GraphQL client code to be generated', type: 'string', choices: this.choices.format })
      .option('model-target', { describe: 'Specifies the modelgen export target. Only applies when the --format parameter is set to modelgen', type: 'string', choices: this.choices.model })
      .option('statement-target', { describe: 'Specifies the graphql-codegen statement export target. Only applies when the --format parameter is set to graphql-codegen', type: 'string', choices: this.choices.statement })
      .option('statement-max-depth', { describe: 'Specifies the maximum depth of the generated graphql-codegen statements. Only applies when the --format parameter is set to graphql-codegen', type: 'number' })
      .option('statement-typename-introspection', { describe: 'Specifies whether to use typename introspection for the graphql-codegen statements. Only applies when the --format parameter is set to graphql-codegen', type: 'boolean' })
      .option('type-target', { describe: 'Specifies the optional graphql-codegen type export target. Only applies when the --format parameter is set to graphql-codegen', type: 'string', choices: this.choices.type })
      .option('type-multiple-swift-files', { describe: 'Specifies whether or not to generate multiple swift files for types. Only applies when the --format parameter is set to graphql-codegen', type: 'boolean' })
      .option('model-generate-index-rules', { describe: 'Adds key/index details to iOS models. Only applies when the --format parameter is set to modelgen', type: 'boolean' })
      .option('model-emit-auth-provider', { describe: 'Adds auth provider details to iOS models. Only applies when the --format parameter is set to modelgen', type: 'boolean' })
      .option('model-respect-primary-key-attributes-on-connection-field', { describe: 'If enabled, the connection field will respect the primary key attributes. Only applies when the --format parameter is set to modelgen', type: 'boolean' })
      .option('model-generate-models-for-lazy-load-and-custom-selection-set', { describe: 'Generates models for lazy load and custom selection set. Only applies when the --format parameter is set to modelgen', type: 'boolean' })
      .option('model-add-timestamp-fields', { describe: 'Adds timestamp fields. Only applies when the --format parameter is set to modelgen', type: 'boolean' })
      .option('model-handle-list-nullability-transparently', { describe: 'Handles list nullability transparently. Only applies when the --format parameter is set to modelgen', type: 'boolean' }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    const loc = resolveGenerateTarget(args);
    const [codegen, { loadBackend }] = await Promise.all([import('@sandlot/codegen'), import('@sandlot/backend/sandbox')]);
    try {
      const model = await loadBackend(loc.project.root);
      const result = await codegen.generateGraphqlClientCode({
        ...(args as object),
        data: model.data && {
          modelSchema: model.data.modelSchema,
          // The backend's resolved modes: the API codegen describes is the one the sandbox serves.
          authorization: model.data.authorizationModes,
          hasAuth: Boolean(model.auth),
          apiName: model.data.name,
        },
      });
      for (const f of result.filesWritten) this.printer.log(`File written: ${f}`);
    } catch (err) {
      throw asUserError(err);
    }
  };
}
