import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SSMClient } from '@aws-sdk/client-ssm';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';

/**
 * Ordinary SDK clients, configured from the environment exactly as the published package's are
 * (`AWS_ENDPOINT_URL`, `AWS_REGION`, the default credential chain). One of each per process.
 */
let cognito: CognitoIdentityProviderClient | undefined;
let ssm: SSMClient | undefined;
let cfn: CloudFormationClient | undefined;

export const cognitoClient = () => (cognito ??= new CognitoIdentityProviderClient({}));
export const ssmClient = () => (ssm ??= new SSMClient({}));
export const cloudFormationClient = () => (cfn ??= new CloudFormationClient({}));

/** Drops the clients (the next call builds new ones from the environment of that moment). */
export function resetAwsClients(): void {
  for (const c of [cognito, ssm, cfn]) c?.destroy();
  cognito = ssm = cfn = undefined;
}
