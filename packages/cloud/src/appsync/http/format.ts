import type { GraphQLError } from 'graphql';
import { AppSyncError } from '../errors.js';

/**
 * GraphQL errors in AppSync's wire shape. Resolver errors carry `path`, `data`, `errorType`, `errorInfo`,
 * `locations` (with `sourceName: null`) and `message`; validation and variable errors use the
 * graphql-java wording AppSync answers with (`Validation error of type FieldUndefined: …`,
 * `Variable 'input' has coerced Null value for NonNull type 'String!'`).
 */
export interface AppSyncErrorShape {
  path: readonly (string | number)[] | null;
  data?: null;
  errorType?: string;
  errorInfo?: unknown;
  locations: { line: number; column: number; sourceName: null }[] | null;
  message: string;
}

const locations = (e: GraphQLError) => (e.locations ? e.locations.map((l) => ({ line: l.line, column: l.column, sourceName: null as null })) : null);

export function executionError(e: GraphQLError): AppSyncErrorShape {
  const orig = e.originalError;
  if (orig instanceof AppSyncError) {
    return { path: e.path ?? null, data: null, errorType: orig.errorType, errorInfo: orig.errorInfo, locations: locations(e), message: orig.message };
  }
  if (!e.path) return variableError(e);
  return { path: e.path, locations: locations(e), message: e.message };
}

const VALIDATION: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, (m) => `Validation error of type FieldUndefined: Field '${m[1]}' in type '${m[2]}' is undefined @ '${m[1]}'`],
  [/^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./, (m) => `Validation error of type UnknownArgument: Unknown field argument ${m[1]} @ '${m[3]}'`],
  [/^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\./, (m) => `Validation error of type MissingFieldArgument: Missing field argument ${m[2]} @ '${m[1]}'`],
  [/^Unknown type "(\w+)"\./, (m) => `Validation error of type UnknownType: Unknown type ${m[1]}`],
  [/^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./, (m) => `Validation error of type SubSelectionRequired: Sub selection required for type ${m[2]!.replace(/[[\]!]/g, '')} of field ${m[1]} @ '${m[1]}'`],
  [/^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./, (m) => `Validation error of type SubSelectionNotAllowed: Sub selection not allowed on leaf type ${m[2]} of field ${m[1]} @ '${m[1]}'`],
  [/^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./, (m) => `Validation error of type VariableTypeMismatch: Variable type '${m[2]}' doesn't match expected type '${m[3]}' @ '${m[1]}'`],
  [/^Variable "\$(\w+)" is not defined/, (m) => `Validation error of type UndefinedVariable: Undefined variable ${m[1]}`],
  [/^Variable "\$(\w+)" is never used/, (m) => `Validation error of type UnusedVariable: Unused variable ${m[1]}`],
];

export function validationError(e: GraphQLError): AppSyncErrorShape {
  for (const [re, fmt] of VALIDATION) {
    const m = re.exec(e.message);
    if (m) return { path: null, locations: locations(e), message: fmt(m) };
  }
  return { path: null, locations: locations(e), message: `Validation error of type ${e.extensions?.code ?? 'InvalidSyntax'}: ${e.message}` };
}

export function syntaxError(e: GraphQLError): AppSyncErrorShape {
  const loc = e.locations?.[0];
  return { path: null, locations: locations(e), message: `Invalid Syntax : ${e.message.replace(/^Syntax Error: /, '')}${loc ? ` at line ${loc.line} column ${loc.column}` : ''}` };
}

/** Variable coercion failures (graphql-js wording → AppSync's). */
function variableError(e: GraphQLError): AppSyncErrorShape {
  const msg = e.message;
  let m = /^Variable "\$(\w+)" got invalid value .*?; Field "(\w+)" is not defined by type "(\w+)"\./.exec(msg);
  if (m) return { path: null, locations: null, message: `The variables input contains a field that is not defined for input object type '${m[3]}' ` };
  m = /^Variable "\$(\w+)" got invalid value .*?; Field "(\w+)" of required type "([^"]+)" was not provided\./.exec(msg);
  if (m) return { path: null, locations: null, message: `Variable '${m[1]}' has coerced Null value for NonNull type '${m[3]}'` };
  m = /^Variable "\$(\w+)" of non-null type "([^"]+)" must not be null\./.exec(msg) ?? /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\./.exec(msg);
  if (m) return { path: null, locations: null, message: `Variable '${m[1]}' has coerced Null value for NonNull type '${m[2]}'` };
  m = /^Variable "\$(\w+)" got invalid value (.*)$/s.exec(msg);
  if (m) return { path: null, locations: null, message: `Variable '${m[1]}' has an invalid value: ${m[2]}` };
  return { path: null, locations: locations(e), message: msg };
}
