import { Kind, parse, valueFromASTUntyped, type DirectiveNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import pluralize from 'pluralize';
import { normaliseRules } from './rules.js';
import type { CustomOperationDef, FieldDef, FieldKind, FieldType, IndexDef, ModelDef, ModelSet } from './types.js';
import { AWS_SCALARS } from '../schema/scalars.js';

const BUILTIN_SCALARS = new Set(['ID', 'String', 'Int', 'Float', 'Boolean', ...Object.keys(AWS_SCALARS)]);

export class InvalidDataSchemaError extends Error {
  override name = 'InvalidDataSchemaError';
}

/** Reads the Amplify model SDL (`schema.transform().schema`) into the models the local AppSync serves. */
export function parseModels(sdl: string): ModelSet {
  let doc;
  try {
    doc = parse(sdl);
  } catch (e) {
    throw new InvalidDataSchemaError(`The data schema is not valid GraphQL: ${(e as Error).message}`);
  }
  const set: ModelSet = { models: new Map(), customTypes: new Map(), enums: new Map(), customOperations: [], sdl };
  const objects: ObjectTypeDefinitionNode[] = [];
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) set.enums.set(def.name.value, (def.values ?? []).map((v) => v.name.value));
    else if (def.kind === Kind.OBJECT_TYPE_DEFINITION) objects.push(def);
    else if (def.kind === Kind.SCALAR_TYPE_DEFINITION || def.kind === Kind.DIRECTIVE_DEFINITION) continue;
    else if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || def.kind === Kind.UNION_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      throw new InvalidDataSchemaError(`Sandlot's local AppSync does not support ${def.kind} definitions (${def.name.value}).`);
    }
  }
  const modelNames = new Set(objects.filter((o) => hasDirective(o.directives, 'model')).map((o) => o.name.value));
  const kindOf = (typeName: string, directives: readonly DirectiveNode[] | undefined, owner: string, field: string): FieldKind => {
    if (hasDirective(directives, 'hasMany')) return 'hasMany';
    if (hasDirective(directives, 'hasOne')) return 'hasOne';
    if (hasDirective(directives, 'belongsTo')) return 'belongsTo';
    if (BUILTIN_SCALARS.has(typeName)) return 'scalar';
    if (set.enums.has(typeName)) return 'enum';
    if (modelNames.has(typeName)) throw new InvalidDataSchemaError(`${owner}.${field} refers to model ${typeName} without @hasMany, @hasOne or @belongsTo.`);
    if (objects.some((o) => o.name.value === typeName)) return 'nonModel';
    throw new InvalidDataSchemaError(`${owner}.${field} has unknown type ${typeName}.`);
  };

  for (const o of objects) {
    const name = o.name.value;
    if (name === 'Query' || name === 'Mutation' || name === 'Subscription') {
      for (const f of o.fields ?? []) set.customOperations.push(customOperation(name, f));
      continue;
    }
    if (!modelNames.has(name)) {
      const fields = new Map<string, FieldDef>();
      for (const f of o.fields ?? []) fields.set(f.name.value, { name: f.name.value, type: fieldType(f.type), kind: kindOf(namedType(f.type), f.directives, name, f.name.value) });
      set.customTypes.set(name, { name, fields });
      continue;
    }
    set.models.set(name, readModel(o, kindOf));
  }
  for (const m of set.models.values()) checkRelations(m, set);
  return set;
}

function readModel(o: ObjectTypeDefinitionNode, kindOf: (t: string, d: readonly DirectiveNode[] | undefined, owner: string, field: string) => FieldKind): ModelDef {
  const name = o.name.value;
  const fields = new Map<string, FieldDef>();
  let primaryKey: string[] | undefined;
  const indexes: IndexDef[] = [];
  for (const f of o.fields ?? []) {
    const fname = f.name.value;
    const type = fieldType(f.type);
    const kind = kindOf(type.name, f.directives, name, fname);
    const def: FieldDef = { name: fname, type, kind };
    const dflt = directiveArgs(f.directives, 'default');
    if (dflt && dflt.value !== undefined) def.defaultValue = typedDefault(String(dflt.value), type.name);
    for (const rel of ['hasMany', 'hasOne', 'belongsTo'] as const) {
      const args = directiveArgs(f.directives, rel);
      if (args) def.references = (args.references ?? args.fields) as string[] | undefined;
    }
    const auth = directiveArgs(f.directives, 'auth');
    if (auth) def.rules = normaliseRules(auth.rules);
    const pk = directiveArgs(f.directives, 'primaryKey');
    if (pk) primaryKey = [fname, ...((pk.sortKeyFields as string[] | undefined) ?? [])];
    for (const d of f.directives ?? []) {
      if (d.name.value !== 'index') continue;
      const args = Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
      const sortKeys = (args.sortKeyFields as string[] | undefined) ?? [];
      indexes.push({ name: (args.name as string | undefined) ?? `${name.charAt(0).toLowerCase()}${name.slice(1)}sBy${[fname, ...sortKeys].map(cap).join('And')}`, partitionKey: fname, sortKeys, queryField: args.queryField as string | undefined });
    }
    fields.set(fname, def);
  }
  const modelArgs = directiveArgs(o.directives, 'model') ?? {};
  const hasImplicitId = !primaryKey && !fields.has('id');
  if (hasImplicitId) fields.set('id', { name: 'id', type: { name: 'ID', list: false, required: true, itemRequired: false }, kind: 'scalar', implicit: true });
  const ts = modelArgs.timestamps === null ? {} : { createdAt: 'createdAt', updatedAt: 'updatedAt', ...(modelArgs.timestamps as object | undefined) } as { createdAt?: string; updatedAt?: string };
  for (const t of [ts.createdAt, ts.updatedAt]) {
    if (t && !fields.has(t)) fields.set(t, { name: t, type: { name: 'AWSDateTime', list: false, required: true, itemRequired: false }, kind: 'scalar', implicit: true, readOnly: true });
    else if (t) fields.get(t)!.readOnly = true;
  }
  const auth = directiveArgs(o.directives, 'auth');
  const rules = auth ? normaliseRules(auth.rules) : [];
  for (const r of rules) {
    if (r.allow === 'owner' && r.ownerField && !fields.has(r.ownerField)) {
      fields.set(r.ownerField, { name: r.ownerField, type: { name: 'String', list: false, required: false, itemRequired: false }, kind: 'scalar', implicit: true });
    }
  }
  for (const k of primaryKey ?? ['id']) if (!fields.has(k)) throw new InvalidDataSchemaError(`${name}: primary key field ${k} is not a field of the model.`);
  for (const i of indexes) for (const k of i.sortKeys) if (!fields.has(k)) throw new InvalidDataSchemaError(`${name}: index ${i.name} sort key ${k} is not a field of the model.`);
  return { name, pluralName: pluralize(name), fields, primaryKey: primaryKey ?? ['id'], indexes, rules, timestamps: ts, hasImplicitId };
}

function checkRelations(m: ModelDef, set: ModelSet): void {
  for (const f of m.fields.values()) {
    if (f.kind !== 'hasMany' && f.kind !== 'hasOne' && f.kind !== 'belongsTo') continue;
    const related = set.models.get(f.type.name);
    if (!related) throw new InvalidDataSchemaError(`${m.name}.${f.name}: @${f.kind} needs a model type, got ${f.type.name}.`);
    if (!f.references?.length) throw new InvalidDataSchemaError(`${m.name}.${f.name}: @${f.kind} needs references (Gen 1 relationship patterns are not supported).`);
    const holder = f.kind === 'belongsTo' ? m : related;
    for (const r of f.references) if (!holder.fields.has(r)) throw new InvalidDataSchemaError(`${m.name}.${f.name}: reference field ${r} is not a field of ${holder.name}.`);
  }
}

function customOperation(parent: 'Query' | 'Mutation' | 'Subscription', f: FieldDefinitionNode): CustomOperationDef {
  const auth = directiveArgs(f.directives, 'auth');
  const handler = (f.directives ?? []).map((d) => d.name.value).find((n) => n !== 'auth') ?? 'none';
  return { parent, name: f.name.value, rules: auth ? normaliseRules(auth.rules) : [], handler };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function namedType(t: TypeNode): string {
  return t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type);
}

function fieldType(t: TypeNode): FieldType {
  const required = t.kind === Kind.NON_NULL_TYPE;
  const inner = required ? (t as { type: TypeNode }).type : t;
  if (inner.kind === Kind.LIST_TYPE) {
    return { name: namedType(inner.type), list: true, required, itemRequired: inner.type.kind === Kind.NON_NULL_TYPE };
  }
  return { name: namedType(inner), list: false, required, itemRequired: false };
}

export function hasDirective(ds: readonly DirectiveNode[] | undefined, name: string): boolean {
  return Boolean(ds?.some((d) => d.name.value === name));
}

function directiveArgs(ds: readonly DirectiveNode[] | undefined, name: string): Record<string, unknown> | undefined {
  const d = ds?.find((x) => x.name.value === name);
  if (!d) return undefined;
  return Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
}

function typedDefault(value: string, type: string): unknown {
  if (type === 'Int' || type === 'AWSTimestamp') return parseInt(value, 10);
  if (type === 'Float') return parseFloat(value);
  if (type === 'Boolean') return value === 'true';
  if (type === 'AWSJSON') return JSON.parse(value);
  return value;
}
