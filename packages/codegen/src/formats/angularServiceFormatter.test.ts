import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { CodegenRun, generateGraphqlClientCodeFiles, modelSchemaFromDataResource } from '../index.js';
import type { CodegenDataSource } from '../index.js';
import { docsAppSchema, generatedSchema, richSchema } from '../testing/schemas.js';
import { angularServiceMembers, angularServicePieces, formatAngularServiceClass, formatAngularServiceFile, formatDeclaration, formatHeaderPiece, formatServiceMethod, isAngularServiceFile } from './angularServiceFormatter.js';
import { usePrettierOnce } from './prettierOnce.js';

/**
 * `formatAngularServiceFile` returns what prettier returns for the angular type target's whole file, on the
 * docs-app, rich and bench (50 generated models) schemas and on a schema whose long names push declarations
 * past the print width (those go through prettier); and every precondition that does not hold sends the file,
 * or the piece, to prettier.
 */
const typesGeneratorRequire = createRequire(createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator')).resolve('@aws-amplify/graphql-types-generator'));
const prettier = typesGeneratorRequire('prettier') as { format: (text: string, options: object) => string };
usePrettierOnce(); // before the capture below replaces (and restores) the wrapper
// `plugins` given: prettier itself, past the process-wide wrapper (`prettierOnce.ts`).
const whole = (text: string) => prettier.format(text, { parser: 'typescript', plugins: [] });
const ours = (text: string) => formatAngularServiceFile(text, whole);

const LONG = 'AModelWhoseNameIsLongEnoughToPushDeclarationLinesPastThePrintWidth';
const longNames = `type ${LONG} @model @auth(rules: [{ allow: owner }]) {
  aFieldWithAVeryLongNameThatKeepsGoingAndGoingAndGoingOnAndOn: String
  short: String
}
type Tiny @model @auth(rules: [{ allow: owner }]) {
  x: String
}`;

/** The text the angular target hands prettier (captured past the wrapper; that call returns it unformatted). */
const angularInput = async (modelSchema: string, statementMaxDepth: number): Promise<string> => {
  const format = prettier.format;
  const captured: string[] = [];
  prettier.format = (text, options) => (isAngularServiceFile(text) ? (captured.push(text), text) : format(text, options));
  const data: CodegenDataSource = { modelSchema, hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} } };
  try {
    await generateGraphqlClientCodeFiles({ format: 'graphql-codegen', statementTarget: 'angular', statementMaxDepth, data }, new CodegenRun());
  } finally {
    prettier.format = format;
  }
  assert.equal(captured.length, 1);
  return captured[0]!;
};

const directCount = (text: string) => angularServicePieces(text)!.filter((piece) => formatDeclaration(piece) !== undefined).length;

const cases: [string, string, number][] = [
  ['docs-app', modelSchemaFromDataResource(docsAppSchema()), 2],
  ['rich', modelSchemaFromDataResource(richSchema()), 2],
  ['rich, depth 3', modelSchemaFromDataResource(richSchema()), 3],
  ['generated 50 models (the bench)', modelSchemaFromDataResource(generatedSchema(50)), 2],
  ['long names', longNames, 2],
];

for (const [name, modelSchema, depth] of cases) {
  test(`${name}: the angular file is prettier's result for the whole file`, async () => {
    const text = await angularInput(modelSchema, depth);
    const pieces = angularServicePieces(text);
    assert.ok(pieces, 'the preconditions hold');
    const direct = directCount(text);
    if (name === 'long names') {
      // Declarations with lines past 80 columns go through prettier; the others do not.
      assert.ok(direct > 0 && direct < pieces.length - 4, `${direct} of ${pieces.length} printed directly`);
    } else {
      // Every declaration but the header's and the service class's pieces.
      assert.ok(direct >= pieces.length - 2, `${direct} of ${pieces.length} printed directly`);
    }
    const expected = whole(text);
    const sent: string[] = [];
    assert.equal(formatAngularServiceFile(text, (piece) => (sent.push(piece), whole(piece))), expected);
    assert.ok(!sent.includes(text), 'not the whole file through prettier (no fallback)');
    if (name !== 'long names') assert.deepEqual(sent, [], 'every piece printed directly: no prettier call');
    assert.ok(formatHeaderPiece(pieces[0]!) !== undefined || name === 'long names', 'the header piece printed directly');
    // And through the generators' prettier (the wrapper `prettierOnce.ts` installs).
    if (name !== 'generated 50 models (the bench)') assert.equal(prettier.format(text, { parser: 'typescript' }), expected);
  });
}

for (const [name, modelSchema, depth] of cases) {
  test(`${name}: the service class, its methods printed directly and the rest in chunks of members, is prettier's result for the class`, async () => {
    const classPiece = angularServicePieces(await angularInput(modelSchema, depth))!.at(-1)!;
    const shape = angularServiceMembers(classPiece);
    assert.ok(shape, 'the class is in the shape');
    assert.ok(shape.blankAfter.some(Boolean) && !shape.blankAfter.every(Boolean), 'members with and without a blank line after them');
    const expected = whole(classPiece);
    const direct = shape.members.filter((member) => formatServiceMethod(member) !== undefined).length;
    if (name === 'long names') assert.ok(direct > 0 && direct < shape.members.length, `${direct} of ${shape.members.length} methods printed directly`);
    else assert.equal(direct, shape.members.length, 'every method printed directly');
    const statements = (text: string) => text.match(/const statement = `/g)?.length ?? 0;
    // The class as generated, and with another head (then no method is printed directly: all go to prettier).
    const otherHead = classPiece.replace("providedIn: 'root'", 'providedIn: "root"');
    assert.notEqual(otherHead, classPiece);
    for (const [piece, printed] of [[classPiece, direct], [otherHead, 0]] as const) {
      const throughPrettier: string[] = shape.members.filter((member) => printed === 0 || formatServiceMethod(member) === undefined);
      // One member per chunk (every join between chunks), a few per chunk, and the default size.
      for (const chunkChars of [1, 3000, undefined]) {
        let calls = 0;
        const sent: string[] = [];
        assert.equal(formatAngularServiceClass(piece, (text) => (calls++, sent.push(text), whole(text)), chunkChars), expected, `chunk size ${chunkChars}, ${printed} direct`);
        // Every statement sent to prettier went as a placeholder: no template literal left, one placeholder per statement.
        assert.ok(sent.every((text) => !text.includes('`query') && !text.includes('`mutation') && !text.includes('`subscription')), 'statements replaced');
        assert.equal(sent.join('').match(/`__sandlotStatement\d+`/g)?.length ?? 0, throughPrettier.reduce((count, member) => count + statements(member), 0));
        if (chunkChars === 1) assert.equal(calls, throughPrettier.length);
        if (chunkChars === undefined && printed === 0 && name.startsWith('generated')) assert.ok(calls > 4, `${calls} chunks`);
      }
    }
  });
}

test('a method outside the printed shapes goes to prettier', async () => {
  const classPiece = angularServicePieces(await angularInput(modelSchemaFromDataResource(richSchema()), 2))!.at(-1)!;
  const { members } = angularServiceMembers(classPiece)!;
  const query = members.find((member) => member.startsWith('async ListTodos('))!;
  const subscription = members.find((member) => member.startsWith('OnCreateTodoListener('))!;
  assert.ok(formatServiceMethod(query) && formatServiceMethod(subscription));
  const changed: [string, string][] = [
    ['no variables', query.replace(/^async ListTodos\([^)]*\)/, 'async ListTodos()')],
    ['another call', query.replace('graphqlOperation(statement, gqlAPIServiceArguments)', 'graphqlOperation(statement)')],
    ['another result', query.replace('return (<ListTodosQuery>', 'return (<OtherQuery>')],
    ['an extra statement', query.replace('    const response', '    log(statement);\n    const response')],
    ['a result type prettier may break', query.replace(/ListTodosQuery/g, 'Array< ListTodosQuery | null >').replace('async ListTodos(', `async ListTodos${'X'.repeat(40)}(`)],
    ['a longer subscription field', subscription.replace(/onCreateTodo"/g, 'onCreateTodoWithALongName"')],
    ['a shorter subscription field', subscription.replace(/onCreateTodo"/g, 'onCreateX"')],
    ['a line past 80 columns', query.replace(/\bfilter\b/g, 'f'.repeat(60))],
    ['a subscription without async', `async ${subscription}`],
  ];
  for (const [what, member] of changed) {
    assert.notEqual(member, what.includes('subscription') ? subscription : query, what);
    assert.equal(formatServiceMethod(member), undefined, what);
  }
});

test('a service class outside the shape is formatted whole', async () => {
  const classPiece = angularServicePieces(await angularInput(modelSchemaFromDataResource(richSchema()), 2))!.at(-1)!;
  const secondMember = classPiece.indexOf('\nasync ', classPiece.indexOf('\nasync ') + 1) + 1;
  const insert = (extra: string) => `${classPiece.slice(0, secondMember)}${extra}\n${classPiece.slice(secondMember)}`;
  for (const extra of ['// a comment', '/* a comment */', 'x = `${1}`;', "y = '\\u0041';", 'z = 1 / 2;', 'w = `', 'v = }']) {
    assert.equal(angularServiceMembers(insert(extra)), undefined, extra);
    assert.equal(formatAngularServiceClass(insert(extra), whole, 1), undefined, extra);
  }
  assert.equal(angularServiceMembers(classPiece.replace('export class APIService {', 'export class Other {')), undefined, 'another class');
  // Templates other than a statement's declaration stay in the text prettier gets (a call argument's template is
  // laid out by where its lines start); a class that holds the placeholder's name keeps all of them.
  for (const extra of ['async Extra() {\n    run(`a\n  b`);\n    const other = `c\nd`;\n  }', 'async Extra() {\n    const statement = `__sandlotStatement0`;\n  }']) {
    const sent: string[] = [];
    assert.equal(formatAngularServiceClass(insert(extra), (text) => (sent.push(text), whole(text)), 1), whole(insert(extra)), extra);
    assert.ok(sent.some((text) => text.includes(extra)), extra);
  }
  assert.equal(angularServiceMembers(classPiece.replace(/\n/g, '\r\n')), undefined, 'carriage returns');
  // A member line that is not at column 0 stays with the member before it (one chunk holds both).
  const indented = insert('  async Extra() {\n    return 1;\n  }');
  assert.equal(angularServiceMembers(indented)!.members.length, angularServiceMembers(classPiece)!.members.length);
  assert.equal(formatAngularServiceClass(indented, whole, 1), whole(indented));
});

test('outside the preconditions the file, or a declaration, goes through prettier', async () => {
  const text = await angularInput(modelSchemaFromDataResource(docsAppSchema()), 2);
  const at = text.indexOf('\nexport type ', text.indexOf('\nexport type ') + 1) + 1; // a declaration mid-types
  const insert = (extra: string) => `${text.slice(0, at)}${extra}\n\n${text.slice(at)}`;

  // A declaration outside the shape (a function type) between declarations printed directly.
  const odd = insert('export type Odd = {\n  run: () => void,\n  name?: string | null,\n};');
  assert.ok(angularServicePieces(odd));
  assert.equal(formatDeclaration('export type Odd = {\n  run: () => void,\n};\n'), undefined);
  assert.equal(directCount(odd), directCount(text));
  assert.equal(ours(odd), whole(odd));

  // Shapes that prettier prints otherwise than the direct rules would: not printed directly.
  assert.equal(formatDeclaration('export type E = {\n};\n'), undefined, 'an empty object type');
  assert.equal(formatDeclaration('export type E = {\n  a?:  {\n  } | null,\n};\n'), undefined, 'an empty nested object type');
  assert.equal(formatDeclaration('export type E = {\n  a?:  {\n    b: string,\n  } | Other | null,\n};\n'), undefined, 'an object in a longer union');
  assert.equal(formatDeclaration(`export type E = {\n  ${'x'.repeat(70)}?: string | null,\n};\n`), undefined, 'past the print width');
  assert.equal(formatDeclaration('export type E = {\n  a: string, // note\n};\n'), undefined, 'a comment');
  assert.equal(formatDeclaration('export enum E {\n  A = 1,\n}\n'), undefined, 'a number enum');
  assert.equal(formatDeclaration('export type E = {\n   a: string,\n};\n'), undefined, 'unexpected indentation');
  for (const piece of ['export type E = {\n  a?:  {\n    b: string,\n  } | null,\n  c:  Array< {\n    d?: string | null,\n  } | null > | null,\n};\n', 'export enum E {\n  A = "A",\n  B = "B",\n}\n']) {
    assert.equal(formatDeclaration(piece), whole(piece), piece);
  }

  // Comments, template literals or JSX-like text before the service class: the whole file through prettier.
  for (const extra of ['// a comment', '/* a comment */', 'export const s = `x`;', 'export type J = {\n  a: "</",\n};']) {
    const changed = insert(extra);
    assert.equal(angularServicePieces(changed), undefined, extra);
    let calls = 0;
    assert.equal(
      formatAngularServiceFile(changed, (piece) => (calls++, whole(piece))),
      whole(changed),
      extra,
    );
    assert.equal(calls, 1, `one prettier call: ${extra}`);
  }
  assert.equal(angularServicePieces(text.replace(/\n/g, '\r\n')), undefined, 'carriage returns');
  assert.equal(isAngularServiceFile('export type A = {\n  a: string,\n};\n'), false, 'not the angular file');

  // The header piece: printed directly only in the generator's exact text; else through prettier, as it prints it.
  const header = angularServicePieces(text)![0]!;
  assert.equal(formatHeaderPiece(header), whole(header));
  const headers: [string, string][] = [
    ['Angular v6 imports', header.replace("import API, { graphqlOperation, GraphQLResult } from '@aws-amplify/api-graphql';", "import { Client, generateClient, GraphQLResult } from 'aws-amplify/api';")],
    ['no blank line after the imports', header.replace("'zen-observable-ts';\n\n\n", "'zen-observable-ts';\n")],
    ['no blank line after the wrapper', header.replace('  }\n\nexport type', '  }\nexport type')],
    ['another wrapper', header.replace('value: GraphQLResult<T>;', 'value: T;')],
    ['a declaration outside the shape', header.replace(/export type __SubscriptionContainer = \{\n/, 'export type __SubscriptionContainer = {\n  run: () => void,\n')],
  ];
  for (const [what, changed] of headers) {
    assert.notEqual(changed, header, what);
    assert.equal(formatHeaderPiece(changed), undefined, what);
    const file = text.replace(header, changed);
    assert.equal(ours(file), whole(file), what);
  }

  // A piece prettier cannot parse: prettier's own error for the whole file.
  const broken = insert('export type Broken = = {\n  a: string,\n};');
  assert.ok(angularServicePieces(broken));
  assert.throws(() => whole(broken));
  assert.throws(
    () => ours(broken),
    (error: Error) => {
      assert.throws(() => whole(broken), { message: error.message });
      return true;
    },
  );
});
