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
 * - the service class, when it is a piece of its own in the generator's shape, goes through prettier in chunks
 *   of its members (`formatAngularServiceClass`: prettier's time over the ~400 KB class of a 50-model schema
 *   grows faster than its length);
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
 * prints it on one line: `A | B`, `Name<A | B>`. Undefined for anything else.
 */
const simpleType = (source: string): string | undefined => {
  const tokens = source.match(/[A-Za-z0-9_]+|"[^"]*"|\S/g) ?? [];
  let at = 0;
  const union = (): string | undefined => {
    const parts: string[] = [];
    for (;;) {
      const part = atom();
      if (part === undefined) return undefined;
      parts.push(part);
      if (tokens[at] !== '|') return parts.join(' | ');
      at++;
    }
  };
  const atom = (): string | undefined => {
    const token = tokens[at++];
    if (token === undefined) return undefined;
    if (STRING.test(token)) return token;
    if (!NAME_ONLY.test(token)) return undefined;
    if (tokens[at] !== '<') return token;
    at++;
    const argument = union();
    if (argument === undefined || tokens[at++] !== '>') return undefined;
    return `${token}<${argument}>`;
  };
  const printed = union();
  return printed !== undefined && at === tokens.length ? printed : undefined;
};

const MEMBER = new RegExp(`^( *)(${NAME})(\\??): +(.*),$`);
const OPEN = new RegExp(`^( *)(${NAME})(\\??): +(?:(${NAME})< )?\\{$`);
const CLOSE = /^( *)\}( \| null)?( >( \| null)?)?,$/;
const ENUM_MEMBER = new RegExp(`^  (${NAME}) = ("[A-Za-z0-9_]*"),$`);

/** An `export type Name = {…};` piece as prettier prints it; undefined outside the shape. */
const typeAlias = (lines: readonly string[]): string[] | undefined => {
  const head = new RegExp(`^export type ${NAME} = \\{$`).exec(lines[0]!);
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
  if (!new RegExp(`^export enum ${NAME} \\{$`).test(lines[0]!) || lines[lines.length - 1] !== '}' || lines.length < 3) return undefined;
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

/**
 * `format(piece)` for the service class piece, its members formatted in chunks: each chunk is the class head,
 * some members and `}`, and prettier prints class members one after the other, each on its own, with one blank
 * line between two members that have a blank line between them in the input. The chunks' results (each must
 * open with the same head and end with `}`) are joined, a blank line added between two chunks where the input
 * has one after the chunk's last member. Undefined when the piece is not in the shape `angularServiceMembers`
 * reads.
 */
export const formatAngularServiceClass = (piece: string, format: (text: string) => string, chunkChars = CHUNK_CHARS): string | undefined => {
  const shape = angularServiceMembers(piece);
  if (shape === undefined) return undefined;
  const { head, members, blankAfter } = shape;
  const chunks: { text: string; blankAfter: boolean }[] = [];
  let text = '';
  members.forEach((member, at) => {
    text += member;
    if (text.length >= chunkChars || at === members.length - 1) {
      chunks.push({ text, blankAfter: blankAfter[at]! });
      text = '';
    }
  });
  if (chunks.length === 1) return format(piece);
  let headOut: string | undefined;
  const out: string[] = [];
  for (const [at, chunk] of chunks.entries()) {
    const formatted = format(`${head}${chunk.text}}\n`);
    const bodyAt = formatted.indexOf(`\n${CLASS_OPEN}`);
    if (bodyAt === -1 || !formatted.endsWith('\n}\n')) throw new Error('unexpected class print');
    const chunkHead = formatted.slice(0, bodyAt + 1 + CLASS_OPEN.length);
    headOut ??= chunkHead;
    if (chunkHead !== headOut) throw new Error('unexpected class head print');
    out.push(formatted.slice(chunkHead.length, -2), at < chunks.length - 1 && chunk.blankAfter ? '\n' : '');
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
      const direct = formatDeclaration(piece);
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
