import type { DataProps, DefaultAuthorizationMode, TransformableSchema } from '../defineData.js';
import { BackendDefinitionError } from '../errors.js';
import { warnUnsupported } from '../registry.js';
import type { AppSyncAuthorizationType, DataModel } from './types.js';

const MODE_TO_TYPE: Record<DefaultAuthorizationMode, AppSyncAuthorizationType> = {
  iam: 'AWS_IAM', identityPool: 'AWS_IAM', userPool: 'AMAZON_COGNITO_USER_POOLS', oidc: 'OPENID_CONNECT', apiKey: 'API_KEY', lambda: 'AWS_LAMBDA',
};

type Transformed = { schema: string; lambdaFunctions?: Record<string, unknown>; jsFunctions?: unknown[]; customSqlDataSourceStrategies?: unknown[] };

/** Runs `transform()` on each part; the parts of `a.combine` are joined with a newline (`AmplifyDataDefinition.combine`). */
function transformSchema(schema: DataProps['schema']): { sdl: string; functions: string[] } {
  const parts = typeof schema === 'object' && 'schemas' in schema ? schema.schemas : [schema];
  const functions = new Set<string>();
  const sdl = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      let t: Transformed;
      try {
        t = (part as TransformableSchema).transform() as Transformed;
      } catch (err) {
        throw new BackendDefinitionError('InvalidSchemaError', `defineData: schema: ${(err as Error).message}`, 'Fix the data schema in amplify/data/resource.ts.', { cause: err });
      }
      Object.keys(t.lambdaFunctions ?? {}).forEach((n) => functions.add(n));
      if (t.jsFunctions?.length) warnUnsupported('defineData schema a.handler.custom (JavaScript resolvers)');
      if (t.customSqlDataSourceStrategies?.length) warnUnsupported('defineData schema a.handler.inlineSql / sqlReference (SQL data sources)');
      return t.schema;
    })
    .join('\n');
  for (const m of sdl.matchAll(/@function\(\s*name:\s*"([^"]+)"/g)) functions.add(m[1]!);
  if (sdl.trim() === '') throw new BackendDefinitionError('InvalidSchemaError', 'defineData: schema is empty.', 'Add at least one model or operation to the schema.');
  return { sdl, functions: [...functions] };
}

/**
 * The API's authorization as the real backend configures it (`convert_authorization_modes.ts` and the
 * data construct): API key when configured (or with neither auth nor modes), user pool and identity
 * pool IAM when `defineAuth` exists, lambda/OIDC when configured, IAM always.
 */
export function authorization(props: DataProps, hasAuth: boolean): DataModel['authorizationModes'] {
  const modes = props.authorizationModes;
  const requested = modes?.defaultAuthorizationMode ?? computedDefault(modes, hasAuth);
  const useApiKey = Boolean(modes?.apiKeyAuthorizationMode) || requested === 'apiKey' || (!hasAuth && !modes);
  const configured: AppSyncAuthorizationType[] = [];
  if (useApiKey) configured.push('API_KEY');
  if (modes?.lambdaAuthorizationMode) configured.push('AWS_LAMBDA');
  if (modes?.oidcAuthorizationMode) configured.push('OPENID_CONNECT');
  if (hasAuth) configured.push('AMAZON_COGNITO_USER_POOLS');
  configured.push('AWS_IAM');
  const defaultType = MODE_TO_TYPE[requested];
  if (!configured.includes(defaultType)) {
    const need = requested === 'userPool' ? 'Add defineAuth to the backend' : requested === 'lambda' ? 'Configure authorizationModes.lambdaAuthorizationMode' : 'Configure authorizationModes.oidcAuthorizationMode';
    throw new BackendDefinitionError('DefineDataConfigurationError', `defineData: authorizationModes.defaultAuthorizationMode is '${requested}', which is not configured on the API (configured: ${configured.join(', ')}).`, `${need}, or choose a configured default.`);
  }
  return {
    defaultAuthorizationMode: requested,
    defaultAuthorizationType: defaultType,
    additionalAuthorizationTypes: configured.filter((t) => t !== defaultType),
    ...(useApiKey && { apiKey: { ...(modes?.apiKeyAuthorizationMode?.description !== undefined && { description: modes.apiKeyAuthorizationMode.description }), expiresInDays: modes?.apiKeyAuthorizationMode?.expiresInDays ?? 7 } }),
    ...(modes?.lambdaAuthorizationMode && { lambda: { timeToLiveInSeconds: modes.lambdaAuthorizationMode.timeToLiveInSeconds ?? 60 } }),
    ...(modes?.oidcAuthorizationMode && { oidc: { ...modes.oidcAuthorizationMode } }),
  };
}

function computedDefault(modes: DataProps['authorizationModes'], hasAuth: boolean): DefaultAuthorizationMode {
  if (!modes && !hasAuth) return 'apiKey';
  if (!modes) return 'userPool';
  if (!hasAuth && Object.keys(modes).length === 1) {
    if (modes.oidcAuthorizationMode) return 'oidc';
    if (modes.lambdaAuthorizationMode) return 'lambda';
    if (modes.apiKeyAuthorizationMode) return 'apiKey';
  }
  throw new BackendDefinitionError(
    'DefineDataConfigurationError',
    'A defaultAuthorizationMode is required if multiple authorization modes are configured',
    "When calling 'defineData' specify 'authorizationModes.defaultAuthorizationMode'",
  );
}

export function buildDataModel(props: DataProps, hasAuth: boolean): DataModel {
  const { sdl, functions } = transformSchema(props.schema);
  if (functions.length) warnUnsupported(`defineData schema a.handler.function (${functions.join(', ')}; Lambda resolvers)`);
  return { name: props.name ?? 'amplifyData', modelSchema: sdl, functions, authorizationModes: authorization(props, hasAuth) };
}
