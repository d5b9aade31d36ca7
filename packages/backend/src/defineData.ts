import { callerLocation, warnUnsupported, type ResourceDefinition } from './registry.js';
import { invalidOption } from './errors.js';
import { validateResourceName } from './resourceName.js';

export type DefaultAuthorizationMode = 'iam' | 'identityPool' | 'userPool' | 'apiKey' | 'lambda' | 'oidc';

export interface DataAuthorizationModes {
  defaultAuthorizationMode?: DefaultAuthorizationMode;
  apiKeyAuthorizationMode?: { description?: string; expiresInDays?: number };
  lambdaAuthorizationMode?: { function: unknown; timeToLiveInSeconds?: number };
  oidcAuthorizationMode?: { oidcProviderName: string; oidcIssuerUrl: string; clientId?: string; tokenExpiryFromAuthInSeconds: number; tokenExpireFromIssueInSeconds: number };
}

/** What `a.schema({...})` (and each part of `a.combine([...])`) offers: `transform()` gives the model SDL. */
export interface TransformableSchema { transform(): { schema: string } }
export type DataSchemaInput = string | TransformableSchema | { schemas: readonly (string | TransformableSchema)[] };

export type DataLogLevel = 'none' | 'error' | 'info' | 'debug' | 'all';
export type DataLogging = true | { excludeVerboseContent?: boolean; fieldLogLevel?: DataLogLevel; retention?: string };

export interface DataProps {
  name?: string;
  /** `a.schema({...})`, `a.combine([...])` or an SDL string. */
  schema: DataSchemaInput;
  authorizationModes?: DataAuthorizationModes;
  functions?: Record<string, unknown>;
  logging?: DataLogging;
  schemaConfiguration?: unknown;
  migratedAmplifyGen1DynamoDbTableMappings?: unknown[];
}

export type DataDefinition = ResourceDefinition<'data', DataProps>;

export const DATA_MODES: DefaultAuthorizationMode[] = ['iam', 'identityPool', 'userPool', 'apiKey', 'lambda', 'oidc'];
const WHERE = 'defineData';
const LOG_LEVELS: DataLogLevel[] = ['none', 'error', 'info', 'debug', 'all'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSchemaPart = (v: unknown) => typeof v === 'string' || (isObject(v) && typeof v.transform === 'function');

function validateAuthorizationModes(modes: unknown): void {
  if (modes === undefined) return;
  if (!isObject(modes)) throw invalidOption(WHERE, 'authorizationModes', 'must be an object', "Write authorizationModes: { defaultAuthorizationMode: 'userPool' }.");
  const known = ['defaultAuthorizationMode', 'apiKeyAuthorizationMode', 'lambdaAuthorizationMode', 'oidcAuthorizationMode'];
  const unknown = Object.keys(modes).find((k) => !known.includes(k));
  if (unknown) throw invalidOption(WHERE, `authorizationModes.${unknown}`, 'is not an authorization mode option', `Use ${known.join(', ')}.`);
  const m = modes as DataAuthorizationModes;
  if (m.defaultAuthorizationMode !== undefined && !DATA_MODES.includes(m.defaultAuthorizationMode)) {
    throw invalidOption(WHERE, 'authorizationModes.defaultAuthorizationMode', `is ${JSON.stringify(m.defaultAuthorizationMode)}`, `Use one of ${DATA_MODES.join(', ')}.`);
  }
  const apiKey = m.apiKeyAuthorizationMode;
  if (apiKey !== undefined) {
    if (!isObject(apiKey)) throw invalidOption(WHERE, 'authorizationModes.apiKeyAuthorizationMode', 'must be an object', 'Write apiKeyAuthorizationMode: { expiresInDays: 30 }.');
    const days = apiKey.expiresInDays;
    if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 365)) {
      throw invalidOption(WHERE, 'authorizationModes.apiKeyAuthorizationMode.expiresInDays', `is ${JSON.stringify(days)}`, 'Use a whole number of days from 1 to 365.');
    }
    if (apiKey.description !== undefined && typeof apiKey.description !== 'string') throw invalidOption(WHERE, 'authorizationModes.apiKeyAuthorizationMode.description', 'must be a string', 'Describe the key in words.');
  }
  const lambda = m.lambdaAuthorizationMode;
  if (lambda !== undefined) {
    if (!isObject(lambda) || !lambda.function) throw invalidOption(WHERE, 'authorizationModes.lambdaAuthorizationMode.function', 'is missing', 'Pass the authorizer made with defineFunction.');
    const ttl = lambda.timeToLiveInSeconds;
    if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > 3600)) {
      throw invalidOption(WHERE, 'authorizationModes.lambdaAuthorizationMode.timeToLiveInSeconds', `is ${JSON.stringify(ttl)}`, 'Use a whole number of seconds from 0 to 3600.');
    }
  }
  const oidc = m.oidcAuthorizationMode;
  if (oidc !== undefined) {
    if (!isObject(oidc)) throw invalidOption(WHERE, 'authorizationModes.oidcAuthorizationMode', 'must be an object', 'Write oidcAuthorizationMode: { oidcProviderName, oidcIssuerUrl, ... }.');
    for (const k of ['oidcProviderName', 'oidcIssuerUrl'] as const) {
      if (typeof oidc[k] !== 'string' || oidc[k] === '') throw invalidOption(WHERE, `authorizationModes.oidcAuthorizationMode.${k}`, 'is missing', `Give ${k} as a string.`);
    }
    for (const k of ['tokenExpiryFromAuthInSeconds', 'tokenExpireFromIssueInSeconds'] as const) {
      if (typeof oidc[k] !== 'number' || oidc[k] < 0) throw invalidOption(WHERE, `authorizationModes.oidcAuthorizationMode.${k}`, `is ${JSON.stringify(oidc[k])}`, 'Give a number of seconds.');
    }
  }
}

function validateLogging(logging: unknown): void {
  if (logging === undefined || logging === true) return;
  if (!isObject(logging)) throw invalidOption(WHERE, 'logging', `is ${JSON.stringify(logging)}`, "Use true or { fieldLogLevel: 'error' }.");
  if (logging.fieldLogLevel !== undefined && !LOG_LEVELS.includes(logging.fieldLogLevel as DataLogLevel)) {
    throw invalidOption(WHERE, 'logging.fieldLogLevel', `is ${JSON.stringify(logging.fieldLogLevel)}`, `Use one of ${LOG_LEVELS.join(', ')}.`);
  }
  if (logging.excludeVerboseContent !== undefined && typeof logging.excludeVerboseContent !== 'boolean') throw invalidOption(WHERE, 'logging.excludeVerboseContent', 'must be a boolean', 'Use true or false.');
  if (logging.retention !== undefined && typeof logging.retention !== 'string') throw invalidOption(WHERE, 'logging.retention', 'must be a string', "Use a retention such as '1 week'.");
}

/** `defineData`: validates the props and records the schema and authorization modes for the local AppSync. */
export function defineData(props: DataProps): DataDefinition {
  if (!isObject(props) || props.schema === undefined || props.schema === null || props.schema === '') {
    throw invalidOption(WHERE, 'schema', 'is missing', 'Pass defineData({ schema }) with a schema built by a.schema({...}).');
  }
  const s = props.schema as unknown;
  if (!isSchemaPart(s) && !(isObject(s) && Array.isArray(s.schemas) && s.schemas.every(isSchemaPart))) {
    throw invalidOption(WHERE, 'schema', 'is not a data schema', 'Build it with a.schema({...}) (or a.combine([...])) from @aws-amplify/backend, or pass a GraphQL SDL string.');
  }
  if (props.name !== undefined) validateResourceName(WHERE, props.name);
  validateAuthorizationModes(props.authorizationModes);
  validateLogging(props.logging);
  if (props.functions !== undefined && !isObject(props.functions)) throw invalidOption(WHERE, 'functions', 'must be an object', 'Write functions: { myFunction }.');
  if (props.migratedAmplifyGen1DynamoDbTableMappings !== undefined && !Array.isArray(props.migratedAmplifyGen1DynamoDbTableMappings)) {
    throw invalidOption(WHERE, 'migratedAmplifyGen1DynamoDbTableMappings', 'must be a list', 'Write [{ branchName, modelNameToTableNameMapping }].');
  }
  const modes = props.authorizationModes;
  if (modes?.lambdaAuthorizationMode || modes?.defaultAuthorizationMode === 'lambda') warnUnsupported('defineData authorizationModes.lambdaAuthorizationMode (Lambda authorizer)');
  if (modes?.oidcAuthorizationMode || modes?.defaultAuthorizationMode === 'oidc') warnUnsupported('defineData authorizationModes.oidcAuthorizationMode (OpenID Connect)');
  if (props.functions && Object.keys(props.functions).length) warnUnsupported(`defineData functions (${Object.keys(props.functions).join(', ')})`);
  if (props.logging) warnUnsupported('defineData logging (CloudWatch logs)');
  if (props.schemaConfiguration) warnUnsupported('defineData schemaConfiguration (SQL data sources)');
  if (props.migratedAmplifyGen1DynamoDbTableMappings) warnUnsupported('defineData migratedAmplifyGen1DynamoDbTableMappings');
  return Object.freeze({ kind: 'data' as const, props, definedAt: callerLocation() });
}
