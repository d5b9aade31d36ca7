import type { DataProps } from '@sandlot/backend';
import { appSyncAuthenticationTypes, generateModelIntrospection, modelSchemaFromDataResource, type DataAuthorizationModes } from '@sandlot/codegen';
import type { ResourceIds } from '../resourceIds.js';

export interface DataSynth {
  apiName: string;
  /** The Amplify model schema (`schema.transform().schema`): what codegen and the local AppSync read. */
  modelSchema: string;
  modelIntrospection: unknown;
  defaultAuthenticationType: string;
  additionalAuthenticationTypes: string[];
  apiKey?: string;
  apiKeyExpiresAt?: Date;
  authorizationModes?: DataAuthorizationModes;
  /** `AWS::Amplify::GraphQL` stack outputs, as amplify-backend's data construct writes them. */
  payload: Record<string, string>;
}

export const MODEL_SCHEMA_KEY = 'model-schema.graphql';

/** What the real data construct would deploy: auth modes, API key, endpoint, model schema location. */
export function synthData(props: DataProps, o: { ids: ResourceIds; region: string; cloudUrl: string; hasAuth: boolean; now: Date; codegenBucket: string }): DataSynth {
  const modes = props.authorizationModes as DataAuthorizationModes | undefined;
  const types = appSyncAuthenticationTypes({ authorizationModes: modes, hasAuth: o.hasAuth });
  const modelSchema = modelSchemaFromDataResource(props.schema as Parameters<typeof modelSchemaFromDataResource>[0]);
  const all = [types.defaultAuthenticationType, ...types.additionalAuthenticationTypes];
  const apiKey = all.includes('API_KEY') ? o.ids.apiKey : undefined;
  const days = modes?.apiKeyAuthorizationMode?.expiresInDays ?? 7;
  const payload: Record<string, string> = {
    awsAppsyncApiId: o.ids.apiId,
    awsAppsyncApiEndpoint: `${o.cloudUrl}/graphql`,
    awsAppsyncAuthenticationType: types.defaultAuthenticationType,
    awsAppsyncRegion: o.region,
    amplifyApiModelSchemaS3Uri: `s3://${o.codegenBucket}/${MODEL_SCHEMA_KEY}`,
  };
  if (types.additionalAuthenticationTypes.length) payload.awsAppsyncAdditionalAuthenticationTypes = types.additionalAuthenticationTypes.join(',');
  if (apiKey) payload.awsAppsyncApiKey = apiKey;
  return {
    apiName: props.name ?? 'amplifyData',
    modelSchema,
    modelIntrospection: generateModelIntrospection({ modelSchema }),
    defaultAuthenticationType: types.defaultAuthenticationType,
    additionalAuthenticationTypes: types.additionalAuthenticationTypes,
    apiKey,
    apiKeyExpiresAt: apiKey ? new Date(o.now.getTime() + days * 86_400_000) : undefined,
    authorizationModes: modes,
    payload,
  };
}
