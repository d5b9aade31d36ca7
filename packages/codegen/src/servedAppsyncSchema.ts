/**
 * The AppSync schema the local sandbox serves (`@sandlot/cloud`'s `servedSchema`, the printer the local
 * AppSync builds its executable schema from), for `graphql-codegen` — the "fed from the schema the
 * local sandbox serves" — instead of running the Amplify transformer in an in-memory CDK stack (seconds).
 *
 * The served SDL is not the transformer's text: type order, unused helper inputs (`AmplifyAIConversation…`,
 * unused key-condition inputs) and the order of `@aws_*` directives differ. None of that reaches the
 * generators' output; field order does, and the printer follows the transformer's. `servedSchema.test.ts`
 * holds every graphql-codegen statement and type target byte-identical between the two SDLs on the docs-app
 * schema, the rich schemas and the generated 50-model schema, with the transformer as the reference.
 *
 * Only schemas inside what that test covers take this path: the model schema's directives, auth rules and
 * the API's auth types are checked first (`servedSchemaSupports`), and anything else — another directive,
 * a custom subscription, a lambda or OIDC rule or mode, a key with several sort keys, a custom operation the
 * local AppSync cannot serve —
 * keeps the transformer (`appsyncSchema.ts`), so codegen output stays the real tool's.
 */
import { Kind, parse, valueFromASTUntyped, type DirectiveNode } from 'graphql';
import { servedSchema } from '@sandlot/cloud/appsync/schema/servedSchema.js';
import type { AppSyncAuthenticationType } from './appsyncSchema.js';

type AuthTypes = { defaultAuthenticationType: AppSyncAuthenticationType; additionalAuthenticationTypes: readonly AppSyncAuthenticationType[] };

const SERVED_AUTH_TYPES = new Set<AppSyncAuthenticationType>(['AMAZON_COGNITO_USER_POOLS', 'API_KEY', 'AWS_IAM']);
const MODEL_FIELD_DIRECTIVES = new Set(['default', 'index', 'primaryKey', 'belongsTo', 'hasMany', 'hasOne', 'auth']);
const OPERATION_DIRECTIVES = new Set(['function', 'auth']);
const RULE_KEYS = new Set(['allow', 'provider', 'operations', 'ownerField', 'identityClaim', 'groups', 'groupClaim', 'groupsField']);
const RULE_ALLOW = new Set(['owner', 'groups', 'public', 'private']);
const RULE_PROVIDERS = new Set([undefined, 'apiKey', 'iam', 'identityPool', 'userPools']);

const rulesSupported = (directives: readonly DirectiveNode[] | undefined): boolean =>
  (directives ?? []).every((directive) => {
    if (directive.name.value !== 'auth') return true;
    const rules = directive.arguments?.find((argument) => argument.name.value === 'rules');
    const value = rules ? (valueFromASTUntyped(rules.value) as unknown) : undefined;
    return (
      Array.isArray(value) &&
      value.every(
        (rule: Record<string, unknown>) =>
          typeof rule === 'object' && rule !== null && Object.keys(rule).every((key) => RULE_KEYS.has(key)) && RULE_ALLOW.has(rule.allow as string) && RULE_PROVIDERS.has(rule.provider as string | undefined),
      )
    );
  });

const sortKeyCount = (directive: DirectiveNode): number => {
  if (directive.name.value !== 'index' && directive.name.value !== 'primaryKey') return 0;
  const sortKeys = directive.arguments?.find((argument) => argument.name.value === 'sortKeyFields');
  const value = sortKeys ? (valueFromASTUntyped(sortKeys.value) as unknown) : undefined;
  return Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
};

/** Whether the model schema and auth types are within what the served SDL is proven equal on (see above). */
export const servedSchemaSupports = (modelSchema: string, auth: AuthTypes): boolean => {
  if (![auth.defaultAuthenticationType, ...auth.additionalAuthenticationTypes].every((type) => SERVED_AUTH_TYPES.has(type))) return false;
  let document;
  try {
    document = parse(modelSchema);
  } catch {
    return false; // the transformer reports it
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      if (definition.directives?.length || definition.values?.some((value) => value.directives?.length)) return false;
      continue;
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return false;
    const name = definition.name.value;
    const typeDirectives = definition.directives ?? [];
    if (name === 'Query' || name === 'Mutation') {
      if (typeDirectives.length) return false;
      if (!(definition.fields ?? []).every((field) => (field.directives ?? []).every((directive) => OPERATION_DIRECTIVES.has(directive.name.value)) && rulesSupported(field.directives))) return false;
      continue;
    }
    if (name === 'Subscription') return false;
    const model = typeDirectives.find((directive) => directive.name.value === 'model');
    if (model) {
      if (model.arguments?.length) return false; // disabled operations, custom timestamps
      if (!typeDirectives.every((directive) => directive.name.value === 'model' || directive.name.value === 'auth') || !rulesSupported(typeDirectives)) return false;
      if (!(definition.fields ?? []).every((field) => (field.directives ?? []).every((directive) => MODEL_FIELD_DIRECTIVES.has(directive.name.value)) && rulesSupported(field.directives))) return false;
      // Keys with two or more sort keys (composite key condition inputs) are outside the proof.
      if ((definition.fields ?? []).some((field) => field.directives?.some((directive) => sortKeyCount(directive) > 1))) return false;
    } else {
      // A custom type: data-schema marks it with the `@aws_*` directives the transformer recomputes.
      if (!typeDirectives.every((directive) => directive.name.value.startsWith('aws_'))) return false;
      if (definition.fields?.some((field) => field.directives?.length)) return false;
    }
  }
  return true;
};

/** Every custom query and mutation of the model schema is in the served SDL (the local AppSync leaves out what it cannot serve). */
const servesEveryOperation = (modelSchema: string, sdl: string): boolean => {
  const operationsOf = (text: string) =>
    parse(text, { noLocation: true }).definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && (definition.name.value === 'Query' || definition.name.value === 'Mutation')
        ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
        : [],
    );
  const wanted = operationsOf(modelSchema);
  // The served SDL (large: every model's inputs and connections) is parsed only when there is something to look up.
  if (wanted.length === 0) return true;
  const served = new Set(operationsOf(sdl));
  return wanted.every((operation) => served.has(operation));
};

/**
 * The served AppSync SDL for codegen (without directive and scalar declarations, as AppSync's deployed SDL),
 * or undefined when the schema is outside what it is proven equal on, or the local AppSync rejects it.
 */
export const servedAppsyncSchema = (modelSchema: string, auth: AuthTypes): string | undefined => {
  if (!servedSchemaSupports(modelSchema, auth)) return undefined;
  const enabled = new Set<AppSyncAuthenticationType>(['AWS_IAM', auth.defaultAuthenticationType, ...auth.additionalAuthenticationTypes]);
  let sdl: string;
  try {
    sdl = servedSchema(modelSchema, auth.defaultAuthenticationType, enabled, { declarations: false }).sdl;
  } catch {
    return undefined; // the transformer reports its own error for it
  }
  return servesEveryOperation(modelSchema, sdl) ? sdl : undefined;
};
