/** Versions `--outputs-version` accepts; `0` is the legacy `amplifyconfiguration.*`. Default 1.5. */
export type OutputsVersion = '0' | '1' | '1.1' | '1.2' | '1.3' | '1.4' | '1.5';
export type OutputsFormat = 'json' | 'dart' | 'mjs' | 'ts' | 'json-mobile';

export const OUTPUTS_VERSIONS: readonly OutputsVersion[] = ['0', '1', '1.1', '1.2', '1.3', '1.4', '1.5'];
export const OUTPUTS_FORMATS: readonly OutputsFormat[] = ['mjs', 'json', 'json-mobile', 'ts', 'dart'];
export const DEFAULT_OUTPUTS_VERSION: OutputsVersion = '1.5';

/** What the local cloud created for a loaded backend: the ids and endpoints the outputs point at. */
export interface DeployedResources {
  region: string;
  userPoolId?: string;
  userPoolClientId?: string;
  identityPoolId?: string;
  graphqlUrl?: string;
  apiKey?: string;
  apiId?: string;
  /** `s3://<bucket>/model-schema.graphql` of `amplifyApiModelSchemaS3Uri` (stack output only). */
  modelSchemaS3Uri?: string;
  /** One per `defineStorage`, by its `name`. */
  buckets?: { name: string; bucketName: string }[];
  /** `data.model_introspection` (from `@sandlot/codegen`'s `generateModelIntrospection`). */
  modelIntrospection?: unknown;
}

/** `{ "AWS::Amplify::Auth": { version, payload: { userPoolId, … } }, … }`: stack outputs as amplify-backend's reader returns them. */
export type BackendOutput = Record<string, { version: string; payload: Record<string, string> }>;

/** The unified client config (`amplify_outputs.json` content). */
export type ClientConfig = Record<string, unknown> & { version: string };
