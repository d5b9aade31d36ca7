import type { ArgumentsCamelCase, CommandModule } from 'yargs';
import type { Printer } from '../../../printer.js';
import { AmplifyUserError } from '../../../errors.js';
import { resolveSandbox, type SandboxGlobalArgs } from '../../sandboxTarget.js';
import { requireSeedScript } from './seedScript.js';
import { backendPathPart } from '../../../project/backendIdentifier.js';

/**
 * `ampx sandbox seed generate-policy`: the IAM policy a seed role needs, as JSON on stdout
 * (`> seed-policy.json` works), with this sandbox's user pool and secret paths — the real statements.
 */
export class SeedGeneratePolicyCommand implements CommandModule<object, SandboxGlobalArgs> {
  readonly command = 'generate-policy';
  readonly describe = 'Generates policy for seeding';
  constructor(private readonly printer: Printer) {}

  handler = async (args: ArgumentsCamelCase<SandboxGlobalArgs>): Promise<void> => {
    const loc = resolveSandbox(args);
    requireSeedScript(loc.project.root);
    const [{ CloudFormationClient }, { openInProcessCloud }, { readBackendOutput }] = await Promise.all([
      import('@aws-sdk/client-cloudformation'),
      import('../../../backendState/localCloudClients.js'),
      import('../../../backendState/deployedBackend.js'),
    ]);
    const local = openInProcessCloud(loc, ['cloudformation']);
    const cfn = new CloudFormationClient(local.clientConfig);
    try {
      const output = await readBackendOutput(cfn, loc.stackName);
      const auth = output['AWS::Amplify::Auth']?.payload;
      if (!auth?.userPoolId) {
        throw new AmplifyUserError('MissingAuthError', { message: 'There is no auth resource in this sandbox', resolution: 'Please add an auth resource to your sandbox and rerun this command' });
      }
      const region = auth.authRegion ?? local.cloud.services.region;
      const policy = {
        Statement: [
          {
            Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup'],
            Effect: 'Allow',
            Resource: `arn:aws:cognito-idp:${region}:${local.cloud.services.accountId}:userpool/${auth.userPoolId}`,
          },
          {
            Action: ['ssm:PutParameter', 'ssm:GetParameter'],
            Effect: 'Allow',
            Resource: [`arn:aws:ssm:*:*:parameter/amplify/${backendPathPart(loc.id)}/*`, `arn:aws:ssm:*:*:parameter/amplify/shared/${loc.project.name}/*`],
          },
        ],
        Version: '2012-10-17',
      };
      this.printer.print(JSON.stringify(policy, null, 2));
    } finally {
      cfn.destroy();
      local.close();
    }
  };
}
