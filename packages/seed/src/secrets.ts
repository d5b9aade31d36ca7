import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { backendIdentifier, secretPath } from './backendIdentifier.js';
import { ssmClient } from './awsClients.js';
import { SeedUserError } from './seedError.js';

const RESOLUTION = 'Run npx ampx sandbox before re-running npx ampx sandbox seed';
const DOCS = 'https://docs.amplify.aws/react/deploy-and-host/fullstack-branching/secrets-and-vars/';
const CREDENTIAL_ERRORS = new Set(['UnrecognizedClientException', 'AccessDeniedException', 'NotAuthorized', 'ExpiredTokenException', 'ExpiredToken', 'CredentialsProviderError', 'IncompleteSignatureException', 'InvalidSignatureException']);

/** The value of a sandbox secret (`ampx sandbox secret set <name>`); sandbox path only, as the real package. */
export async function getSecret(secretName: string): Promise<string> {
  const id = backendIdentifier(RESOLUTION);
  try {
    const out = await ssmClient().send(new GetParameterCommand({ Name: secretPath(id, secretName), WithDecryption: true }));
    if (!out.Parameter?.Value) throw new Error(`The value of secret '${secretName}' is undefined`);
    return out.Parameter.Value;
  } catch (err) {
    throw translate(err, 'get', secretName);
  }
}

/** Sets a sandbox secret (SecureString, overwrite) and returns its name, as the real package. */
export async function setSecret(secretName: string, secretValue: string): Promise<string> {
  const id = backendIdentifier(RESOLUTION);
  try {
    await ssmClient().send(new PutParameterCommand({ Name: secretPath(id, secretName), Value: secretValue, Description: 'Amplify Secret', Type: 'SecureString', Overwrite: true }));
    return secretName;
  } catch (err) {
    throw translate(err, 'set', secretName);
  }
}

/** `@aws-amplify/backend-secret`'s error handling (ampx-spec §1.3). */
function translate(err: unknown, api: 'get' | 'set', name: string): Error {
  const e = err as Error;
  if (CREDENTIAL_ERRORS.has(e.name)) {
    return new SeedUserError('SSMCredentialsError', { message: `Failed to ${api} secrets. ${e.name}: ${e.message}`, resolution: 'Make sure your AWS credentials are set up correctly, refreshed and have necessary permissions to call SSM service' }, e);
  }
  if (e.name === 'ParameterNotFound') {
    return new SeedUserError('SSMParameterNotFoundError', { message: `Failed to ${api} ${name} secret. ParameterNotFound: ${e.message}`, resolution: `Make sure that ${name} has been set. See ${DOCS}.` }, e);
  }
  const fault = new Error(`${api === 'get' ? 'Get' : 'Set'}SecretsFailedFault: ${e.message}`, { cause: e });
  fault.name = api === 'get' ? 'GetSecretsFailedFault' : 'SetSecretsFailedFault';
  return fault;
}
