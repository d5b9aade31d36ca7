/**
 * The statement files `@aws-amplify/graphql-generator`'s `GraphQLStatementsFormatter` writes, without running
 * prettier over a whole file whose formatting is already known.
 *
 * The formatter builds a file — header comments (and, for typed TypeScript statements, an `APITypes` import and
 * a `GeneratedQuery` type), then one statement per operation — and runs prettier 1.19 over all of it. Each
 * statement's GraphQL is itself prettier output (`format(graphql, { parser: 'graphql' })`, the formatter's own
 * call), so the whole-file pass only:
 *
 * - JS/TS statements `export const k = /* GraphQL *\/ \`…\``: re-indents the embedded GraphQL by two spaces
 *   (prettier's embedded GraphQL formatting, a no-op on prettier output whose lines fit in 78 columns), or,
 *   with a type tag (`\` as GeneratedQuery<A, B>;`), leaves the literal alone and breaks the tag's type
 *   arguments one per line when the tag's line would pass 80 columns; adds the `;`.
 * - GraphQL files: prints each definition as its own format does, a blank line between statements.
 * - the header: comments as they are, blank lines collapsed, the import's quotes made double.
 *
 * That is what `formatStatementsFile` produces directly. A statement outside those shapes (a GraphQL line too
 * long to keep, text prettier would escape or treat as a comment) is formatted by prettier on its own, and a
 * file whose assembled input differs from the formatter's own input (checked on every call) goes through the
 * formatter unchanged. `statementsFormatter.test.ts` compares with the formatter on long and short names, and
 * `generatorParity.test.ts` every target with the generators run untouched.
 */
import type { ResolvedGenerateOptions } from '../options.js';
import { generatorModule } from './generatorModules.js';

export type StatementsTarget = Extract<ResolvedGenerateOptions, { format: 'graphql-codegen' }>['statementTarget'];
type Statement = { graphql: string; operationName?: string; operationType?: string };
type FormatterInstance = {
  format: (statements: Map<string, unknown>) => string;
  prettify: (output: string) => string;
  buildTypeTag: (operationName?: string, operationType?: string) => string;
};
type Prettier = { format: (text: string, options: { parser: string }) => string };

// The generator's own formatter and prettier copy.
const { GraphQLStatementsFormatter } = generatorModule('graphql-generator', './utils/index.js') as {
  GraphQLStatementsFormatter: new (language: StatementsTarget, operation?: string, typesPath?: string) => FormatterInstance;
};
const prettier = generatorModule<Prettier>('graphql-generator', 'prettier');

const PRINT_WIDTH = 80; // prettier 1.19's default, which the formatter uses
const EMBED_INDENT = '  ';
const PARSER: Record<StatementsTarget, string> = { javascript: 'babel', graphql: 'graphql', typescript: 'typescript', flow: 'flow', angular: 'graphql' };

/** Prettier output that is kept as it is inside a template literal or a GraphQL file: no escapes, no comments, no blank lines. */
const isPlainGraphql = (formatted: string) =>
  formatted.endsWith('}\n') && !/[`\\#\r]|\$\{|\n\s*\n/.test(formatted);

/** The formatter's input text: its own `format` with the final prettier call left out. */
const unformatted = (target: StatementsTarget, operation: string | undefined, typesPath: string | undefined, statements: Map<string, Statement>) => {
  const formatter = new GraphQLStatementsFormatter(target, operation, typesPath);
  formatter.prettify = (output) => output;
  return { text: formatter.format(statements), formatter };
};

/** Prettier on a header of comments, blank lines and the formatter's fixed `APITypes` declarations (null: not one). */
const formatHeader = (header: string): string | null => {
  const lines: string[] = [];
  for (const line of header.split('\n')) {
    if (line === '') {
      if (lines.length && lines.at(-1) !== '') lines.push('');
      continue;
    }
    const imported = /^import \* as APITypes from '(\.\/[\w./-]*)';$/.exec(line);
    if (imported) lines.push(`import * as APITypes from "${imported[1]}";`);
    else if (/^(\/\*[^*]*\*\/|\/\/[^\n]*)$/.test(line) || /^(type Generated(Query|Mutation|Subscription)<InputType, OutputType> = string & \{|  __generated(Query|Mutation|Subscription)(Input|Output): (Input|Output)Type;|\};)$/.test(line)) lines.push(line);
    else return null;
  }
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
};

/** One JS/TS statement as prettier prints it, without the final newline. */
const formatJsStatement = (key: string, graphql: string, tag: string, parser: string): string => {
  const raw = `export const ${key} = /* GraphQL */ \`${graphql}\`${tag}`;
  if (/^[A-Za-z_$][\w$]*$/.test(key) && isPlainGraphql(graphql)) {
    if (tag === '' && graphql.split('\n').every((line) => EMBED_INDENT.length + line.length <= PRINT_WIDTH)) {
      const embedded = graphql.slice(0, -1).split('\n').map((line) => EMBED_INDENT + line).join('\n');
      return `export const ${key} = /* GraphQL */ \`\n${embedded}\n\`;`;
    }
    const typed = /^ as (Generated(?:Query|Mutation|Subscription))<([\w.$]+), ([\w.$]+)>;$/.exec(tag);
    if (typed) {
      if (`\`${tag}`.length <= PRINT_WIDTH) return raw;
      return `export const ${key} = /* GraphQL */ \`${graphql}\` as ${typed[1]}<\n  ${typed[2]},\n  ${typed[3]}\n>;`;
    }
  }
  return prettier.format(raw, { parser }).replace(/\n$/, '');
};

/** `new GraphQLStatementsFormatter(target, operation, typesPath).format(statements)`, same text. */
export const formatStatementsFile = (
  target: StatementsTarget,
  operation: 'queries' | 'mutations' | 'subscriptions' | undefined,
  typesPath: string | undefined,
  statements: Map<string, Statement>,
): string => {
  const viaFormatter = () => new GraphQLStatementsFormatter(target, operation, typesPath).format(statements);
  if (statements.size === 0) return viaFormatter();
  try {
    return formatDirectly(target, operation, typesPath, statements) ?? viaFormatter();
  } catch {
    return viaFormatter(); // the formatter's own result or error
  }
};

/** The formatted file, or null when it is not of the shapes above. */
const formatDirectly = (
  target: StatementsTarget,
  operation: 'queries' | 'mutations' | 'subscriptions' | undefined,
  typesPath: string | undefined,
  statements: Map<string, Statement>,
): string | null => {
  const { text, formatter } = unformatted(target, operation, typesPath, statements);
  const parser = PARSER[target];
  if (parser === 'graphql') {
    // `# header`, an empty line, then the statements one per line (`formatGraphQL`).
    const graphqls = [...statements.values()].map((statement) => statement.graphql);
    const body = graphqls.join('\n');
    const header = text.slice(0, text.length - body.length);
    if (!text.endsWith(body) || !/^# [^\n]*\n\n\n$/.test(header) || !graphqls.every((graphql) => graphql.endsWith('}\n') && !graphql.includes('#'))) return null;
    const formatted = graphqls.map((graphql) => prettier.format(graphql, { parser: 'graphql' }));
    if (!formatted.every((one) => one.endsWith('}\n'))) return null;
    // Each statement ends with a newline and is joined with another: an empty line between them, which prettier keeps.
    return `${header.slice(0, -1)}${formatted.join('\n')}`;
  }
  // `lint overrides`, `header comments`[, '', type declarations], '', then one statement per line (`formatJS`).
  const raws: string[] = [];
  const formatted: string[] = [];
  for (const [key, statement] of statements) {
    // The formatter's own call (the same prettier, so the same cached result).
    const graphql = prettier.format(statement.graphql, { parser: 'graphql' });
    const tag = formatter.buildTypeTag(statement.operationName, statement.operationType);
    raws.push(`export const ${key} = /* GraphQL */ \`${graphql}\`${tag}`);
    formatted.push(formatJsStatement(key, graphql, tag, parser));
  }
  const body = raws.join('\n');
  const header = text.endsWith(`\n${body}`) ? formatHeader(text.slice(0, text.length - body.length - 1)) : null;
  if (header === null) return null;
  return `${header}\n\n${formatted.join('\n')}\n`;
};
