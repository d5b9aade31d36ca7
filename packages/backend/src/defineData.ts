import { callerLocation, warnUnsupported, type ResourceDefinition } from './registry.js';
import { invalidOption } from './errors.js';

export type DefaultAuthorizationMode = 'iam' | 'identityPool' | 'userPool' | 'apiKey' | 'lambda' | 'oidc';

export interface DataAuthorizationModes {
  defaultAuthorizationMode?: DefaultAuthorizationMode;
  apiKeyAuthorizationMode?: { description?: string; expiresInDays?: number };
  lambdaAuthorizationMode?: unknown;
  oidcAuthorizationMode?: unknown;
}

export interface DataProps {
  name?: string;
  /** `a.schema({...})`, `a.combine([...])` or an SDL string. */
  schema: unknown;
  authorizationModes?: DataAuthorizationModes;
  functions?: Record<string, unknown>;
  logging?: unknown;
  migratedAmplifyGen1DynamoDbTableMappings?: unknown;
}

export type DataDefinition = ResourceDefinition<'data', DataProps>;

const MODES: DefaultAuthorizationMode[] = ['iam', 'identityPool', 'userPool', 'apiKey', 'lambda', 'oidc'];

/** `defineData`: records the schema and authorization modes for the local AppSync. */
export function defineData(props: DataProps): DataDefinition {
  const where = 'defineData';
  if (!props || typeof props !== 'object' || !props.schema) throw invalidOption(where, 'schema', 'is missing', 'Pass defineData({ schema }) with a schema built by a.schema({...}).');
  const s = props.schema as { transform?: unknown; schemas?: unknown };
  if (typeof props.schema !== 'string' && typeof s.transform !== 'function' && !Array.isArray(s.schemas)) {
    throw invalidOption(where, 'schema', 'is not a data schema', 'Build it with a.schema({...}) (or a.combine([...])) from @aws-amplify/backend.');
  }
  if (props.name !== undefined && !/^[A-Za-z0-9_]{1,64}$/.test(props.name)) throw invalidOption(where, 'name', `is ${JSON.stringify(props.name)}`, 'Use letters, digits and underscores only.');
  const modes = props.authorizationModes ?? {};
  if (modes.defaultAuthorizationMode && !MODES.includes(modes.defaultAuthorizationMode)) {
    throw invalidOption(where, 'authorizationModes.defaultAuthorizationMode', `is ${JSON.stringify(modes.defaultAuthorizationMode)}`, `Use one of ${MODES.join(', ')}.`);
  }
  const days = modes.apiKeyAuthorizationMode?.expiresInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365)) {
    throw invalidOption(where, 'authorizationModes.apiKeyAuthorizationMode.expiresInDays', `is ${days}`, 'Use a whole number of days from 1 to 365.');
  }
  if (modes.lambdaAuthorizationMode || modes.defaultAuthorizationMode === 'lambda') warnUnsupported('defineData lambda authorization mode');
  if (modes.oidcAuthorizationMode || modes.defaultAuthorizationMode === 'oidc') warnUnsupported('defineData OIDC authorization mode');
  if (props.functions && Object.keys(props.functions).length) warnUnsupported('defineData functions');
  if (props.logging) warnUnsupported('defineData logging');
  return Object.freeze({ kind: 'data' as const, props, definedAt: callerLocation() });
}
