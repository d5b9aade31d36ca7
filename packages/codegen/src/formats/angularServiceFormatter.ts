/**
 * The angular type target's `API.service.ts` as prettier 1.19 formats it, with most of its type declarations
 * formatted directly instead of by one prettier pass over the whole file (prettier's typescript parser and
 * printer take seconds over the ~800 KB file of a 50-model schema, most of them on the type declarations).
 *
 * The types generator's angular target (`angular/index.js`) builds the file — a header, then one
 * `export type Name = {…};` (or `export enum`) per type, operation and fragment, then the `@Injectable`
 * `APIService` class — and runs `prettier.format(text, { parser: 'typescript' })` over all of it. Prettier
 * prints a program's top-level statements one after the other, each on its own (nothing of one statement's
 * layout depends on another), with one blank line between two statements that have a blank line between them
 * in the input. So the file is cut before each top-level `export ` that follows a blank line after a line `}`
 * or `};`, and:
 *
 * - a piece that is one type alias of an object type or one string enum, in the generator's shape (members one
 *   per line, names and string literals plain identifiers, types made of names, string literals, `|`,
 *   `Name< … >` and nested object types `{…} | null` / `Array< {…} | null >`), no output line past 80 columns,
 *   is printed as prettier prints it: indentation two spaces per level, `;` after each member of an object
 *   type, spaces inside `< >` dropped, `: ` after a name, no comma after an enum's last member;
 * - the service class, when it is a piece of its own in the generator's shape, is printed member by member
 *   (`formatAngularServiceClass`): the generator's query, mutation and subscription methods with variables
 *   directly (`formatServiceMethod`), any other member through prettier in chunks of members (prettier's time
 *   over the ~400 KB class of a 50-model schema grows faster than its length), the GraphQL statement templates
 *   replaced by placeholders in what prettier gets;
 * - every run of other pieces (the header, any declaration outside that shape, a class outside its shape)
 *   goes through prettier as one text;
 *
 * and the results are joined with a blank line. Preconditions, else the whole file goes through prettier: the
 * file opens with the angular target's header; before the service class there is no comment, template literal,
 * backslash or carriage return (so every line there starts outside a string or comment, and each cut is
 * between top-level statements); the file holds neither `</` nor `/>` (prettier guesses JSX from those, per
 * text); and every prettier call on a piece succeeds. `angularServiceFormatter.test.ts` compares with prettier
 * over the whole file (and over the whole class) on the docs-app, rich and generated schemas, and checks the
 * fallbacks.
 */

const HEADER = "/* tslint:disable */\n/* eslint-disable */\n//  This file was automatically generated and should not be edited.\nimport { Injectable } from '@angular/core';\n";
const SERVICE = '\n@Injectable({\n';
const PRINT_WIDTH = 80;

/** Whether `text` is the angular target's file (what `formatAngularServiceFile` takes apart; any other text is formatted whole). */
export const isAngularServiceFile = (text: string): boolean => text.startsWith(HEADER) && text.includes(SERVICE);

/**
 * The file cut before each top-level declaration that follows a blank line (the text between two cuts is a
 * piece); undefined when the preconditions above do not hold.
 */
export const angularServicePieces = (text: string): string[] | undefined => {
  if (!isAngularServiceFile(text)) return undefined;
  const serviceAt = text.indexOf(SERVICE) + 1;
  const types = text.slice(HEADER.length, serviceAt);
  if (/[`\\\r]|\/\*|\/\//.test(types) || text.includes('</') || text.includes('/>')) return undefined;
  const cuts: number[] = [];
  const cut = /\n(?:[ \t]*\n)+(?=export )/g;
  for (let match = cut.exec(types); match; match = cut.exec(types)) {
    const lineStart = types.lastIndexOf('\n', match.index - 1) + 1;
    const line = types.slice(lineStart, match.index);
    if (line === '}' || line === '};') cuts.push(HEADER.length + match.index + match[0].length);
  }
  // The service class opens a piece of its own when a blank line follows a `}`/`};` before it.
  const beforeService = /\n(?:[ \t]*\n)+$/.exec(types);
  if (beforeService) {
    const end = types.length - beforeService[0].length;
    const line = types.slice(types.lastIndexOf('\n', end - 1) + 1, end);
    if (line === '}' || line === '};') cuts.push(serviceAt);
  }
  const pieces: string[] = [];
  let from = 0;
  for (const at of cuts) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces;
};

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const NAME_ONLY = new RegExp(`^${NAME}$`);
const STRING = /^"[A-Za-z0-9_]*"$/;

/**
 * A type made of names, plain string literals, `|` and `Name< … >` (one type argument), printed as prettier
 * prints it on one line: `A | B`, `Name<A | B>`. Undefined for anything else. A function of its text, kept per
 * text (a file repeats a few hundred types over tens of thousands of members).
 */
const simpleType = (source: string): string | undefined => {
  if (simpleTypes.has(source)) return simpleTypes.get(source);
  const tokens = source.match(/[A-Za-z0-9_]+|"[^"]*"|\S/g) ?? [];
  const state = { tokens, at: 0 };
  const union = typeUnion(state);
  const printed = union !== undefined && state.at === tokens.length ? union : undefined;
  if (simpleTypes.size >= MAX_SIMPLE_TYPES) simpleTypes.clear();
  simpleTypes.set(source, printed);
  return printed;
};
const simpleTypes = new Map<string, string | undefined>();
const MAX_SIMPLE_TYPES = 10_000;

// simpleType's parser: module functions over a token cursor (no closures made per call).
type TypeTokens = { tokens: readonly string[]; at: number };
function typeUnion(state: TypeTokens): string | undefined {
  const parts: string[] = [];
  for (;;) {
    const part = typeAtom(state);
    if (part === undefined) return undefined;
    parts.push(part);
    if (state.tokens[state.at] !== '|') return parts.join(' | ');
    state.at++;
  }
}
function typeAtom(state: TypeTokens): string | undefined {
  const token = state.tokens[state.at++];
  if (token === undefined) return undefined;
  if (STRING.test(token)) return token;
  if (!NAME_ONLY.test(token)) return undefined;
  if (state.tokens[state.at] !== '<') return token;
  state.at++;
  const argument = typeUnion(state);
  if (argument === undefined || state.tokens[state.at++] !== '>') return undefined;
  return `${token}<${argument}>`;
}

const MEMBER = new RegExp(`^( *)(${NAME})(\\??): +(.*),$`);
const OPEN = new RegExp(`^( *)(${NAME})(\\??): +(?:(${NAME})< )?\\{$`);
const CLOSE = /^( *)\}( \| null)?( >( \| null)?)?,$/;
const ENUM_MEMBER = new RegExp(`^  (${NAME}) = ("[A-Za-z0-9_]*"),$`);
const TYPE_HEAD = new RegExp(`^export type ${NAME} = \\{$`);
const ENUM_HEAD = new RegExp(`^export enum ${NAME} \\{$`);

/** An `export type Name = {…};` piece as prettier prints it; undefined outside the shape. */
const typeAlias = (lines: readonly string[]): string[] | undefined => {
  const head = TYPE_HEAD.exec(lines[0]!);
  if (!head || lines[lines.length - 1] !== '};') return undefined;
  const out = [lines[0]!];
  // Open nested object types: whether each is an `Array< {` argument, and how many members it has.
  const open: { array: boolean; members: number }[] = [{ array: false, members: 0 }];
  for (const line of lines.slice(1, -1)) {
    const indent = '  '.repeat(open.length);
    const close = CLOSE.exec(line);
    if (close) {
      const nested = open.pop()!;
      // `} | null` (hugged union), `}` alone; inside `Array< … >` also the closing `>`, then `| null`.
      if (open.length === 0 || close[1] !== '  '.repeat(open.length) || nested.members === 0 || nested.array !== (close[3] !== undefined)) return undefined;
      out.push(`${close[1]}}${close[2] ?? ''}${nested.array ? `>${close[4] ?? ''}` : ''};`);
      continue;
    }
    const opening = OPEN.exec(line);
    if (opening) {
      if (opening[1] !== indent) return undefined;
      open[open.length - 1]!.members++;
      const [, , name, optional, generic] = opening;
      out.push(`${indent}${name}${optional}: ${generic === undefined ? '{' : `${generic}<{`}`);
      open.push({ array: generic !== undefined, members: 0 });
      continue;
    }
    const member = MEMBER.exec(line);
    if (!member || member[1] !== indent) return undefined;
    open[open.length - 1]!.members++;
    const [, , name, optional, type] = member;
    const printed = simpleType(type!);
    if (printed === undefined) return undefined;
    out.push(`${indent}${name}${optional}: ${printed};`);
  }
  if (open.length !== 1 || open[0]!.members === 0) return undefined;
  out.push('};');
  return out;
};

/** An `export enum Name {…}` piece of string members as prettier prints it; undefined outside the shape. */
const stringEnum = (lines: readonly string[]): string[] | undefined => {
  if (!ENUM_HEAD.test(lines[0]!) || lines[lines.length - 1] !== '}' || lines.length < 3) return undefined;
  const members = lines.slice(1, -1).map((line) => ENUM_MEMBER.exec(line));
  if (members.some((member) => member === null)) return undefined;
  return [lines[0]!, ...members.map((member, at) => `  ${member![1]} = ${member![2]}${at < members.length - 1 ? ',' : ''}`), '}'];
};

/** A piece printed directly (ending in a newline), or undefined when it needs prettier. */
export const formatDeclaration = (piece: string): string | undefined => {
  const lines = piece.replace(/\n(?:[ \t]*\n)*$/, '').split('\n');
  const out = lines[0]!.startsWith('export enum ') ? stringEnum(lines) : typeAlias(lines);
  if (out === undefined || out.some((line) => line.length > PRINT_WIDTH)) return undefined;
  return `${out.join('\n')}\n`;
};

/** The imports after the header, as the generator writes them (not for Angular v6) and as prettier prints the header with them. */
const IMPORTS_IN = `${HEADER}import API, { graphqlOperation, GraphQLResult } from '@aws-amplify/api-graphql';\nimport { Observable } from 'zen-observable-ts';\n`;
const IMPORTS_OUT =
  '/* tslint:disable */\n/* eslint-disable */\n//  This file was automatically generated and should not be edited.\nimport { Injectable } from "@angular/core";\nimport API, { graphqlOperation, GraphQLResult } from "@aws-amplify/api-graphql";\nimport { Observable } from "zen-observable-ts";\n';
/** The subscription response wrapper the generator writes when the schema has subscriptions, and its print. */
const RESPONSE_IN = '  export interface SubscriptionResponse<T> {\n    value: GraphQLResult<T>;\n  }\n';
const RESPONSE_OUT = 'export interface SubscriptionResponse<T> {\n  value: GraphQLResult<T>;\n}\n';

/**
 * The file's first piece — the header, the generator's imports, a blank line, the `SubscriptionResponse` wrapper
 * and a blank line when present, then one declaration `formatDeclaration` prints — as prettier prints it (the
 * header and wrapper are fixed texts; prettier keeps one blank line where the input has one or more);
 * undefined for any other first piece.
 */
export const formatHeaderPiece = (piece: string): string | undefined => {
  if (!piece.startsWith(IMPORTS_IN)) return undefined;
  let rest = piece.slice(IMPORTS_IN.length);
  const blank = /^(?:[ \t]*\n)+/;
  const afterImports = blank.exec(rest);
  if (!afterImports) return undefined;
  rest = rest.slice(afterImports[0].length);
  let out = `${IMPORTS_OUT}\n`;
  if (rest.startsWith(RESPONSE_IN)) {
    const afterResponse = blank.exec(rest.slice(RESPONSE_IN.length));
    if (!afterResponse) return undefined;
    rest = rest.slice(RESPONSE_IN.length + afterResponse[0].length);
    out += `${RESPONSE_OUT}\n`;
  }
  if (!rest.startsWith('export ')) return undefined;
  const declaration = formatDeclaration(rest);
  return declaration === undefined ? undefined : `${out}${declaration}`;
};

const CLASS_OPEN = 'export class APIService {\n';
const MEMBER_START = /^(?:async )?[A-Za-z_$][A-Za-z0-9_$]*\(/;
/** Members per prettier call, by size (prettier's time over a class grows faster than its length). */
const CHUNK_CHARS = 24 * 1024;

/**
 * The service class piece (`@Injectable(…)`, `export class APIService {`, its methods, `}`) cut into its head,
 * its members (each from the start of its line to the next member's) and whether a blank line follows each
 * member; undefined unless the piece is in that shape: every member a method starting a line at column 0
 * (`name(` or `async name(`) outside any string, template literal or brace, and no backslash, `${`, comment,
 * regular expression or carriage return in the class (so a simple scan knows where each string and template
 * literal ends).
 */
export const angularServiceMembers = (piece: string): { head: string; members: string[]; blankAfter: boolean[] } | undefined => {
  const open = piece.indexOf(CLASS_OPEN);
  if (!piece.startsWith('@Injectable({\n') || open === -1) return undefined;
  const head = piece.slice(0, open + CLASS_OPEN.length);
  if (/[`\\\r{}]|\/\*|\/\//.test(head.slice(0, open).replace(/^@Injectable\(\{|\}\)\n$/g, ''))) return undefined;
  const close = piece.trimEnd();
  if (!close.endsWith('}')) return undefined;
  const body = close.slice(head.length, -1);
  if (/[\\\r]|\$\{/.test(body)) return undefined;
  const cuts: number[] = [];
  let depth = 0;
  let quote: string | undefined; // the open string's or template literal's delimiter
  for (let at = 0; at < body.length; at++) {
    const char = body[at]!;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === '\n' && quote !== '`') return undefined;
      continue;
    }
    if ((at === 0 || body[at - 1] === '\n') && depth === 0 && MEMBER_START.test(body.slice(at, at + 200))) cuts.push(at);
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return undefined;
    else if (char === '/') return undefined;
  }
  if (quote !== undefined || depth !== 0 || cuts.length === 0 || body.slice(0, cuts[0]).trim() !== '') return undefined;
  const members = cuts.map((cut, at) => body.slice(cut, cuts[at + 1] ?? body.length));
  // prettier's isNextLineEmpty after the member: spaces, a line end, spaces, a line end.
  const blankAfter = members.map((member) => /^[ \t]*\n[ \t]*\n/.test(member.slice(member.trimEnd().length)));
  return { head, members, blankAfter };
};

const STATEMENT_DECLARATION = 'const statement = ';
const PLACEHOLDER = '__sandlotStatement';

/**
 * A member with the template literal of each `const statement = \`…\`` (the operation's GraphQL text, most of
 * the member) replaced by a one-line placeholder, and the templates replaced, in order. Prettier prints a
 * template literal's text as it is (no tag or comment here asks it to format the GraphQL inside), and as the
 * whole right side of a declaration it is printed after `= ` with no line break or width decision around it;
 * its line breaks only break the groups around it, which the method body's own line breaks already break. So
 * the member prints the same with the placeholder, and the template goes back in its place. Only used on a
 * member in `angularServiceMembers`' shape (no backslash or `${`: each template ends at the next backtick).
 */
const withoutStatements = (member: string, next: () => string): { text: string; templates: [string, string][] } => {
  const templates: [string, string][] = [];
  let text = '';
  let from = 0;
  let quote: string | undefined;
  for (let at = 0; at < member.length; at++) {
    const char = member[at]!;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '`') {
      const end = member.indexOf('`', at + 1);
      if (end === -1) break;
      if (member.slice(at - STATEMENT_DECLARATION.length, at) === STATEMENT_DECLARATION && /[\s;{}]/.test(member[at - STATEMENT_DECLARATION.length - 1] ?? '\n')) {
        const placeholder = `\`${next()}\``;
        templates.push([placeholder, member.slice(at, end + 1)]);
        text += member.slice(from, at) + placeholder;
        from = end + 1;
      }
      at = end;
    }
  }
  return { text: text + member.slice(from), templates };
};

/** `formatted` with each placeholder (found exactly once) replaced by its template; throws otherwise. */
const withStatements = (formatted: string, templates: readonly [string, string][]): string => {
  const parts: string[] = [];
  let from = 0;
  for (const [placeholder, template] of templates) {
    const at = formatted.indexOf(placeholder, from);
    if (at === -1) throw new Error('unexpected statement print');
    parts.push(formatted.slice(from, at), template);
    from = at + placeholder.length;
  }
  parts.push(formatted.slice(from));
  const out = parts.join('');
  if (templates.length > 0 && formatted.indexOf(PLACEHOLDER, from) !== -1) throw new Error('unexpected statement print');
  return out;
};

/** The service class head as the generator writes it, and as prettier prints it. */
const HEAD_IN = "@Injectable({\n    providedIn: 'root'\n  })\nexport class APIService {\n";
const HEAD_OUT = '@Injectable({\n  providedIn: "root"\n})\nexport class APIService {\n';
const ARGUMENTS = 'gqlAPIServiceArguments';
const CALL = `graphqlOperation(statement, ${ARGUMENTS})`;
const CONTAINER = '__SubscriptionContainer';
/** The subscription fields' name lengths the tests hold the direct print to (the generated, rich and docs-app schemas). */
const SUBSCRIPTION_FIELD_LENGTHS = [11, 18];
const SIGNATURE = new RegExp(
  `^(async )?(${NAME})\\(((?:${NAME}\\??:[^,()\`{}]*, )*)\\) : (?:Promise<([^\`{}]*)>|Observable<SubscriptionResponse<Pick<${CONTAINER}, "(${NAME})">>>) \\{const statement = \``,
);
const PARAMETER = new RegExp(`^(${NAME})(\\??):(.*)$`);
/** A required variable's line in the arguments object, an optional variable's `if`, a query's return line. */
const ARGUMENT_LINE = new RegExp(`^      (${NAME}),$`);
const OPTIONAL_IF = new RegExp(`^    if \\((${NAME})\\) \\{$`);
const QUERY_RETURN = new RegExp(`^    return \\(<(.*)>response\\.data\\.(${NAME})\\)$`);

/**
 * A method of the service class printed as prettier prints it, when it is one of the generator's two methods
 * with variables — `async Name(…): Promise<Result> {…}` (a query or mutation) or `NameListener(…):
 * Observable<SubscriptionResponse<Pick<__SubscriptionContainer, "field">>> {…}` (a subscription) — in the
 * generator's exact text (`angular/index.js`: `generateQueryOrMutationOperation`, `generateSubscriptionOperation`,
 * `variableAssignmentToInput`); undefined for anything else (prettier prints it). The statement's template
 * literal is printed as it is; the other lines are fixed but for names and types: the signature on one line
 * when it fits in 80 columns, else one parameter per line and the result type after `): ` (a subscription's
 * `Observable<` broken around its argument); the arguments object (its members on their own lines, as in the
 * input, or `{}`); one `if` per optional variable; the call and return lines. Members outside what the tests
 * compare with prettier (a line past 80 columns other than the template's, a query's result type that prettier
 * could break, a subscription field name of another length) are undefined.
 */
export const formatServiceMethod = (member: string): string | undefined => {
  const text = member.trimEnd();
  const signature = SIGNATURE.exec(text);
  if (!signature) return undefined;
  const [opening, async, name, parameterText, result, field] = signature;
  const query = result !== undefined;
  if (query !== (async !== undefined)) return undefined;
  const templateEnd = text.indexOf('`', opening.length);
  if (templateEnd === -1) return undefined;
  const template = text.slice(opening.length - 1, templateEnd + 1);
  const parameters: string[] = [];
  for (const parameter of parameterText!.split(', ').slice(0, -1)) {
    const [, parameterName, optional, type] = PARAMETER.exec(parameter) ?? [];
    const printed = type === undefined ? undefined : simpleType(type);
    if (printed === undefined) return undefined;
    parameters.push(`${parameterName}${optional}: ${printed}`);
  }
  if (parameters.length === 0) return undefined;
  const lines = text.slice(templateEnd + 1).split('\n');
  if (lines.shift() !== '' || lines.shift() !== `    const ${ARGUMENTS} : any = {`) return undefined;
  const required: string[] = [];
  for (let line = lines.shift(); line !== '    }'; line = lines.shift()) {
    const member = line === undefined ? null : ARGUMENT_LINE.exec(line);
    if (!member) return undefined;
    required.push(member[1]!);
  }
  const optional: string[] = [];
  while (lines[0]?.startsWith('    if (')) {
    const variable = OPTIONAL_IF.exec(lines.shift()!)?.[1];
    if (variable === undefined || lines.shift() !== `      ${ARGUMENTS}.${variable} = ${variable}` || lines.shift() !== '    }') return undefined;
    optional.push(variable);
  }
  const out: string[] = [];
  let resultType: string;
  if (query) {
    const printed = simpleType(result!);
    const returned = QUERY_RETURN.exec(lines[1] ?? '');
    if (printed === undefined || lines.length !== 3 || lines[0] !== `    const response = await API.graphql(${CALL}) as any;` || !returned || returned[1] !== result || lines[2] !== '  }') return undefined;
    resultType = `Promise<${printed}>`;
    const flat = `  async ${name}(${parameters.join(', ')}): ${resultType} {`;
    if (flat.length <= PRINT_WIDTH) out.push(flat);
    else if (NAME_ONLY.test(printed)) out.push(`  async ${name}(`, ...parameters.map((parameter, at) => `    ${parameter}${at < parameters.length - 1 ? ',' : ''}`), `  ): ${resultType} {`);
    else return undefined;
    out.push(`    const statement = ${template};`);
    pushArguments(out, required, optional);
    out.push('    const response = (await API.graphql(', `      ${CALL}`, '    )) as any;', `    return <${printed}>response.data.${returned[2]};`, '  }');
  } else {
    const inner = `SubscriptionResponse<Pick<${CONTAINER}, "${field}">>`;
    if (field!.length < SUBSCRIPTION_FIELD_LENGTHS[0]! || field!.length > SUBSCRIPTION_FIELD_LENGTHS[1]!) return undefined;
    if (lines.length !== 2 || lines[0] !== `    return API.graphql(${CALL}) as Observable<${inner}>;` || lines[1] !== '    }') return undefined;
    out.push(`  ${name}(`, ...parameters.map((parameter, at) => `    ${parameter}${at < parameters.length - 1 ? ',' : ''}`), '  ): Observable<', `    ${inner}`, '  > {');
    out.push(`    const statement = ${template};`);
    pushArguments(out, required, optional);
    out.push('    return API.graphql(', `      ${CALL}`, '    ) as Observable<', `      ${inner}`, '    >;', '  }');
  }
  // Every line but the statement's (its template is printed as it is) within the print width.
  const statementAt = out.findIndex((line) => line.startsWith('    const statement = `'));
  if (out.some((line, at) => at !== statementAt && (line.length > PRINT_WIDTH || /[`\n]/.test(line)))) return undefined;
  return `${out.join('\n')}\n`;
};

/** The arguments object and the `if` per optional variable, as prettier prints them. */
const pushArguments = (out: string[], required: readonly string[], optional: readonly string[]) => {
  if (required.length === 0) out.push(`    const ${ARGUMENTS}: any = {};`);
  else out.push(`    const ${ARGUMENTS}: any = {`, ...required.map((variable, at) => `      ${variable}${at < required.length - 1 ? ',' : ''}`), '    };');
  for (const variable of optional) out.push(`    if (${variable}) {`, `      ${ARGUMENTS}.${variable} = ${variable};`, '    }');
};

/**
 * `format(piece)` for the service class piece: each member printed directly when `formatServiceMethod` can
 * (the class head too, when it is the generator's), the others through prettier in chunks: each chunk is the
 * class head, some members and `}`, and prettier prints class members one after the other, each on its own,
 * with one blank line between two members that have a blank line between them in the input. The chunks'
 * results (each must open with the same head and end with `}`) and the direct members are joined, a blank line
 * added after a member (but the last) that has one after it in the input. Each statement template goes to
 * prettier as a placeholder (`withoutStatements`), unless the class already holds the placeholder's name.
 * Undefined when the piece is not in the shape `angularServiceMembers` reads.
 */
export const formatAngularServiceClass = (piece: string, format: (text: string) => string, chunkChars = CHUNK_CHARS): string | undefined => {
  const shape = angularServiceMembers(piece);
  if (shape === undefined) return undefined;
  const { head, members, blankAfter } = shape;
  const direct = head === HEAD_IN ? members.map(formatServiceMethod) : members.map(() => undefined);
  const placeholders = !piece.includes(PLACEHOLDER);
  let count = 0;
  const next = () => `${PLACEHOLDER}${count++}`;
  type Part = { direct: string } | { text: string; templates: [string, string][] };
  const parts: { part: Part; last: number }[] = [];
  let text = '';
  let templates: [string, string][] = [];
  members.forEach((member, at) => {
    const printed = direct[at];
    if (printed !== undefined) {
      parts.push({ part: { direct: printed }, last: at });
      return;
    }
    const replaced = placeholders ? withoutStatements(member, next) : { text: member, templates: [] };
    text += replaced.text;
    templates.push(...replaced.templates);
    if (text.length >= chunkChars || at === members.length - 1 || direct[at + 1] !== undefined) {
      parts.push({ part: { text, templates }, last: at });
      text = '';
      templates = [];
    }
  });
  if (parts.length === 1 && 'text' in parts[0]!.part) {
    // The piece as it is, its members' text replaced (the members end where the class's closing `}` starts).
    const membersLength = members.reduce((length, member) => length + member.length, 0);
    const membersAt = piece.trimEnd().length - 1 - membersLength;
    return withStatements(format(`${piece.slice(0, membersAt)}${parts[0]!.part.text}${piece.slice(membersAt + membersLength)}`), parts[0]!.part.templates);
  }
  let headOut: string | undefined = head === HEAD_IN ? HEAD_OUT : undefined;
  const out: string[] = [];
  for (const { part, last } of parts) {
    if ('direct' in part) out.push(part.direct);
    else {
      const formatted = withStatements(format(`${head}${part.text}}\n`), part.templates);
      const bodyAt = formatted.indexOf(`\n${CLASS_OPEN}`);
      if (bodyAt === -1 || !formatted.endsWith('\n}\n')) throw new Error('unexpected class print');
      const chunkHead = formatted.slice(0, bodyAt + 1 + CLASS_OPEN.length);
      headOut ??= chunkHead;
      if (chunkHead !== headOut) throw new Error('unexpected class head print');
      out.push(formatted.slice(chunkHead.length, -2));
    }
    if (last < members.length - 1 && blankAfter[last]) out.push('\n');
  }
  return `${headOut}${out.join('')}}\n`;
};

/**
 * `format(text)` (prettier with `{ parser: 'typescript' }`) for the angular target's file, its declarations in
 * the generator's shape printed directly and the service class in chunks of members; any other text, or a file
 * outside the preconditions, whole.
 */
export const formatAngularServiceFile = (text: string, format: (text: string) => string): string => {
  const pieces = angularServicePieces(text);
  if (pieces === undefined) return format(text);
  const out: string[] = [];
  let pending = '';
  try {
    for (const piece of pieces) {
      const service = piece.startsWith('@Injectable(') ? formatAngularServiceClass(piece, format) : undefined;
      if (service !== undefined) {
        if (pending) out.push(format(pending));
        pending = '';
        out.push(service);
        continue;
      }
      const direct = piece.startsWith(HEADER) ? formatHeaderPiece(piece) : formatDeclaration(piece);
      if (direct === undefined) {
        pending += piece;
        continue;
      }
      if (pending) out.push(format(pending));
      pending = '';
      out.push(direct);
    }
    if (pending) out.push(format(pending));
  } catch {
    return format(text); // prettier's own result (or error) for the whole file
  }
  return out.join('\n');
};
