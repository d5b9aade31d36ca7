import type { AuthType } from '../config.js';
import { fieldNames, typeNames } from '../model/naming.js';
import type { AuthRule, ModelSet, Operation, Provider } from '../model/types.js';

/**
 * Which auth types may touch each type and field — AppSync's `@aws_api_key` / `@aws_iam` /
 * `@aws_cognito_user_pools` directives, as the Amplify auth transformer places them. IAM is on every
 * model operation because Gen 2 APIs allow IAM admin access (`enableIamAuthorizationMode`).
 */
export const PROVIDER_AUTH_TYPE: Record<Provider, AuthType> = {
  apiKey: 'API_KEY',
  iam: 'AWS_IAM',
  userPools: 'AMAZON_COGNITO_USER_POOLS',
  oidc: 'OPENID_CONNECT',
  function: 'AWS_LAMBDA',
};

export const AUTH_TYPE_DIRECTIVE: Record<AuthType, string> = {
  API_KEY: 'aws_api_key',
  AWS_IAM: 'aws_iam',
  AMAZON_COGNITO_USER_POOLS: 'aws_cognito_user_pools',
  OPENID_CONNECT: 'aws_oidc',
  AWS_LAMBDA: 'aws_lambda',
};

const ORDER: AuthType[] = ['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'];

export interface TypeModes {
  /** Type-level directive set (undefined: none, so the default auth type only). */
  type?: Set<AuthType>;
  fields: Map<string, Set<AuthType>>;
}

export type ModeMap = Map<string, TypeModes>;

const typesOf = (rules: AuthRule[], op?: Operation): Set<AuthType> => {
  const out = new Set<AuthType>(['AWS_IAM']);
  for (const r of rules) if (!op || r.operations.has(op)) out.add(PROVIDER_AUTH_TYPE[r.provider]);
  return new Set(ORDER.filter((t) => out.has(t)));
};

export function computeModes(set: ModelSet, enabled: Set<AuthType>): ModeMap {
  const map: ModeMap = new Map();
  const entry = (name: string): TypeModes => {
    let e = map.get(name);
    if (!e) map.set(name, (e = { fields: new Map() }));
    return e;
  };
  const q = entry('Query');
  const mu = entry('Mutation');
  const s = entry('Subscription');
  for (const m of set.models.values()) {
    const fieldRules = [...m.fields.values()].flatMap((f) => f.rules ?? []);
    const all = typesOf([...m.rules, ...fieldRules]);
    entry(m.name).type = all;
    entry(typeNames(m).connection).type = all;
    for (const f of m.fields.values()) if (f.rules) entry(m.name).fields.set(f.name, typesOf(f.rules));
    const n = fieldNames(m);
    q.fields.set(n.get, typesOf(m.rules, 'get'));
    q.fields.set(n.list, typesOf(m.rules, 'list'));
    for (const i of m.indexes) if (i.queryField) q.fields.set(i.queryField, typesOf(m.rules, 'list'));
    mu.fields.set(n.create, typesOf(m.rules, 'create'));
    mu.fields.set(n.update, typesOf(m.rules, 'update'));
    mu.fields.set(n.delete, typesOf(m.rules, 'delete'));
    for (const op of [n.onCreate, n.onUpdate, n.onDelete]) s.fields.set(op, typesOf(m.rules, 'listen'));
  }
  // A hasMany connection also carries the parent model's auth types (the related items are then checked on their own type).
  for (const m of set.models.values()) {
    for (const f of m.fields.values()) {
      if (f.kind !== 'hasMany') continue;
      const conn = entry(`Model${f.type.name}Connection`);
      conn.type = union(conn.type, entry(m.name).type);
    }
  }
  // Custom (non-model) types take the auth types of the models that use them, directly or through other custom types.
  const users = new Map<string, Set<AuthType>>();
  const reach = (typeName: string, types: Set<AuthType>, seen = new Set<string>()) => {
    if (seen.has(typeName)) return;
    seen.add(typeName);
    users.set(typeName, union(users.get(typeName), types));
    for (const f of set.customTypes.get(typeName)?.fields.values() ?? []) if (f.kind === 'nonModel') reach(f.type.name, types, seen);
  };
  for (const m of set.models.values()) for (const f of m.fields.values()) if (f.kind === 'nonModel') reach(f.type.name, entry(m.name).type!);
  for (const c of set.customTypes.values()) entry(c.name).type = users.get(c.name) ?? new Set(ORDER.filter((t) => enabled.has(t)));
  for (const op of set.customOperations) entry(op.parent).fields.set(op.name, typesOf(op.rules));
  return map;
}

const union = (a: Set<AuthType> | undefined, b: Set<AuthType> | undefined): Set<AuthType> => {
  const all = new Set([...(a ?? []), ...(b ?? [])]);
  return new Set(ORDER.filter((t) => all.has(t)));
};

/** The auth types allowed on `type.field`: the field's directives, else the type's, else the default type only. */
export function allowedTypes(map: ModeMap, type: string, field: string, defaultType: AuthType): Set<AuthType> | AuthType {
  const e = map.get(type);
  return e?.fields.get(field) ?? e?.type ?? defaultType;
}

export const directivesText = (types: Set<AuthType> | undefined): string => (types ? [...types].map((t) => ` @${AUTH_TYPE_DIRECTIVE[t]}`).join('') : '');
