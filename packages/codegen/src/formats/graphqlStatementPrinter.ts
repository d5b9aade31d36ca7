/**
 * A docs-generator statement's GraphQL as prettier 1.19 prints it (`format(text, { parser: 'graphql' })`, the
 * call every statement target makes first), without prettier: the statements of a 50-model schema take prettier
 * ~0.3 s even in one batch (`primeGraphqlFormats`), most of it parsing and laying out documents whose shape is
 * fixed.
 *
 * Only the shapes the docs generator writes are printed here, each as prettier's GraphQL printer lays it out:
 * one named operation (`query`/`mutation`/`subscription`) or fragment per text; variables `$name: Type` with
 * named, list and non-null types; fields with an optional alias, arguments whose values are variables and a
 * selection set; fragment spreads and inline fragments. A group of variables or arguments stays on one line when
 * that line (with its ` {`) fits in 80 columns, else one per line, indented. Anything else — comments,
 * directives, default values, literal values, an empty line between two items (prettier keeps one), a text
 * that does not parse — returns undefined, and the caller formats it with prettier.
 * `graphqlStatementPrinter.test.ts` compares with prettier on every statement of several schemas.
 */
import type { ArgumentNode, DocumentNode, FieldNode, SelectionNode, SelectionSetNode, TypeNode, VariableDefinitionNode } from 'graphql';
import { generatorModule } from './generatorModules.js';

const { parse } = generatorModule<typeof import('graphql')>('graphql-generator', 'graphql');

const PRINT_WIDTH = 80;

/** Thrown inside the printer for a shape it does not print (caught in `printStatementGraphql`). */
class NotPrinted extends Error {}

/** Prettier's output for `text`, or undefined when `text` is not of the shapes above. */
export const printStatementGraphql = (text: string): string | undefined => {
  if (text.includes('#') || text.includes('\r')) return undefined; // comments: prettier's
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return undefined; // prettier's own error
  }
  if (document.definitions.length !== 1) return undefined;
  const definition = document.definitions[0]!;
  try {
    if (definition.kind === 'OperationDefinition') {
      if (!definition.name || definition.directives?.length || text[definition.loc!.start] === '{') return undefined;
      const head = `${definition.operation} ${definition.name.value}`;
      return `${head}${group('', head, (definition.variableDefinitions ?? []).map(variable), ' {', text, definition.variableDefinitions ?? [])} ${selectionSet(definition.selectionSet, '', text)}\n`;
    }
    if (definition.kind === 'FragmentDefinition') {
      if (definition.directives?.length || definition.variableDefinitions?.length) return undefined;
      return `fragment ${definition.name.value} on ${definition.typeCondition.name.value} ${selectionSet(definition.selectionSet, '', text)}\n`;
    }
    return undefined;
  } catch (error) {
    if (error instanceof NotPrinted) return undefined;
    throw error;
  }
};

/** An empty line between two siblings (prettier keeps one there): not printed here. */
const checkGaps = (nodes: readonly { loc?: { start: number; end: number } }[], text: string) => {
  for (let at = 1; at < nodes.length; at++) {
    const gap = text.slice(nodes[at - 1]!.loc!.end, nodes[at]!.loc!.start);
    if (/\n[\s,]*\n/.test(gap)) throw new NotPrinted();
  }
};

/** `(a, b)` after `before` on a line indented by `indent`, or one item per line when that line (ending with `after`) passes 80 columns. */
const group = (indent: string, before: string, items: string[], after: string, text: string, nodes?: readonly { loc?: { start: number; end: number } }[]): string => {
  if (!items.length) return '';
  if (nodes) checkGaps(nodes, text);
  const flat = `(${items.join(', ')})`;
  if (indent.length + before.length + flat.length + after.length <= PRINT_WIDTH) return flat;
  return `(\n${items.map((item) => `${indent}  ${item}`).join('\n')}\n${indent})`;
};

const type = (node: TypeNode): string => {
  if (node.kind === 'NamedType') return node.name.value;
  if (node.kind === 'ListType') return `[${type(node.type)}]`;
  return `${type(node.type)}!`;
};

const variable = (node: VariableDefinitionNode): string => {
  if (node.defaultValue || node.directives?.length) throw new NotPrinted();
  return `$${node.variable.name.value}: ${type(node.type)}`;
};

const argument = (node: ArgumentNode): string => {
  if (node.value.kind !== 'Variable') throw new NotPrinted();
  return `${node.name.value}: $${node.value.name.value}`;
};

const selectionSet = (node: SelectionSetNode, indent: string, text: string): string => {
  checkGaps(node.selections, text);
  const inner = `${indent}  `;
  return `{\n${node.selections.map((selection) => inner + selectionOf(selection, inner, text)).join('\n')}\n${indent}}`;
};

const selectionOf = (node: SelectionNode, indent: string, text: string): string => {
  if (node.directives?.length) throw new NotPrinted();
  if (node.kind === 'FragmentSpread') return `...${node.name.value}`;
  if (node.kind === 'InlineFragment') return `...${node.typeCondition ? ` on ${node.typeCondition.name.value}` : ''} ${selectionSet(node.selectionSet, indent, text)}`;
  return field(node, indent, text);
};

const field = (node: FieldNode, indent: string, text: string): string => {
  const name = node.alias ? `${node.alias.value}: ${node.name.value}` : node.name.value;
  const args = group(indent, name, (node.arguments ?? []).map(argument), node.selectionSet ? ' {' : '', text, node.arguments ?? []);
  return node.selectionSet ? `${name}${args} ${selectionSet(node.selectionSet, indent, text)}` : `${name}${args}`;
};
