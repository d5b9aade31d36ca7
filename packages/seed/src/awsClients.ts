import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SSMClient } from '@aws-sdk/client-ssm';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { sdkRequestHandler } from './sdkRequestHandler.js';

/**
 * Ordinary SDK clients, configured from the environment exactly as the published package's are
 * (`AWS_ENDPOINT_URL`, `AWS_REGION`, the default credential chain). One of each per process, with the
 * SDK's own `cacheMiddleware` (the middleware stack is resolved once per command type instead of on every
 * `send`: a fifth less client CPU per call when seeding thousands of users) and its default keep-alive
 * agent — or, when the seed serves the sandbox's cloud itself, its in-process request handler
 * (sdkRequestHandler.ts).
 */
let cognito: CognitoIdentityProviderClient | undefined;
let ssm: SSMClient | undefined;
let cfn: CloudFormationClient | undefined;

const options = () => {
  const requestHandler = sdkRequestHandler();
  return { cacheMiddleware: true, ...(requestHandler ? { requestHandler: requestHandler as never } : {}) };
};

export const cognitoClient = () => (cognito ??= new CognitoIdentityProviderClient(options()));
export const ssmClient = () => (ssm ??= new SSMClient(options()));
export const cloudFormationClient = () => (cfn ??= new CloudFormationClient(options()));

/** Drops the clients (the next call builds new ones from the environment of that moment). */
export function resetAwsClients(): void {
  for (const c of [cognito, ssm, cfn]) c?.destroy();
  cognito = ssm = cfn = undefined;
}
