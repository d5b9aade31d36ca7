import type { IdentityPoolConfig, UserPoolConfig } from '@sandlot/cloud';
import type { AuthModel, DataModel, DeployedResources, LoadedBackend } from '@sandlot/backend/sandbox';
import type { ResourceIds } from './resourceIds.js';

/** The local user pool for a `defineAuth` model (what the auth construct would create). */
export const userPoolConfigFor = (auth: AuthModel, ids: ResourceIds): UserPoolConfig => ({
  userPoolId: ids.userPoolId,
  clientId: ids.userPoolClientId,
  signInWith: { email: auth.loginWith.email, phone: auth.loginWith.phone },
  requiredAttributes: auth.requiredAttributes,
  customAttributes: auth.customAttributes.map((c) => c.name),
  passwordPolicy: auth.passwordPolicy,
  groups: auth.groups,
  mfa: { mode: auth.mfa.mode, totp: auth.mfa.totp, sms: auth.mfa.sms, email: auth.mfa.email },
  selfSignUp: auth.selfSignUp,
  userVerification: auth.userVerification.verificationMechanisms.includes('email') ? 'email' : auth.userVerification.verificationMechanisms.includes('phone_number') ? 'phone' : 'none',
});

export const identityPoolConfigFor = (auth: AuthModel, ids: ResourceIds): IdentityPoolConfig => ({
  identityPoolId: ids.identityPoolId,
  allowUnauthenticated: auth.allowUnauthenticatedIdentities,
  userPoolId: ids.userPoolId,
  clientId: ids.userPoolClientId,
});

export const MODEL_SCHEMA_KEY = 'model-schema.graphql';

const hasApiKey = (data: DataModel) => [data.authorizationModes.defaultAuthorizationType, ...data.authorizationModes.additionalAuthorizationTypes].includes('API_KEY');

/** The physical resources of this sandbox, in the shape the stack outputs are built from. */
export function deployedResourcesFor(model: LoadedBackend, ids: ResourceIds, o: { region: string; cloudUrl: string; modelIntrospection?: unknown }): DeployedResources {
  return {
    region: o.region,
    ...(model.auth ? { userPoolId: ids.userPoolId, userPoolClientId: ids.userPoolClientId, identityPoolId: ids.identityPoolId } : {}),
    ...(model.data
      ? {
          graphqlUrl: `${o.cloudUrl}/graphql`,
          apiId: ids.apiId,
          apiKey: hasApiKey(model.data) ? ids.apiKey : undefined,
          modelSchemaS3Uri: `s3://${ids.bucketName('codegen')}/${MODEL_SCHEMA_KEY}`,
          modelIntrospection: o.modelIntrospection,
        }
      : {}),
    buckets: (model.storage ?? []).map((s) => ({ name: s.name, bucketName: ids.bucketName(s.name) })),
  };
}
