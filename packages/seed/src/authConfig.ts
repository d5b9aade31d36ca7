import { DescribeStacksCommand, GetTemplateSummaryCommand } from '@aws-sdk/client-cloudformation';
import { backendIdentifier, stackName } from './backendIdentifier.js';
import { cloudFormationClient } from './awsClients.js';
import { SeedUserError } from './seedError.js';

/** What the auth APIs need of the deployed backend (the published `ConfigReader`'s shape). */
export interface AuthConfiguration {
  userPoolId: string;
  mfaMethods?: ('SMS' | 'TOTP' | 'EMAIL')[];
  mfaConfig?: 'NONE' | 'REQUIRED' | 'OPTIONAL';
  groups?: string[];
}

const RESOLUTION = 'Run ampx sandbox before re-running ampx sandbox seed. If you are running the seed script directly through tsx seed.ts, try running it with ampx sandbox seed instead';
const MFA_CONFIG: Record<string, AuthConfiguration['mfaConfig']> = { OFF: 'NONE', ON: 'REQUIRED', OPTIONAL: 'OPTIONAL' };

let cached: Promise<AuthConfiguration> | undefined;

/**
 * The user pool, groups and MFA settings of the sandbox, read from its stack as the real package does
 * (CloudFormation GetTemplateSummary → `AWS::Amplify::Auth` metadata, DescribeStacks → outputs; wire-spec
 * §9.1), never from amplify_outputs.json. Read once per process; a failed read is retried next call.
 */
export function authConfig(): Promise<AuthConfiguration> {
  cached ??= readAuthConfig().catch((err) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

/** Forgets the cached configuration (after a reset re-applied the backend). */
export const forgetAuthConfig = (): void => void (cached = undefined);

async function readAuthConfig(): Promise<AuthConfiguration> {
  const name = stackName(backendIdentifier(RESOLUTION));
  const cfn = cloudFormationClient();
  let metadata: Record<string, { stackOutputs?: string[] }>;
  let outputs: Map<string, string>;
  try {
    const summary = await cfn.send(new GetTemplateSummaryCommand({ StackName: name }));
    metadata = JSON.parse(summary.Metadata ?? '{}');
    const stacks = await cfn.send(new DescribeStacksCommand({ StackName: name }));
    const stack = stacks.Stacks?.[0];
    if (stack?.StackStatus?.endsWith('_IN_PROGRESS')) {
      throw new SeedUserError('DeploymentInProgressError', { message: 'Deployment is currently in progress.', resolution: 'Re-run this command once the deployment completes.' });
    }
    outputs = new Map((stack?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  } catch (err) {
    const e = err as Error;
    if (e.name === 'ValidationError' && /does not exist/.test(e.message)) {
      throw new SeedUserError('StackDoesNotExistError', { message: 'Stack does not exist.', resolution: 'Run ampx sandbox (or ampx sandbox --once) before re-running ampx sandbox seed.' }, e);
    }
    throw err;
  }
  const keys = metadata['AWS::Amplify::Auth']?.stackOutputs ?? [];
  const value = (k: string) => (keys.includes(k) ? outputs.get(k) || undefined : undefined);
  const userPoolId = value('userPoolId');
  if (!userPoolId) {
    throw new SeedUserError('MissingAuthError', {
      message: 'Outputs for Auth are missing, you may be missing an Auth resource',
      resolution: 'Create an Auth resource for your Amplify App or run ampx sandbox if you have generated your sandbox',
    });
  }
  const groupsJson = value('groups');
  const groups = groupsJson ? (JSON.parse(groupsJson) as Record<string, unknown>[]).flatMap((g) => Object.keys(g)) : undefined;
  const mfaTypes = value('mfaTypes');
  const mfaConfiguration = value('mfaConfiguration');
  return {
    userPoolId,
    mfaConfig: mfaConfiguration ? MFA_CONFIG[mfaConfiguration] : undefined,
    mfaMethods: mfaTypes ? (JSON.parse(mfaTypes) as string[]).map((t) => ({ SMS_MFA: 'SMS', SOFTWARE_TOKEN_MFA: 'TOTP', EMAIL_OTP: 'EMAIL' } as Record<string, string>)[t] ?? t) as AuthConfiguration['mfaMethods'] : undefined,
    // An empty list is reported as no groups (NoGroupsError says so more plainly than NoGroupError).
    groups: groups?.length ? groups : undefined,
  };
}
