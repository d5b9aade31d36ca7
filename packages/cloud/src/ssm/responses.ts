import type { Parameter, ParameterHistory, ParameterMetadata } from '@aws-sdk/client-ssm';
import type { StoredParameter } from './store.js';

export const parameterArn = (region: string, account: string, name: string): string =>
  `arn:aws:ssm:${region}:${account}:parameter${name.startsWith('/') ? '' : '/'}${name}`;

/** SecureString values are returned as ciphertext-looking text unless `WithDecryption` is set, as SSM does. */
export function toParameter(p: StoredParameter, region: string, account: string, withDecryption: boolean, selector?: string): Parameter {
  const hidden = p.type === 'SecureString' && !withDecryption;
  return {
    Name: p.name,
    Type: p.type as Parameter['Type'],
    Value: hidden ? Buffer.from(`sandlot-encrypted:${p.name}:${p.version}`).toString('base64') : p.value,
    Version: p.version,
    Selector: selector,
    LastModifiedDate: p.lastModified,
    ARN: parameterArn(region, account, p.name),
    DataType: 'text',
  };
}

export function toHistory(p: StoredParameter, withDecryption: boolean): ParameterHistory {
  const hidden = p.type === 'SecureString' && !withDecryption;
  return {
    Name: p.name,
    Type: p.type as ParameterHistory['Type'],
    KeyId: p.type === 'SecureString' ? 'alias/aws/ssm' : undefined,
    LastModifiedDate: p.lastModified,
    LastModifiedUser: p.lastModifiedUser,
    Description: p.description,
    Value: hidden ? undefined : p.value,
    Version: p.version,
    Labels: [],
    Tier: 'Standard',
    Policies: [],
    DataType: 'text',
  };
}

export function toMetadata(p: StoredParameter, region: string, account: string): ParameterMetadata {
  return {
    Name: p.name,
    ARN: parameterArn(region, account, p.name),
    Type: p.type as ParameterMetadata['Type'],
    KeyId: p.type === 'SecureString' ? 'alias/aws/ssm' : undefined,
    LastModifiedDate: p.lastModified,
    LastModifiedUser: p.lastModifiedUser,
    Description: p.description,
    Version: p.version,
    Tier: 'Standard',
    Policies: [],
    DataType: 'text',
  };
}
