import {
  coerceInputValue,
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  isEnumType,
  isInputType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  locatedError,
  typeFromAST,
  valueFromAST,
  type ExecutionResult,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Path } from 'graphql/jsutils/Path.js';
import { inspect } from 'graphql/jsutils/inspect.js';
import type { AuthType } from '../config.js';
import { unauthorized } from '../errors.js';
import type { DataApi, ExecContext } from '../resolvers/context.js';

/**
 * graphql-js's `execute`, specialised once per cached document for the shape every generated document has
 * (aws-amplify's model operations, codegen statements): one root field — or, in a mutation, several, run one
 * after the other as graphql-js runs mutation fields (the seed's `createItems` documents: `c0: createTodo(…)
 * c1: …`) — and plain field selections (no fragments, no directives, no interfaces or unions, no repeated
 * response names). The rules are `execute`'s own — variable and argument coercion (graphql-js's functions; a
 * refused variable is coerced again by graphql-js for its exact errors), error messages, paths, locations,
 * null propagation, leaf serialisation — but the walk is planned ahead: no field lookup, resolve info, path object or promise check per leaf, and a
 * field whose resolver is the default one behind the auth-type check (`buildApi`) is read inline. Results are
 * plain objects (V8 serialises them faster than graphql-js's prototype-less ones; the JSON is the same).
 * Resolvers are synchronous (SQLite is); the root resolver may still answer a promise. Documents of any other
 * shape go through `execute`; `flatExecution.test.ts` holds the two to the same answers.
 * By hand because graphql-jit (the library for this) binds to the hoisted graphql 15 aws-amplify pins, not our graphql 16.
 */
export interface FlatPlan {
  operation: OperationDefinitionNode;
  variables: VariablePlan[];
  /** The root fields in document order (one for a query). */
  roots: FieldPlan[];
}

interface VariablePlan {
  name: string;
  type: GraphQLInputType;
  nonNull: boolean;
  /** A scalar variable (`ID!`, `Int`, …): coerced by its `parseValue` directly. */
  scalar: GraphQLScalarType | undefined;
  defaultValue: ValueNode | undefined;
}

/** The type of a field, unwrapped ahead of time (no `instanceof` checks per value). */
type TypePlan =
  | { kind: 'nonNull'; of: TypePlan }
  | { kind: 'list'; of: TypePlan }
  | { kind: 'leaf'; type: GraphQLLeafType }
  | { kind: 'object'; type: GraphQLObjectType; fields: FieldPlan[] };

interface FieldPlan {
  responseName: string;
  fieldName: string;
  nodes: readonly FieldNode[];
  parentType: GraphQLObjectType;
  def: GraphQLField<unknown, unknown> | undefined;
  type: TypePlan;
  nonNull: boolean;
  /** `__typename`: the parent type's name. */
  typename: boolean;
  /** Set when the resolver is the default one behind an auth-type check: the auth types that may read it. */
  plain: Set<AuthType> | AuthType | undefined;
  /** The field's arguments are always `{}` (none defined, none given). */
  noArgs: boolean;
}

/** The plan for an operation, or undefined when it is not of the flat shape (then `execute` runs it). */
export function planFlat(api: DataApi, operation: OperationDefinitionNode): FlatPlan | undefined {
  if (operation.operation !== 'query' && operation.operation !== 'mutation') return undefined;
  const rootType = api.schema.getRootType(operation.operation);
  const sel = operation.selectionSet.selections;
  // Several root fields only in a mutation: graphql-js runs those serially (a query's run side by side).
  if (!rootType || sel.length === 0 || (sel.length > 1 && operation.operation !== 'mutation') || operation.directives?.length) return undefined;
  const roots: FieldPlan[] = [];
  const names = new Set<string>();
  for (const node of sel) {
    if (node.kind !== Kind.FIELD || node.name.value.startsWith('__')) return undefined;
    const root = fieldPlan(api, rootType, node);
    if (!root || !root.def?.resolve || names.has(root.responseName)) return undefined;
    names.add(root.responseName);
    roots.push(root);
  }
  const variables: VariablePlan[] = [];
  for (const v of operation.variableDefinitions ?? []) {
    const type = typeFromAST(api.schema, v.type);
    if (!type || !isInputType(type)) return undefined;
    const named = isNonNullType(type) ? type.ofType : type;
    variables.push({ name: v.variable.name.value, type, nonNull: isNonNullType(type), scalar: isScalarType(named) ? named : undefined, defaultValue: v.defaultValue });
  }
  return { operation, variables, roots };
}

function fieldPlan(api: DataApi, parentType: GraphQLObjectType, node: FieldNode): FieldPlan | undefined {
  if (node.directives?.length) return undefined;
  const fieldName = node.name.value;
  const responseName = node.alias?.value ?? fieldName;
  if (responseName === '__proto__') return undefined; // results are plain objects (graphql-js uses prototype-less ones)
  const base = { responseName, fieldName, nodes: [node], parentType };
  if (fieldName === '__typename') {
    if (node.arguments?.length || node.selectionSet) return undefined;
    return { ...base, def: undefined, type: { kind: 'nonNull', of: { kind: 'leaf', type: api.schema.getType('String') as GraphQLLeafType } }, nonNull: true, typename: true, plain: undefined, noArgs: true };
  }
  if (fieldName.startsWith('__')) return undefined;
  const def = parentType.getFields()[fieldName] as GraphQLField<unknown, unknown> | undefined;
  if (!def) return undefined;
  const type = typePlan(api, def.type, node.selectionSet);
  if (!type) return undefined;
  return { ...base, def, type, nonNull: type.kind === 'nonNull', typename: false, plain: api.plainFields.get(def), noArgs: def.args.length === 0 && !node.arguments?.length };
}

function typePlan(api: DataApi, type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): TypePlan | undefined {
  if (isNonNullType(type)) {
    const of = typePlan(api, type.ofType, selectionSet);
    return of && { kind: 'nonNull', of };
  }
  if (isListType(type)) {
    const of = typePlan(api, type.ofType, selectionSet);
    return of && { kind: 'list', of };
  }
  if (isScalarType(type) || isEnumType(type)) return selectionSet ? undefined : { kind: 'leaf', type };
  if (!isObjectType(type) || !selectionSet || type.isTypeOf) return undefined;
  const fields: FieldPlan[] = [];
  const names = new Set<string>();
  for (const s of selectionSet.selections) {
    if (s.kind !== Kind.FIELD) return undefined;
    const f = fieldPlan(api, type, s);
    if (!f || names.has(f.responseName)) return undefined;
    names.add(f.responseName);
    fields.push(f);
  }
  return { kind: 'object', type, fields };
}

/** One execution: the request's context, coerced variables, the response path walked so far and the errors. */
interface Run {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  ctx: ExecContext;
  authType: AuthType;
  variables: Record<string, unknown>;
  /** Response path keys (response names and list indexes) and, beside each, the parent type name (lists: undefined). */
  keys: (string | number)[];
  typenames: (string | undefined)[];
  errors: GraphQLError[];
}

const NO_FRAGMENTS = Object.freeze(Object.create(null)) as GraphQLResolveInfo['fragments'];

/** `execute` for a flat plan (same result). */
export function runFlat(plan: FlatPlan, api: DataApi, ctx: ExecContext, rawVariables: Record<string, unknown> | undefined): ExecutionResult | Promise<ExecutionResult> {
  let variables = coerceVariables(plan.variables, rawVariables ?? {});
  if (!variables) {
    // A value was refused: graphql-js coerces again, for its exact errors (nothing has run yet).
    const coerced = getVariableValues(api.schema, plan.operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    variables = coerced.coerced;
  }
  const run: Run = { schema: api.schema, operation: plan.operation, ctx, authType: ctx.caller.authType, variables, keys: [], typenames: [], errors: [] };
  return runRoots(run, plan.roots, 0, {});
}

/**
 * graphql-js `executeFieldsSerially` over root fields [from, end): each resolved and completed before the next
 * starts (a root resolver that answers a promise is awaited first); a non-null root field's error ends the
 * operation with `data: null`.
 */
function runRoots(run: Run, roots: FieldPlan[], from: number, data: Record<string, unknown>): ExecutionResult | Promise<ExecutionResult> {
  for (let i = from; i < roots.length; i++) {
    const root = roots[i]!;
    run.keys.push(root.responseName);
    run.typenames.push(root.parentType.name);
    let result: unknown;
    try {
      const args = argumentsOf(run, root);
      result = root.def!.resolve!(undefined, args, run.ctx, resolveInfo(run, root));
    } catch (raw) {
      if (rootFailed(run, root, raw, data)) return response(null, run.errors);
      continue;
    }
    if (result instanceof Promise) {
      return result.then(
        (resolved) => (finishRoot(run, root, resolved, data) ? response(null, run.errors) : runRoots(run, roots, i + 1, data)),
        (raw) => (rootFailed(run, root, raw, data) ? response(null, run.errors) : runRoots(run, roots, i + 1, data)),
      );
    }
    if (finishRoot(run, root, result, data)) return response(null, run.errors);
  }
  return response(data, run.errors);
}

/**
 * graphql-js `coerceVariableValues` with the variable types resolved ahead of time; undefined when any value is
 * refused (the caller then asks graphql-js for the errors).
 */
function coerceVariables(plans: VariablePlan[], inputs: Record<string, unknown>): Record<string, unknown> | undefined {
  const coerced = Object.create(null) as Record<string, unknown>;
  refused = false;
  for (const v of plans) {
    if (!Object.prototype.hasOwnProperty.call(inputs, v.name)) {
      if (v.defaultValue) coerced[v.name] = valueFromAST(v.defaultValue, v.type);
      else if (v.nonNull) return undefined;
      continue;
    }
    const value = inputs[v.name];
    if (value === null && v.nonNull) return undefined;
    if (v.scalar) {
      // coerceInputValue's leaf branch.
      if (value == null) {
        if (v.nonNull) return undefined;
        coerced[v.name] = null;
        continue;
      }
      let parsed: unknown;
      try {
        parsed = v.scalar.parseValue(value);
      } catch {
        return undefined;
      }
      if (parsed === undefined) return undefined;
      coerced[v.name] = parsed;
      continue;
    }
    coerced[v.name] = coerceInputValue(value, v.type, onRefused);
    if (refused) return undefined;
  }
  return { ...coerced };
}

let refused = false;
const onRefused = () => void (refused = true);

/** Completes a root field's value into `data`; true when the operation ends there (a non-null root field failed). */
function finishRoot(run: Run, root: FieldPlan, result: unknown, data: Record<string, unknown>): boolean {
  try {
    data[root.responseName] = complete(run, root, root.type, result);
  } catch (raw) {
    return rootFailed(run, root, raw, data);
  }
  run.keys.pop();
  run.typenames.pop();
  return false;
}

/**
 * A root field error: located at the root field; a nullable root field becomes null (true: it was non-null,
 * `data` itself becomes null and no further root field runs).
 */
function rootFailed(run: Run, root: FieldPlan, raw: unknown, data: Record<string, unknown>): boolean {
  run.errors.push(locatedError(raw, root.nodes, [root.responseName]));
  run.keys.pop();
  run.typenames.pop();
  if (root.nonNull) return true;
  data[root.responseName] = null;
  return false;
}

const response = (data: Record<string, unknown> | null, errors: GraphQLError[]): ExecutionResult => (errors.length === 0 ? { data } : { errors, data });

function completeObject(run: Run, fields: FieldPlan[], source: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f.responseName] = executeField(run, f, source);
  return out;
}

/** graphql-js `executeField` + `handleFieldError`: errors of a nullable field are collected and it becomes null. */
function executeField(run: Run, f: FieldPlan, source: unknown): unknown {
  const depth = run.keys.length;
  run.keys.push(f.responseName);
  run.typenames.push(f.parentType.name);
  try {
    if (f.typename) return f.parentType.name;
    let value: unknown;
    const plain = f.plain;
    if (plain !== undefined) {
      if (typeof plain === 'string' ? run.authType !== plain : !plain.has(run.authType)) throw unauthorized(f.fieldName, f.parentType.name);
      value = (typeof source === 'object' && source !== null) || typeof source === 'function' ? (source as Record<string, unknown>)[f.fieldName] : undefined;
      if (typeof value === 'function') value = (source as Record<string, (...a: unknown[]) => unknown>)[f.fieldName]!(argumentsOf(run, f), run.ctx, resolveInfo(run, f));
    } else {
      value = f.def!.resolve!(source, argumentsOf(run, f), run.ctx, resolveInfo(run, f));
      if (value instanceof Promise) throw new Error(`Sandlot's resolver for ${f.parentType.name}.${f.fieldName} must be synchronous.`);
    }
    return complete(run, f, f.type, value);
  } catch (raw) {
    const error = locatedError(raw, f.nodes, run.keys.slice(0, depth + 1));
    if (f.nonNull) throw error;
    run.errors.push(error);
    return null;
  } finally {
    // Deeper levels have popped their own keys on the way out, errors included.
    run.keys.pop();
    run.typenames.pop();
  }
}

/** graphql-js `completeValue` (objects, lists, leaves; abstract types are never planned). */
function complete(run: Run, f: FieldPlan, type: TypePlan, result: unknown): unknown {
  if (result instanceof Error) throw result;
  if (type.kind === 'nonNull') {
    const completed = complete(run, f, type.of, result);
    if (completed === null) throw new Error(`Cannot return null for non-nullable field ${f.parentType.name}.${f.fieldName}.`);
    return completed;
  }
  if (result == null) return null;
  switch (type.kind) {
    case 'leaf': {
      const serialized = type.type.serialize(result);
      if (serialized == null) throw new Error(`Expected \`${inspect(type.type)}.serialize(${inspect(result)})\` to return non-nullable value, returned: ${inspect(serialized)}`);
      return serialized;
    }
    case 'object':
      return completeObject(run, type.fields, result);
    case 'list':
      return completeList(run, f, type.of, result);
  }
}

function completeList(run: Run, f: FieldPlan, itemType: TypePlan, result: unknown): unknown[] {
  if (typeof result !== 'object' || typeof (result as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new GraphQLError(`Expected Iterable, but did not find one for field "${f.parentType.name}.${f.fieldName}".`);
  }
  const depth = run.keys.length;
  return Array.from(result as Iterable<unknown>, (item, index) => {
    run.keys.push(index);
    run.typenames.push(undefined);
    try {
      if (item instanceof Promise) throw new Error(`Sandlot's resolver for ${f.parentType.name}.${f.fieldName} must answer values, not promises.`);
      return complete(run, f, itemType, item);
    } catch (raw) {
      const error = locatedError(raw, f.nodes, run.keys.slice(0, depth + 1));
      if (itemType.kind === 'nonNull') throw error;
      run.errors.push(error);
      return null;
    } finally {
      run.keys.pop();
      run.typenames.pop();
    }
  });
}

/** `getArgumentValues` (a field without arguments gets graphql-js's empty map without the call). */
function argumentsOf(run: Run, f: FieldPlan): Record<string, unknown> {
  return f.noArgs ? (Object.create(null) as Record<string, unknown>) : getArgumentValues(f.def!, f.nodes[0]!, run.variables);
}

/** The resolve info graphql-js would pass (built only for resolvers that get one). */
function resolveInfo(run: Run, f: FieldPlan): GraphQLResolveInfo {
  let path: Path | undefined;
  for (let i = 0; i < run.keys.length; i++) path = { prev: path, key: run.keys[i]!, typename: run.typenames[i] };
  return {
    fieldName: f.fieldName,
    fieldNodes: f.nodes,
    returnType: f.def!.type,
    parentType: f.parentType,
    path: path!,
    schema: run.schema,
    fragments: NO_FRAGMENTS,
    rootValue: undefined,
    operation: run.operation,
    variableValues: run.variables,
  };
}
