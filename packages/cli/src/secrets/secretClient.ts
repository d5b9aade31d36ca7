import type { SSMClient } from '@aws-sdk/client-ssm';
import { AmplifyFault, AmplifyUserError } from '../errors.js';
import { format } from '../format.js';
import { parameterPath, parameterPrefix, type BackendIdentifier } from '../project/backendIdentifier.js';
import { sdkSsmCaller, type SsmCaller } from './ssmCaller.js';

export interface Secret {
  name: string;
  version: number;
  value: string;
  lastUpdated: Date;
}

export interface SecretVersion {
  version: number;
  lastUpdated: Date;
}

const DOCS = 'https://docs.amplify.aws/react/deploy-and-host/fullstack-branching/secrets-and-vars/';
const SSM_CREDENTIAL_ERRORS = new Set(['UnrecognizedClientException', 'AccessDeniedException', 'NotAuthorized', 'ExpiredTokenException', 'ExpiredToken', 'CredentialsProviderError', 'IncompleteSignatureException', 'InvalidSignatureException']);

/**
 * Sandbox secrets over SSM Parameter Store, at the real paths (`/amplify/<ns>/<name>-sandbox-<hash>/<secret>`),
 * with `ampx`'s error translation. The SSM behind it decides where they live (see ssmConnection.ts): an
 * `SSMClient`, or the sandbox's Parameter Store called in-process.
 */
export class SecretClient {
  private readonly ssm: SsmCaller;
  constructor(ssm: SSMClient | SsmCaller, private readonly id: BackendIdentifier) {
    this.ssm = 'call' in ssm ? ssm : sdkSsmCaller(ssm);
  }

  async get(name: string, version?: number): Promise<Secret> {
    const selector = version === undefined ? parameterPath(this.id, name) : `${parameterPath(this.id, name)}:${version}`;
    try {
      const out = await this.ssm.call('GetParameter', { Name: selector, WithDecryption: true });
      const p = out.Parameter;
      if (!p?.Value) throw new AmplifyFault('GetSecretsFailedFault', { message: `The value of secret '${name}' is undefined` });
      return { name, version: p.Version ?? 0, value: p.Value, lastUpdated: p.LastModifiedDate ?? new Date(0) };
    } catch (err) {
      throw this.translate(err, 'get', name);
    }
  }

  async set(name: string, value: string): Promise<number> {
    try {
      const out = await this.ssm.call('PutParameter', { Name: parameterPath(this.id, name), Type: 'SecureString', Value: value, Description: 'Amplify Secret', Overwrite: true });
      return out.Version ?? 0;
    } catch (err) {
      throw this.translate(err, 'set', name);
    }
  }

  /** Every secret of this sandbox, paging through `GetParametersByPath` (direct children only). */
  async list(): Promise<Secret[]> {
    const secrets: Secret[] = [];
    let NextToken: string | undefined;
    try {
      do {
        const out = await this.ssm.call('GetParametersByPath', { Path: parameterPrefix(this.id), WithDecryption: true, NextToken });
        for (const p of out.Parameters ?? []) {
          if (!p.Name || p.Value === undefined) continue;
          secrets.push({ name: p.Name.slice(p.Name.lastIndexOf('/') + 1), version: p.Version ?? 0, value: p.Value, lastUpdated: p.LastModifiedDate ?? new Date(0) });
        }
        NextToken = out.NextToken;
      } while (NextToken);
    } catch (err) {
      throw this.translate(err, 'list');
    }
    return secrets;
  }

  async remove(name: string): Promise<void> {
    try {
      await this.ssm.call('DeleteParameter', { Name: parameterPath(this.id, name) });
    } catch (err) {
      throw this.translate(err, 'remove', name);
    }
  }

  /** Removes every listed secret, 10 per call (SSM's limit; the real `remove --all` breaks past 10). */
  async removeMany(names: string[]): Promise<void> {
    const failed: string[] = [];
    try {
      for (let i = 0; i < names.length; i += 10) {
        const out = await this.ssm.call('DeleteParameters', { Names: names.slice(i, i + 10).map((n) => parameterPath(this.id, n)) });
        failed.push(...(out.InvalidParameters ?? []).map((p) => p.slice(p.lastIndexOf('/') + 1)));
      }
    } catch (err) {
      throw this.translate(err, 'remove');
    }
    if (failed.length) throw new AmplifyFault('RemoveSecretsFailedFault', { message: `Failed to remove secrets: ${failed.join(', ')}` });
  }

  /** Versions with their dates, oldest first; values are not fetched. */
  async history(name: string): Promise<SecretVersion[]> {
    const versions: SecretVersion[] = [];
    let NextToken: string | undefined;
    try {
      do {
        const out = await this.ssm.call('GetParameterHistory', { Name: parameterPath(this.id, name), WithDecryption: false, NextToken });
        for (const p of out.Parameters ?? []) versions.push({ version: p.Version ?? 0, lastUpdated: p.LastModifiedDate ?? new Date(0) });
        NextToken = out.NextToken;
      } while (NextToken);
    } catch (err) {
      throw this.translate(err, 'get', name);
    }
    return versions;
  }

  private translate(err: unknown, api: 'get' | 'set' | 'list' | 'remove', name?: string): Error {
    if (err instanceof AmplifyUserError || err instanceof AmplifyFault) return err;
    const e = err as Error & { name: string };
    if (SSM_CREDENTIAL_ERRORS.has(e.name)) {
      return new AmplifyUserError('SSMCredentialsError', {
        message: `Failed to ${api} secrets. ${e.name}: ${e.message}`,
        resolution: 'Make sure your AWS credentials are set up correctly, refreshed and have necessary permissions to call SSM service',
        cause: e,
      });
    }
    if ((e.name === 'ParameterNotFound' || e.name === 'ParameterVersionNotFound') && name !== undefined) {
      return new AmplifyUserError('SSMParameterNotFoundError', {
        message: `Failed to ${api} ${name} secret. ${e.name}: ${e.message}`,
        resolution: `Make sure that ${name} has been set (${format.command(`sandbox secret set ${name}`)}). See ${DOCS}.`,
      });
    }
    if (String(e.message).includes('connect ENOMEM')) {
      return new AmplifyUserError('InsufficientMemorySpaceError', { message: 'Failed to connect: not enough memory.', resolution: 'Free some memory and try again.', cause: e });
    }
    if (e.name === 'ValidationException') {
      return new AmplifyUserError('InvalidCommandInputError', { message: `Failed to ${api} secret${name ? ` ${name}` : 's'}: ${e.message}`, resolution: 'Check the secret name and value and try again.' });
    }
    if (e.name === 'InvalidKeyId') {
      return new AmplifyUserError('SecretDecryptionError', { message: e.message, resolution: 'Use the Sandlot key that wrote these secrets, or set them again with npx ampx sandbox secret set <name>.' });
    }
    const faultName = `${api[0]!.toUpperCase()}${api.slice(1)}SecretsFailedFault`;
    return new AmplifyFault(faultName, { message: `${e.name}: ${e.message}` });
  }
}
