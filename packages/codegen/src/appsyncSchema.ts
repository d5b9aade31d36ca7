/**
 * The deployed (transformed) AppSync schema, which `graphql-codegen` reads (the real tool fetches it with
 * `appsync:GetIntrospectionSchema {format: 'SDL'}`). Codegen reads the SDL the local sandbox serves
 * (`servedAppsyncSchema.ts`) where that is proven to give the same files; for any other schema, and as the
 * reference in that proof, this module runs the real Amplify
 * GraphQL transformer (`@aws-amplify/graphql-transformer`, the one `AmplifyGraphqlApi` runs at synth) in an
 * in-memory CDK stack with the construct's default translation behaviour, and captures the `schema.graphql`
 * and resolver assets instead of uploading them. Heavy (aws-cdk-lib), so loaded on first use and memoised.
 */
import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { authorization } from '@sandlot/backend/model/dataModel.js';
import type { DataProps } from '@sandlot/backend';
import type { DataModel } from '@sandlot/backend/model/types.js';
import { InvalidSchemaError } from './errors.js';

/** `defineData({ authorizationModes })` as the backend receives it (only what shapes the schema). */
export type DataAuthorizationModes = {
  defaultAuthorizationMode?: 'userPool' | 'iam' | 'identityPool' | 'apiKey' | 'oidc' | 'lambda';
  apiKeyAuthorizationMode?: { description?: string; expiresInDays?: number };
  lambdaAuthorizationMode?: object;
  oidcAuthorizationMode?: { oidcProviderName: string; oidcIssuerUrl: string; clientId?: string; tokenExpiryFromAuthInSeconds: number; tokenExpireFromIssueInSeconds: number };
};

/** The API's resolved authorization: the backend model's `data.authorizationModes` (`buildDataModel`). */
export type ResolvedDataAuthorization = DataModel['authorizationModes'];

export type AppSyncAuthenticationType = ResolvedDataAuthorization['defaultAuthorizationType'];

export type TransformModelSchemaInput = {
  /** The model schema (`modelSchemaFromDataResource`). */
  modelSchema: string;
  /** The backend model's resolved authorization (`data.authorizationModes`); else derived from the two below. */
  authorization?: ResolvedDataAuthorization;
  /** `defineData({ authorizationModes })`, if given. */
  authorizationModes?: DataAuthorizationModes;
  /** Whether the backend has `defineAuth` (gives user pool and IAM modes, like the real backend). */
  hasAuth: boolean;
  /** Ids baked into resolvers (not into the SDL); placeholders when omitted. */
  identity?: { userPoolId?: string; identityPoolId?: string; authenticatedUserRoleName?: string; unauthenticatedUserRoleName?: string; adminRoles?: string[] };
  /** API name (`defineData({ name })`, default `amplifyData`). */
  apiName?: string;
};

export type TransformedApi = {
  /** The AppSync schema SDL, as deployed. */
  schema: string;
  defaultAuthenticationType: AppSyncAuthenticationType;
  additionalAuthenticationTypes: AppSyncAuthenticationType[];
  /** Resolver templates the transformer produced, keyed by asset file name (`resolvers/Query.getTodo.req.vtl`). */
  resolvers: Record<string, string>;
  /** Transformer advice printed at synth by the real backend (e.g. field-level @auth on root types). */
  warnings: string[];
};

/**
 * The API's authorization: the one given, else what the backend resolves for `defineData({ authorizationModes })`
 * and `defineAuth` (the backend's own `authorization`, so codegen and the sandbox cannot disagree).
 */
const resolvedAuthorization = (input: Pick<TransformModelSchemaInput, 'authorization' | 'authorizationModes' | 'hasAuth'>): ResolvedDataAuthorization => {
  if (input.authorization) return input.authorization;
  try {
    return authorization({ schema: '', authorizationModes: input.authorizationModes } as DataProps, input.hasAuth);
  } catch (error) {
    throw new InvalidSchemaError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};

/** The AppSync auth types of the API, default first (the data construct's provider order). */
export const appSyncAuthenticationTypes = (input: Pick<TransformModelSchemaInput, 'authorization' | 'authorizationModes' | 'hasAuth'>) => {
  const resolved = resolvedAuthorization(input);
  return { defaultAuthenticationType: resolved.defaultAuthorizationType, additionalAuthenticationTypes: resolved.additionalAuthorizationTypes };
};

const authEntry = (type: AppSyncAuthenticationType, resolved: ResolvedDataAuthorization, input: TransformModelSchemaInput) => {
  switch (type) {
    case 'API_KEY':
      return { authenticationType: type, apiKeyConfig: { description: resolved.apiKey?.description, apiKeyExpirationDays: resolved.apiKey?.expiresInDays ?? 7 } };
    case 'AMAZON_COGNITO_USER_POOLS':
      return { authenticationType: type, userPoolConfig: { userPoolId: input.identity?.userPoolId ?? 'local-user-pool' } };
    case 'OPENID_CONNECT': {
      const oidc = resolved.oidc;
      return { authenticationType: type, openIDConnectConfig: { name: oidc?.oidcProviderName ?? 'oidc', issuerUrl: oidc?.oidcIssuerUrl ?? '', clientId: oidc?.clientId, iatTTL: oidc?.tokenExpireFromIssueInSeconds, authTTL: oidc?.tokenExpiryFromAuthInSeconds } };
    }
    case 'AWS_LAMBDA':
      return { authenticationType: type, lambdaAuthorizerConfig: { lambdaFunction: 'authorizer', ttlSeconds: resolved.lambda?.timeToLiveInSeconds ?? 60 } };
    case 'AWS_IAM':
      return { authenticationType: type };
  }
};

/** `defaultTranslationBehavior` of `AmplifyGraphqlApi`, with what `defineData` overrides (Gen 2 disallows Gen 1 patterns). */
const TRANSLATION_BEHAVIOR = {
  shouldDeepMergeDirectiveConfigDefaults: true,
  disableResolverDeduping: true,
  sandboxModeEnabled: false,
  useSubUsernameForDefaultIdentityClaim: true,
  subscriptionsInheritPrimaryAuth: false,
  populateOwnerFieldForStaticGroupAuth: true,
  suppressApiKeyGeneration: false,
  secondaryKeyAsGSI: true,
  enableAutoIndexQueryNames: true,
  respectPrimaryKeyAttributesOnConnectionField: true,
  enableSearchNodeToNodeEncryption: false,
  enableSearchEncryptionAtRest: true,
  enableTransformerCfnOutputs: false,
  allowDestructiveGraphqlSchemaUpdates: true,
  replaceTableUponGsiUpdate: false,
  allowGen1Patterns: false,
};

/** `AmplifyDataDefinition.fromString` with DynamoDB: every `@model` type gets the Amplify-managed table strategy. */
const dynamoDbStrategies = (modelSchema: string) => {
  let document;
  try {
    document = parse(modelSchema);
  } catch (error) {
    throw new InvalidSchemaError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const strategies: Record<string, { dbType: 'DYNAMODB'; provisionStrategy: 'AMPLIFY_TABLE' }> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== 'ObjectTypeDefinition') continue;
    if (definition.directives?.some((directive) => directive.name.value === 'model')) {
      strategies[definition.name.value] = { dbType: 'DYNAMODB', provisionStrategy: 'AMPLIFY_TABLE' };
    }
  }
  return strategies;
};

const memo = new Map<string, TransformedApi>();
const MEMO_SIZE = 4;

/** Run the Amplify GraphQL transformer over the model schema and return the AppSync schema and resolvers. */
export const transformModelSchema = async (input: TransformModelSchemaInput): Promise<TransformedApi> => {
  if (input.modelSchema.trim() === '') throw new InvalidSchemaError();
  const resolved = resolvedAuthorization(input);
  const key = createHash('sha256').update(JSON.stringify([input.modelSchema, resolved, input.hasAuth, input.identity ?? null, input.apiName ?? null])).digest('hex');
  const cached = memo.get(key);
  if (cached) return cached;

  const { defaultAuthorizationType: defaultAuthenticationType, additionalAuthorizationTypes: additionalAuthenticationTypes } = resolved;
  const dataSourceStrategies = dynamoDbStrategies(input.modelSchema);
  const [{ App, Stack, NestedStack }, { CfnGraphQLSchema }, { executeTransform }] = await Promise.all([
    import('aws-cdk-lib'),
    import('aws-cdk-lib/aws-appsync'),
    import('@aws-amplify/graphql-transformer'),
  ]);
  const assets = new Map<string, string>();
  // Construct metadata stack traces (on by default) cost a captured stack per construct and never reach the
  // schema or resolvers; the synthesized templates are not used here.
  const stack = new Stack(new App({ stackTraces: false, treeMetadata: false, context: { 'aws:cdk:disable-creation-stack-traces': true } }), 'SandlotData');
  const errors: string[] = [];
  const warnings: string[] = [];
  // The transformer and aws-cdk-lib print synth-time advice with console.warn; the transform is synchronous,
  // so route it into `warnings` for its duration instead of onto the user's terminal.
  const consoleWarn = console.warn;
  console.warn = (...parts: unknown[]) => warnings.push(parts.map(String).join(' '));
  try {
    executeTransform({
      scope: stack,
      nestedStackProvider: { provide: (scope, name) => new NestedStack(scope, name) },
      assetProvider: {
        provide: (_scope, _name, props) => {
          assets.set(props.fileName, props.fileContent);
          const hash = createHash('sha256').update(props.fileContent).digest('hex');
          return { assetHash: hash, httpUrl: `https://sandlot.local/${props.fileName}`, s3BucketName: 'sandlot-local', s3ObjectKey: props.fileName, s3ObjectUrl: `s3://sandlot-local/${props.fileName}` };
        },
      },
      synthParameters: {
        amplifyEnvironmentName: 'NONE',
        apiName: input.apiName ?? 'amplifyData',
        adminRoles: input.identity?.adminRoles ?? [],
        enableIamAccess: true, // Gen 2 always sets iamConfig.enableIamAuthorizationMode
        ...(input.hasAuth
          ? {
              userPoolId: input.identity?.userPoolId ?? 'local-user-pool',
              identityPoolId: input.identity?.identityPoolId ?? 'local-identity-pool',
              authenticatedUserRoleName: input.identity?.authenticatedUserRoleName ?? 'authenticated',
              unauthenticatedUserRoleName: input.identity?.unauthenticatedUserRoleName ?? 'unauthenticated',
            }
          : {}),
      },
      schema: input.modelSchema,
      transformersFactoryArgs: {},
      authConfig: {
        defaultAuthentication: authEntry(defaultAuthenticationType, resolved, input),
        additionalAuthenticationProviders: additionalAuthenticationTypes.map((type) => authEntry(type, resolved, input)),
      } as never,
      stackMapping: {},
      transformParameters: TRANSLATION_BEHAVIOR,
      dataSourceStrategies,
      printTransformerLog: (log) => (log.level === 'ERROR' ? errors : warnings).push(log.message),
    });
    const schemaResource = stack.node.findAll().find((node) => node instanceof CfnGraphQLSchema) as InstanceType<typeof CfnGraphQLSchema> | undefined;
    // The schema asset is produced lazily (on synth); resolving the location token produces it.
    if (schemaResource) stack.resolve(schemaResource.definitionS3Location);
  } catch (error) {
    throw new InvalidSchemaError(error instanceof Error ? error.message : String(error), { cause: error });
  } finally {
    console.warn = consoleWarn;
  }
  const schema = assets.get('schema.graphql');
  if (schema === undefined) throw new InvalidSchemaError(errors.join('\n') || 'the transformer produced no schema');
  const resolvers = Object.fromEntries([...assets].filter(([name]) => name !== 'schema.graphql'));
  const result: TransformedApi = { schema, defaultAuthenticationType, additionalAuthenticationTypes, resolvers, warnings };
  memo.set(key, result);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return result;
};
