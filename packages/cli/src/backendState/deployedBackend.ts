import { CloudFormationClient, DescribeStacksCommand, GetTemplateSummaryCommand } from '@aws-sdk/client-cloudformation';
import { AmplifyUserError } from '../errors.js';
import { format } from '../format.js';

/** `{ "AWS::Amplify::Auth": { version, payload: { userPoolId, … } }, … }` as amplify-backend's reader builds it. */
export type BackendOutput = Record<string, { version: string; payload: Record<string, string> }>;

/**
 * Reads a deployed backend the way `@aws-amplify/deployed-backend-client` does: template Metadata names
 * the output entries, DescribeStacks gives their values.
 */
export async function readBackendOutput(cfn: CloudFormationClient, stackName: string): Promise<BackendOutput> {
  let metadata: Record<string, { version?: string; stackOutputs?: string[] }>;
  let outputs: Record<string, string>;
  let status: string | undefined;
  try {
    const summary = await cfn.send(new GetTemplateSummaryCommand({ StackName: stackName }));
    metadata = JSON.parse(summary.Metadata ?? '{}');
    const described = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = described.Stacks?.[0];
    status = stack?.StackStatus;
    outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  } catch (err) {
    if ((err as Error).name === 'ValidationError' && /does not exist/.test((err as Error).message)) {
      throw new AmplifyUserError('StackDoesNotExistError', {
        message: 'Stack does not exist.',
        resolution: `Start the sandbox first with ${format.command('sandbox')} (or ${format.command('sandbox --once')}), then re-run this command.`,
      });
    }
    throw err;
  }
  if (status?.endsWith('_IN_PROGRESS')) {
    throw new AmplifyUserError('DeploymentInProgressError', { message: 'Deployment is currently in progress.', resolution: 'Re-run this command once the deployment completes.' });
  }
  const out: BackendOutput = {};
  for (const [key, entry] of Object.entries(metadata)) {
    if (!entry?.version || !Array.isArray(entry.stackOutputs)) continue;
    const payload: Record<string, string> = {};
    for (const name of entry.stackOutputs) if (outputs[name] !== undefined && outputs[name] !== '') payload[name] = outputs[name]!;
    out[key] = { version: entry.version, payload };
  }
  return out;
}
