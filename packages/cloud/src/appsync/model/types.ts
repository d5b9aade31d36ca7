/** The models of one API as read from the Amplify model SDL: what the schema builder, resolvers and auth read. */

export type Operation = 'create' | 'update' | 'delete' | 'get' | 'list' | 'listen' | 'sync' | 'search';
export const ALL_OPERATIONS: Operation[] = ['create', 'update', 'delete', 'get', 'list', 'listen', 'sync', 'search'];

export type Provider = 'apiKey' | 'iam' | 'userPools' | 'oidc' | 'function';

export interface AuthRule {
  allow: 'public' | 'private' | 'owner' | 'groups' | 'custom';
  provider: Provider;
  operations: Set<Operation>;
  ownerField?: string;
  /** `sub::username` (Gen 2 default) or a single claim name. */
  identityClaim?: string;
  groupClaim?: string;
  groups?: string[];
  groupsField?: string;
}

export interface FieldType {
  /** Named type: a scalar, enum, custom (non-model) type or model. */
  name: string;
  list: boolean;
  required: boolean;
  itemRequired: boolean;
}

export type FieldKind = 'scalar' | 'enum' | 'nonModel' | 'hasMany' | 'hasOne' | 'belongsTo';

export interface FieldDef {
  name: string;
  type: FieldType;
  kind: FieldKind;
  /** `@default(value)`, already typed. */
  defaultValue?: unknown;
  /** Relationship: the FK fields (on the related model for hasMany/hasOne, on this model for belongsTo). */
  references?: string[];
  /** Field-level `@auth` rules (they replace the model's rules for this field). */
  rules?: AuthRule[];
  /** Added by the transformer (id, createdAt, updatedAt, implicit owner field), not declared. */
  implicit?: boolean;
  readOnly?: boolean;
}

export interface IndexDef {
  name: string;
  partitionKey: string;
  sortKeys: string[];
  queryField?: string;
}

export interface ModelDef {
  name: string;
  pluralName: string;
  fields: Map<string, FieldDef>;
  /** [partition key, ...sort keys]. */
  primaryKey: string[];
  indexes: IndexDef[];
  rules: AuthRule[];
  timestamps: { createdAt?: string; updatedAt?: string };
  /** Whether `id` was added (no custom primary key and none declared). */
  hasImplicitId: boolean;
}

export interface CustomTypeDef {
  name: string;
  fields: Map<string, FieldDef>;
}

export interface CustomOperationDef {
  parent: 'Query' | 'Mutation' | 'Subscription';
  name: string;
  rules: AuthRule[];
  /** The handler directive (`function`, `http`, `sql`, …): reported as unsupported by name. */
  handler: string;
}

export interface ModelSet {
  models: Map<string, ModelDef>;
  customTypes: Map<string, CustomTypeDef>;
  enums: Map<string, string[]>;
  customOperations: CustomOperationDef[];
  /** The parsed SDL document (custom operation field definitions are printed from it). */
  sdl: string;
}

export const isScalarLike = (f: FieldDef): boolean => f.kind === 'scalar' || f.kind === 'enum' || f.kind === 'nonModel';
export const isRelation = (f: FieldDef): boolean => f.kind === 'hasMany' || f.kind === 'hasOne' || f.kind === 'belongsTo';
