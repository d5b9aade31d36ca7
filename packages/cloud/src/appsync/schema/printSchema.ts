import { print, parse, Kind, type FieldDefinitionNode } from 'graphql';
import { compositeKeyTypeNames, fieldNames, sortKeyArgName, typeNames } from '../model/naming.js';
import { isScalarLike, type FieldDef, type FieldType, type IndexDef, type ModelDef, type ModelSet } from '../model/types.js';
import { directivesText, type ModeMap } from '../auth/modes.js';
import { AWS_SCALARS } from './scalars.js';
import { namedType } from '../model/parseModels.js';

/**
 * The AppSync schema the Amplify transformer generates for a model set (checked field by field against
 * `@aws-amplify/graphql-transformer`'s output in `printSchema.test.ts`): model types with relationship
 * fields, connections, filter / condition / subscription-filter / key-condition inputs, CRUD inputs,
 * get / list / index queries, mutations and subscriptions, with the `@aws_*` auth directives.
 */
const DIRECTIVES = `directive @aws_api_key on OBJECT | FIELD_DEFINITION
directive @aws_iam on OBJECT | FIELD_DEFINITION
directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION
directive @aws_oidc on OBJECT | FIELD_DEFINITION
directive @aws_lambda on OBJECT | FIELD_DEFINITION
directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
${Object.keys(AWS_SCALARS).map((s) => `scalar ${s}`).join('\n')}
`;

const SCALAR_FILTERS: Record<string, string> = {
  ID: `  ne: ID\n  eq: ID\n  le: ID\n  lt: ID\n  ge: ID\n  gt: ID\n  contains: ID\n  notContains: ID\n  between: [ID]\n  beginsWith: ID\n  attributeExists: Boolean\n  attributeType: ModelAttributeTypes\n  size: ModelSizeInput`,
  String: `  ne: String\n  eq: String\n  le: String\n  lt: String\n  ge: String\n  gt: String\n  contains: String\n  notContains: String\n  between: [String]\n  beginsWith: String\n  attributeExists: Boolean\n  attributeType: ModelAttributeTypes\n  size: ModelSizeInput`,
  Int: `  ne: Int\n  eq: Int\n  le: Int\n  lt: Int\n  ge: Int\n  gt: Int\n  between: [Int]\n  attributeExists: Boolean\n  attributeType: ModelAttributeTypes`,
  Float: `  ne: Float\n  eq: Float\n  le: Float\n  lt: Float\n  ge: Float\n  gt: Float\n  between: [Float]\n  attributeExists: Boolean\n  attributeType: ModelAttributeTypes`,
  Boolean: `  ne: Boolean\n  eq: Boolean\n  attributeExists: Boolean\n  attributeType: ModelAttributeTypes`,
};

const COMMON = `${Object.entries(SCALAR_FILTERS).map(([t, body]) => `input Model${t}Input {\n${body}\n}`).join('\n\n')}

${['ID', 'String', 'Int', 'Float'].map((t) => `input ModelSubscription${t}Input {\n  ne: ${t}\n  eq: ${t}\n  le: ${t}\n  lt: ${t}\n  ge: ${t}\n  gt: ${t}\n${t === 'ID' || t === 'String' ? `  contains: ${t}\n  notContains: ${t}\n` : ''}  between: [${t}]\n${t === 'ID' || t === 'String' ? `  beginsWith: ${t}\n` : ''}  in: [${t}]\n  notIn: [${t}]\n}`).join('\n\n')}

input ModelSubscriptionBooleanInput {
  ne: Boolean
  eq: Boolean
}

enum ModelAttributeTypes {
  binary
  binarySet
  bool
  list
  map
  number
  numberSet
  string
  stringSet
  _null
}

input ModelSizeInput {
  ne: Int
  eq: Int
  le: Int
  lt: Int
  ge: Int
  gt: Int
  between: [Int]
}

enum ModelSortDirection {
  ASC
  DESC
}

${['String', 'ID', 'Int', 'Float'].map((t) => `input Model${t}KeyConditionInput {\n  eq: ${t}\n  le: ${t}\n  lt: ${t}\n  ge: ${t}\n  gt: ${t}\n  between: [${t}]\n${t === 'String' || t === 'ID' ? `  beginsWith: ${t}\n` : ''}}`).join('\n\n')}
`;

/** Scalar → the scalar the filter inputs use (AWS string scalars filter as String, AWSTimestamp as Int). */
export function filterScalar(type: string): string {
  if (type === 'ID' || type === 'Int' || type === 'Float' || type === 'Boolean' || type === 'String') return type;
  if (type === 'AWSTimestamp') return 'Int';
  return 'String';
}

const keyScalar = (f: FieldDef) => (f.kind === 'enum' ? 'String' : filterScalar(f.type.name) === 'Boolean' ? 'String' : filterScalar(f.type.name));

const typeRef = (t: FieldType, name = t.name, forceOptional = false): string => {
  const inner = t.list ? `[${name}${t.itemRequired ? '!' : ''}]` : name;
  return t.required && !forceOptional ? `${inner}!` : inner;
};

/** `declarations: false` leaves out the `@aws_*` directive and AWS scalar declarations (as AppSync's deployed SDL does). */
export function printAppSyncSchema(set: ModelSet, modes: ModeMap, options: { declarations?: boolean } = {}): string {
  const out: string[] = options.declarations === false ? [COMMON] : [DIRECTIVES, COMMON];
  const d = (type: string, field?: string) => {
    const e = modes.get(type);
    return directivesText(field ? e?.fields.get(field) : e?.type);
  };
  const query: string[] = [];
  const mutation: string[] = [];
  const subscription: string[] = [];
  const extraInputs = new Set<string>();

  for (const [name, values] of set.enums) {
    out.push(`enum ${name} {\n${values.map((v) => `  ${v}`).join('\n')}\n}`);
    out.push(`input Model${name}Input {\n  eq: ${name}\n  ne: ${name}\n}`);
    out.push(`input Model${name}ListInput {\n  eq: [${name}]\n  ne: [${name}]\n  contains: ${name}\n  notContains: ${name}\n}`);
  }
  for (const c of set.customTypes.values()) {
    out.push(`type ${c.name}${d(c.name)} {\n${[...c.fields.values()].map((f) => `  ${f.name}: ${typeRef(f.type)}`).join('\n')}\n}`);
    out.push(`input ${c.name}Input {\n${[...c.fields.values()].map((f) => `  ${f.name}: ${typeRef(f.type, f.kind === 'nonModel' ? `${f.type.name}Input` : f.type.name)}`).join('\n')}\n}`);
  }

  for (const m of set.models.values()) {
    const n = fieldNames(m);
    const t = typeNames(m);
    const fields = [...m.fields.values()];
    const objectFields = fields.map((f) => {
      if (f.kind === 'hasMany') {
        const rel = set.models.get(f.type.name)!;
        return `  ${f.name}(filter: ${typeNames(rel).filter}, sortDirection: ModelSortDirection, limit: Int, nextToken: String): ${typeNames(rel).connection}${d(m.name, f.name)}`;
      }
      return `  ${f.name}: ${typeRef(f.type)}${d(m.name, f.name)}`;
    });
    out.push(`type ${m.name}${d(m.name)} {\n${objectFields.join('\n')}\n}`);
    out.push(`type ${t.connection}${d(t.connection)} {\n  items: [${m.name}]!\n  nextToken: String\n}`);

    const filterable = fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
    const filterType = (f: FieldDef) => (f.kind === 'enum' ? (f.type.list ? `Model${f.type.name}ListInput` : `Model${f.type.name}Input`) : `Model${filterScalar(f.type.name)}Input`);
    // The transformer's field order: the model's fields (with the key and timestamps it adds), then and/or/not,
    // then what the auth transformer adds (implicit owner fields); conditions get the timestamps after and/or/not.
    const ownerFields = new Set(m.rules.filter((r) => r.allow === 'owner').map((r) => r.ownerField!));
    const isTimestamp = (f: FieldDef) => f.implicit === true && (f.name === m.timestamps.createdAt || f.name === m.timestamps.updatedAt);
    const addedByAuth = (f: FieldDef) => f.implicit === true && ownerFields.has(f.name) && f.name !== 'id' && !isTimestamp(f);
    const modelFields = filterable.filter((f) => !addedByAuth(f));
    const authFields = filterable.filter(addedByAuth);
    // The transformer always offers `id` in filters, even on models whose key is custom and have no `id` field (before the timestamps).
    const idQuirk = m.fields.has('id') ? undefined : ({ name: 'id', type: { name: 'ID', list: false, required: false, itemRequired: false }, kind: 'scalar' } as FieldDef);
    const filterFields = idQuirk ? [...modelFields.filter((f) => !isTimestamp(f)), idQuirk, ...modelFields.filter(isTimestamp)] : modelFields;
    const line = (type: (f: FieldDef) => string) => (f: FieldDef) => `  ${f.name}: ${type(f)}`;
    out.push(`input ${t.filter} {\n${[...filterFields.map(line(filterType)), `  and: [${t.filter}]`, `  or: [${t.filter}]`, `  not: ${t.filter}`, ...authFields.map(line(filterType))].join('\n')}\n}`);
    const conditionFields = modelFields.filter((f) => !m.primaryKey.includes(f.name));
    out.push(`input ${t.condition} {\n${[...conditionFields.filter((f) => !isTimestamp(f)).map(line(filterType)), `  and: [${t.condition}]`, `  or: [${t.condition}]`, `  not: ${t.condition}`, ...conditionFields.filter(isTimestamp).map(line(filterType)), ...authFields.filter((f) => !m.primaryKey.includes(f.name)).map(line(filterType))].join('\n')}\n}`);
    const subFilterType = (f: FieldDef) => (ownerFields.has(f.name) ? 'ModelStringInput' : f.kind === 'enum' ? 'ModelSubscriptionStringInput' : `ModelSubscription${filterScalar(f.type.name)}Input`);
    // Dynamic group fields are left out of subscription filters (the auth transformer filters on them itself).
    const groupFields = new Set(m.rules.filter((r) => r.groupsField).map((r) => r.groupsField!));
    // Owner fields, declared or not, move after and/or (the auth transformer replaces them with a string filter).
    const subFields = filterFields.filter((f) => !groupFields.has(f.name) && !ownerFields.has(f.name));
    const subOwnerFields = [...ownerFields].flatMap((name) => filterable.filter((f) => f.name === name && !groupFields.has(f.name)));
    out.push(`input ${t.subscriptionFilter} {\n${[...subFields.map(line(subFilterType)), `  and: [${t.subscriptionFilter}]`, `  or: [${t.subscriptionFilter}]`, ...subOwnerFields.map(line(subFilterType))].join('\n')}\n}`);

    const inputType = (f: FieldDef) => (f.kind === 'nonModel' ? `${f.type.name}Input` : f.type.name);
    const writable = fields.filter((f) => isScalarLike(f) && !(f.implicit && f.name !== 'id') && !(f.readOnly && f.implicit));
    out.push(`input ${t.create} {\n${writable.map((f) => `  ${f.name}: ${typeRef(f.type, inputType(f), f.defaultValue !== undefined || f.readOnly || f.name === 'id' && m.hasImplicitId)}`).join('\n')}\n}`);
    out.push(`input ${t.update} {\n${writable.map((f) => `  ${f.name}: ${m.primaryKey.includes(f.name) ? typeRef({ ...f.type, required: true }, inputType(f)) : typeRef(f.type, inputType(f), true)}`).join('\n')}\n}`);
    out.push(`input ${t.delete} {\n${m.primaryKey.map((k) => `  ${k}: ${typeRef({ ...m.fields.get(k)!.type, required: true })}`).join('\n')}\n}`);

    // Queries.
    query.push(`  ${n.get}(${m.primaryKey.map((k) => `${k}: ${m.fields.get(k)!.type.name}!`).join(', ')}): ${m.name}${d('Query', n.get)}`);
    if (m.hasImplicitId) {
      query.push(`  ${n.list}(filter: ${t.filter}, limit: Int, nextToken: String): ${t.connection}${d('Query', n.list)}`);
    } else {
      const [pk, ...sks] = m.primaryKey;
      query.push(`  ${n.list}(${pk}: ${m.fields.get(pk!)!.type.name}${keyConditionArg(m, sks, undefined, extraInputs)}, filter: ${t.filter}, limit: Int, nextToken: String, sortDirection: ModelSortDirection): ${t.connection}${d('Query', n.list)}`);
    }
    for (const i of m.indexes) {
      if (!i.queryField) continue;
      query.push(`  ${i.queryField}(${i.partitionKey}: ${m.fields.get(i.partitionKey)!.type.name}!${keyConditionArg(m, i.sortKeys, i, extraInputs)}, sortDirection: ModelSortDirection, filter: ${t.filter}, limit: Int, nextToken: String): ${t.connection}${d('Query', i.queryField)}`);
    }
    mutation.push(`  ${n.create}(input: ${t.create}!, condition: ${t.condition}): ${m.name}${d('Mutation', n.create)}`);
    mutation.push(`  ${n.update}(input: ${t.update}!, condition: ${t.condition}): ${m.name}${d('Mutation', n.update)}`);
    mutation.push(`  ${n.delete}(input: ${t.delete}!, condition: ${t.condition}): ${m.name}${d('Mutation', n.delete)}`);
    const ownerArgs = m.rules.filter((r) => r.allow === 'owner' && !m.fields.get(r.ownerField!)?.type.list).map((r) => `, ${r.ownerField}: String`);
    const ownerArgText = [...new Set(ownerArgs)].join('');
    for (const [op, mut] of [[n.onCreate, n.create], [n.onUpdate, n.update], [n.onDelete, n.delete]] as const) {
      subscription.push(`  ${op}(filter: ${t.subscriptionFilter}${ownerArgText}): ${m.name} @aws_subscribe(mutations: ["${mut}"])${d('Subscription', op)}`);
    }
  }
  out.push(...extraInputs);
  for (const op of set.customOperations) {
    const text = customOperationText(set, op.parent, op.name);
    if (!text) continue;
    (op.parent === 'Query' ? query : op.parent === 'Mutation' ? mutation : subscription).push(`  ${text}${d(op.parent, op.name)}`);
  }
  out.push(`type Query {\n${query.join('\n') || '  _empty: String'}\n}`);
  if (mutation.length) out.push(`type Mutation {\n${mutation.join('\n')}\n}`);
  if (subscription.length) out.push(`type Subscription {\n${subscription.join('\n')}\n}`);
  return out.join('\n\n') + '\n';

  function keyConditionArg(m: ModelDef, sks: string[], index: IndexDef | undefined, extra: Set<string>): string {
    if (sks.length === 0) return '';
    if (sks.length === 1) return `, ${sks[0]}: Model${keyScalar(m.fields.get(sks[0]!)!)}KeyConditionInput`;
    const names = compositeKeyTypeNames(m, index);
    const keyFields = sks.map((k) => `  ${k}: ${m.fields.get(k)!.kind === 'enum' ? m.fields.get(k)!.type.name : m.fields.get(k)!.type.name}`).join('\n');
    extra.add(`input ${names.key} {\n${keyFields}\n}`);
    extra.add(`input ${names.condition} {\n  eq: ${names.key}\n  le: ${names.key}\n  lt: ${names.key}\n  ge: ${names.key}\n  gt: ${names.key}\n  between: [${names.key}]\n  beginsWith: ${names.key}\n}`);
    return `, ${sortKeyArgName(sks)}: ${names.condition}`;
  }
}

/** A custom query/mutation printed without its handler directives; undefined when its types cannot be served. */
function customOperationText(set: ModelSet, parent: string, name: string): string | undefined {
  const doc = parse(set.sdl);
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || def.name.value !== parent) continue;
    const f = def.fields?.find((x) => x.name.value === name);
    if (!f) return undefined;
    const known = (t: string) => ['ID', 'String', 'Int', 'Float', 'Boolean'].includes(t) || t in AWS_SCALARS || set.enums.has(t) || set.customTypes.has(t) || set.models.has(t);
    if (!known(namedType(f.type)) || (f.arguments ?? []).some((a) => !known(namedType(a.type)) || set.customTypes.has(namedType(a.type)) || set.models.has(namedType(a.type)))) return undefined;
    const bare: FieldDefinitionNode = { ...f, directives: [], description: undefined };
    return print(bare);
  }
  return undefined;
}
