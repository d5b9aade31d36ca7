import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { relative } from 'node:path';
import type { Printer } from '../../printer.js';
import { AmplifyUserError } from '../../errors.js';
import type { OutputsFormat, OutputsVersion } from '@sandlot/backend/sandbox';
import { branchHint, resolveGenerateTarget, type GenerateTargetArgs } from './generateTarget.js';

type Args = GenerateTargetArgs & { format?: string; outDir?: string; outputsVersion?: string };

/** `ampx generate outputs`: the outputs file of a local environment, in any version and format. */
export class GenerateOutputsCommand implements CommandModule<object, Args> {
  readonly command = 'outputs';
  readonly describe = 'Generates Amplify backend outputs';
  constructor(private readonly printer: Printer) {}

  builder = (y: Argv): Argv<Args> =>
    y
      .option('format', { describe: 'The format which the configuration should be exported into.', type: 'string', choices: ['mjs', 'json', 'json-mobile', 'ts', 'dart'] })
      .option('out-dir', { describe: 'A path to directory where config is written. If not provided defaults to current process working directory.', type: 'string' })
      .option('outputs-version', { describe: 'Version of the configuration. Version 0 represents classic amplify-cli config file amplify-configuration and 1 represents newer config file amplify_outputs', type: 'string', choices: ['0', '1', '1.1', '1.2', '1.3', '1.4', '1.5'], default: '1.5' }) as unknown as Argv<Args>;

  handler = async (args: ArgumentsCamelCase<Args>): Promise<void> => {
    const loc = resolveGenerateTarget(args);
    const [{ CloudFormationClient }, { readObjectText }, { openInProcessCloud }, { readBackendOutput }, { renderStackOutputs }, { outputsTarget, writeFileAtomic }] = await Promise.all([
      import('@aws-sdk/client-cloudformation'),
      import('@sandlot/cloud'),
      import('../../backendState/localCloudClients.js'),
      import('../../backendState/deployedBackend.js'),
      import('@sandlot/backend/sandbox'),
      import('../../sandbox/outputsTarget.js'),
    ]);
    const local = openInProcessCloud(loc, ['cloudformation', 's3']);
    const cfn = new CloudFormationClient(local.clientConfig);
    try {
      let output;
      try {
        output = await readBackendOutput(cfn, loc.stackName);
      } catch (err) {
        if ((err as Error).name !== 'StackDoesNotExistError') throw err;
        throw new AmplifyUserError('StackDoesNotExistError', { message: `Stack does not exist: no local environment ${loc.stackName} (${loc.id.name}).`, resolution: branchHint(args) });
      }
      const schemaUri = output['AWS::Amplify::GraphQL']?.payload.amplifyApiModelSchemaS3Uri;
      const modelSchema = schemaUri ? readObjectText(local.cloud.services, schemaUri) : undefined;
      const introspection = modelSchema ? (await import('@sandlot/codegen')).generateModelIntrospection({ modelSchema }) : undefined;
      const target = outputsTarget((args.outputsVersion ?? '1.5') as OutputsVersion, (args.format ?? 'json') as OutputsFormat, args.outDir ?? process.cwd());
      const rendered = renderStackOutputs(output, { version: target.version, format: target.format, allowMobileJson: true }, introspection);
      writeFileAtomic(target.file, rendered.contents);
      this.printer.log(`File written: ${relative(process.cwd(), target.file)}`);
    } finally {
      cfn.destroy();
      local.close();
    }
  };
}
