/**
 * The typed definition of one local AppSync API (what `defineData` resolves to). `applyDataConfig`
 * (in `apply.ts`) builds the executable API from it and migrates the stored rows.
 */
export type DataAuthorizationMode = 'userPool' | 'apiKey' | 'iam' | 'identityPool' | 'lambda';

export interface DataConfig {
  apiId: string;
  apiName: string;
  /** `schema.transform().schema` of `@aws-amplify/data-schema`: SDL with @model, @auth, @hasMany, @index, … */
  schemaSdl: string;
  authorizationModes: {
    default: DataAuthorizationMode;
    apiKey?: { key: string; expiresAt: Date };
    userPoolId?: string;
    identityPoolId?: string;
  };
}

/** AppSync's names for the authorization types (what `@aws_*` directives and outputs use). */
export type AuthType = 'API_KEY' | 'AMAZON_COGNITO_USER_POOLS' | 'AWS_IAM' | 'AWS_LAMBDA' | 'OPENID_CONNECT';

export const MODE_TO_AUTH_TYPE: Record<DataAuthorizationMode, AuthType> = {
  userPool: 'AMAZON_COGNITO_USER_POOLS',
  apiKey: 'API_KEY',
  iam: 'AWS_IAM',
  identityPool: 'AWS_IAM',
  lambda: 'AWS_LAMBDA',
};

/** The auth types an API accepts: the default, API key when a key is configured, user pools when a pool is, and IAM always (Gen 2). */
export function enabledAuthTypes(c: DataConfig): { defaultType: AuthType; enabled: Set<AuthType> } {
  const m = c.authorizationModes;
  const enabled = new Set<AuthType>(['AWS_IAM', MODE_TO_AUTH_TYPE[m.default]]);
  if (m.apiKey) enabled.add('API_KEY');
  if (m.userPoolId) enabled.add('AMAZON_COGNITO_USER_POOLS');
  return { defaultType: MODE_TO_AUTH_TYPE[m.default], enabled };
}
