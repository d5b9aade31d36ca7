/**
 * Build step for the bundled codegen code (the CLI's `dist/`, the codegen bench): run every format and target on a
 * small schema on this thread, with the generators loaded from `codegen-generators.cjs` beside the bundled code,
 * then write the V8 code cache of that bundle and of the prettier parsers the run loaded
 * (`writeLoadedCodeCaches` in `formats/generatorModules.ts`). Every thread of a later `generate
 * graphql-client-code` run loads them with their functions already compiled (any schema: the cache holds
 * compiled generator code, no generated output). Run as `node <bundled entry>`; `generatorsBundle.mjs`'s
 * `writeGeneratorsCodeCache(entry)` does, after building. The files it writes are build output (not
 * committed); a build that does not write them still works, compiling as before.
 */
import { fileURLToPath } from 'node:url';
import { generatorsBundled, writeLoadedCodeCaches } from './formats/generatorModules.js';
import { CodegenRun } from './codegenRun.js';
import { generateGraphqlClientCodeFiles } from './generateGraphqlClientCode.js';
import { MODEL_TARGET_CHOICES, STATEMENT_TARGET_CHOICES, TYPE_TARGET_CHOICES, type GraphqlClientCodeFlags } from './options.js';

/**
 * The schema the cache is made from: a model schema that reaches the generators' branches a real schema reaches
 * (relationships of each kind, indexes, enums, custom types, custom identifiers, auth rules, custom operations).
 */
const PRIMING_SCHEMA = `enum Priority { LOW MEDIUM HIGH }

type Todo @model @auth(rules: [{allow: owner, ownerField: "owner"}, {allow: groups, groups: ["Admins"]}, {allow: public, provider: apiKey, operations: [read]}])
{
  content: String!
  done: Boolean @default(value: "false")
  priority: Priority
  dueOn: AWSDate
  tags: [String]
  location: Location
  projectId: ID @index(sortKeyFields: ["dueOn"], queryField: "listTodosByProject")
  project: Project @belongsTo(references: ["projectId"])
  notes: [Note] @hasMany(references: ["todoId"])
  detail: TodoDetail @hasOne(references: ["todoId"])
  todoTags: [TodoTag] @hasMany(references: ["todoId"])
}

type TodoDetail @model @auth(rules: [{allow: owner, ownerField: "owner"}])
{
  todoId: ID
  todo: Todo @belongsTo(references: ["todoId"])
  body: String
  email: AWSEmail
  site: AWSURL
}

type Note @model @auth(rules: [{allow: private, operations: [read]}, {allow: owner, ownerField: "owner"}])
{
  todoId: ID!
  todo: Todo @belongsTo(references: ["todoId"])
  text: String
  meta: AWSJSON
  at: AWSDateTime
}

type Project @model @auth(rules: [{allow: groups, groups: ["Admins"]}, {allow: private, operations: [read]}])
{
  name: String!
  todos: [Todo] @hasMany(references: ["projectId"])
  budget: Int
  ip: AWSIPAddress
}

type Tag @model @auth(rules: [{allow: public, provider: apiKey}])
{
  slug: String! @primaryKey
  label: String
  todoTags: [TodoTag] @hasMany(references: ["tagSlug"])
}

type TodoTag @model @auth(rules: [{allow: private}])
{
  todoId: ID!
  tagSlug: String!
  todo: Todo @belongsTo(references: ["todoId"])
  tag: Tag @belongsTo(references: ["tagSlug"])
}

type Reading @model @auth(rules: [{allow: public, provider: identityPool, operations: [read]}, {allow: private}])
{
  sensor: String! @primaryKey(sortKeyFields: ["at"])
  at: AWSTimestamp!
  value: Float
  phone: AWSPhone
  time: AWSTime
}

type Location @aws_cognito_user_pools
{
  lat: Float!
  long: Float!
  label: String
}

type Mutation {
  bump(id: ID!, by: Int): Int @function(name: "bumpFunction") @auth(rules: [{allow: groups, groups: ["Admins"]}])
}

type Query {
  echo(text: String!): Location @function(name: "echoFunction") @auth(rules: [{allow: private}])
}
`;

/** Every format, model target, statement target (with its default types) and type target. */
const PRIMING_REQUESTS: GraphqlClientCodeFlags[] = [
  { format: 'introspection' },
  ...MODEL_TARGET_CHOICES.map((modelTarget) => ({ format: 'modelgen', modelTarget })),
  ...STATEMENT_TARGET_CHOICES.map((statementTarget) => ({ format: 'graphql-codegen', statementTarget })),
  ...TYPE_TARGET_CHOICES.map((typeTarget) => ({ format: 'graphql-codegen', statementTarget: 'graphql', typeTarget })),
];

/** Generate every format on this thread from the generators bundle (as one batch worker does), then write the code caches; returns the files written. */
export const primeGeneratorsCodeCache = async (): Promise<string[]> => {
  if (!generatorsBundled()) throw new Error('no generators bundle beside the bundled codegen code: nothing to cache');
  const data = { modelSchema: PRIMING_SCHEMA, hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool', apiKeyAuthorizationMode: {} } } as const;
  const run = new CodegenRun();
  let generated = 0;
  for (const flags of PRIMING_REQUESTS) {
    // A target the generator itself refuses for this schema (scala: "Unsupported operation type \"subscription\"") still ran its code.
    await generateGraphqlClientCodeFiles({ ...flags, data }, run).then(
      () => generated++,
      () => {},
    );
  }
  if (generated < PRIMING_REQUESTS.length - 1) throw new Error(`only ${generated} of ${PRIMING_REQUESTS.length} formats generated`);
  return writeLoadedCodeCaches();
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await primeGeneratorsCodeCache();
  process.stdout.write(`${JSON.stringify(written)}\n`);
}
