import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequire } from 'node:module';
import { GraphQLString } from 'graphql';
import { modelSchemaFromDataResource } from '../modelSchema.js';
import { CodegenRun } from '../codegenRun.js';
import { MODEL_TARGET_CHOICES, resolveGenerateOptions } from '../options.js';
import { docsAppSchema, generatedSchema, richSchema } from '../testing/schemas.js';
import { copyWalk, generateModelgenFiles, instantiate, type Walk } from './modelgen.js';

// Each file's visitor gets the one walk's maps as copyWalk returns them; generate() then changes what it got.
test('copyWalk: the walk\'s objects copied (references between them kept), frozen nodes, class instances and null prototypes as they were', () => {
  const node = Object.freeze({ kind: 'InputValueDefinition', name: Object.freeze({ kind: 'Name', value: 'id' }) });
  const args = Object.assign(Object.create(null) as Record<string, unknown>, { allow: 'owner', ownerField: 'owner' });
  const directives = [{ name: 'auth', arguments: { rules: [args] } }];
  const field = { name: 'title', type: 'String', baseType: GraphQLString, directives, parameters: [node] };
  const model = { name: 'Todo', type: 'model', directives, fields: [field] };
  const walk = { modelMap: { Todo: model }, nonModelMap: {}, enumMap: {}, queryMap: {}, mutationMap: {}, subscriptionMap: {}, inputObjectMap: {}, unionMap: {}, interfaceMap: {} } satisfies Walk;

  const copy = copyWalk(walk) as typeof walk;
  assert.deepEqual(copy, walk);
  const copied = copy.modelMap.Todo;
  assert.notEqual(copied, model);
  assert.notEqual(copied.fields[0], field);
  // A reference shared in the walk is shared in the copy (and is a copy).
  assert.equal(copied.directives, copied.fields[0]!.directives);
  assert.notEqual(copied.directives, directives);
  // Kept: frozen document nodes, the schema's type objects; a prototype-less object stays prototype-less.
  assert.equal(copied.fields[0]!.parameters[0], node);
  assert.equal(copied.fields[0]!.baseType, GraphQLString);
  const copiedArgs = (copied.directives[0]!.arguments.rules as unknown[])[0] as object;
  assert.notEqual(copiedArgs, args);
  assert.equal(Object.getPrototypeOf(copiedArgs), null);

  // What one file's generate() changes is not seen by the next file's copy.
  (copied.fields as unknown[]).push({ name: 'connection' });
  (copied.directives[0]!.arguments as { rules: unknown[] }).rules.push('group');
  const next = copyWalk(walk) as typeof walk;
  assert.equal(next.modelMap.Todo.fields.length, 1);
  assert.equal(next.modelMap.Todo.directives[0]!.arguments.rules.length, 1);
  assert.equal(model.fields.length, 1);
});

// The plugin's base visitor (the copy generateModels runs), whose processDirectives every target's generate() calls first.
const generatorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator'));
const visitorBase = createRequire(generatorRequire.resolve('@aws-amplify/appsync-modelgen-plugin'))('./visitors/appsync-visitor.js') as {
  AppSyncModelVisitor: { prototype: { processDirectives: (...args: unknown[]) => unknown } };
};

test('processDirectives runs once per target and schema, not once per model file', async () => {
  const prototype = visitorBase.AppSyncModelVisitor.prototype;
  const original = prototype.processDirectives;
  let calls = 0;
  prototype.processDirectives = function (this: unknown, ...args: unknown[]) {
    calls += 1;
    return original.apply(this, args);
  };
  try {
    const options = resolveGenerateOptions({ format: 'modelgen', modelTarget: 'java' });
    if (options.format !== 'modelgen') throw new Error('modelgen options');
    const files = await generateModelgenFiles(modelSchemaFromDataResource(richSchema()), options);
    assert.ok(Object.keys(files).length > 5, 'one file per model and more');
    assert.equal(calls, 1);
  } finally {
    prototype.processDirectives = original;
  }
});

const javaVisitor = createRequire(generatorRequire.resolve('@aws-amplify/appsync-modelgen-plugin'))('./visitors/appsync-java-visitor.js') as {
  AppSyncModelJavaVisitor: { prototype: { generateModelClasses: (...args: unknown[]) => unknown } };
};

test('the model files share one frozen copy of the processed maps; a visitor that writes to it gets its own copy, with the same files', async () => {
  const options = resolveGenerateOptions({ format: 'modelgen', modelTarget: 'java' });
  if (options.format !== 'modelgen') throw new Error('modelgen options');
  const schema = modelSchemaFromDataResource(richSchema());
  const expected = await generateModelgenFiles(schema, options);
  const prototype = javaVisitor.AppSyncModelJavaVisitor.prototype;
  const original = prototype.generateModelClasses;
  const frozen: boolean[] = [];
  prototype.generateModelClasses = function (this: { modelMap: Record<string, { fields: unknown[] }> }, ...args: unknown[]) {
    const fields = Object.values(this.modelMap)[0]!.fields;
    frozen.push(Object.isFrozen(fields));
    fields.push(fields[0]); // a write (undone below): throws on the frozen copy
    fields.pop();
    return original.apply(this, args);
  };
  try {
    assert.deepEqual(await generateModelgenFiles(schema, options), expected);
  } finally {
    prototype.generateModelClasses = original;
  }
  assert.equal(frozen[0], true, 'the first model file read the frozen copy');
  assert.ok(frozen.length > 2 && frozen.slice(1).every((isFrozen) => !isFrozen), 'that file again and the next ones: their own copies');
});

// The plugin's visitor base (`buildScalars` is called through the module's exports object: counts constructions).
const pluginRequire = createRequire(generatorRequire.resolve('@aws-amplify/appsync-modelgen-plugin'));
const visitorCommon = pluginRequire('@graphql-codegen/visitor-plugin-common') as { buildScalars: (...args: unknown[]) => unknown };
const countConstructions = async <T>(run: () => Promise<T> | T): Promise<{ result: T; constructions: number }> => {
  const original = visitorCommon.buildScalars;
  let constructions = 0;
  visitorCommon.buildScalars = (...args: unknown[]) => {
    constructions += 1;
    return original(...args);
  };
  try {
    return { result: await run(), constructions };
  } finally {
    visitorCommon.buildScalars = original;
  }
};

test('each target constructs its visitor once per run; the model files get copies (same files as before)', async () => {
  const schema = modelSchemaFromDataResource(richSchema());
  for (const modelTarget of ['java', 'swift', 'dart'] as const) {
    const options = resolveGenerateOptions({ format: 'modelgen', modelTarget });
    if (options.format !== 'modelgen') throw new Error('modelgen options');
    const { result: files, constructions } = await countConstructions(() => generateModelgenFiles(schema, options));
    assert.ok(Object.keys(files).length > 5, `${modelTarget}: one file per model and more`);
    assert.equal(constructions, 1, modelTarget);
  }
});

type AnyVisitor = Record<PropertyKey, unknown>;
/** A visitor's own properties in order, functions as what they are (bound method or other), for comparison. */
const shape = (visitor: AnyVisitor) => {
  const plain = (value: unknown): unknown => {
    if (typeof value === 'function') return `function ${value.name.replace(/^(bound )+/, 'bound ')}`;
    if (value instanceof Set) return { set: [...value].map(plain) };
    if (Array.isArray(value)) return value.map(plain);
    if (typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
    }
    return value;
  };
  return { prototype: Object.getPrototypeOf(visitor) as unknown, keys: Reflect.ownKeys(visitor), state: Reflect.ownKeys(visitor).map((key) => plain(visitor[key])) };
};

const pluginGraphql = pluginRequire('graphql') as typeof import('graphql');
const VISITOR_CLASSES = {
  java: ['appsync-java-visitor.js', 'AppSyncModelJavaVisitor'],
  swift: ['appsync-swift-visitor.js', 'AppSyncSwiftVisitor'],
  dart: ['appsync-dart-visitor.js', 'AppSyncModelDartVisitor'],
  javascript: ['appsync-javascript-visitor.js', 'AppSyncModelJavascriptVisitor'],
  typescript: ['appsync-typescript-visitor.js', 'AppSyncModelTypeScriptVisitor'],
  metadata: ['appsync-json-metadata-visitor.js', 'AppSyncJSONVisitor'],
} as const;

test('a copied visitor has the own properties, in order, that its constructor gives it, with its own state and methods bound to it', () => {
  const schema = pluginGraphql.buildSchema('scalar AWSDateTime\ntype Query { todo: Todo }\ntype Todo { id: ID! at: AWSDateTime }');
  for (const [target, [file, name]] of Object.entries(VISITOR_CLASSES)) {
    const Visitor = (pluginRequire(`./visitors/${file}`) as Record<string, Parameters<typeof instantiate>[0]>)[name]!;
    const config = { target, directives: 'enum Hidden { A }\ndirective @model on OBJECT', isTimestampFieldsAdded: true, emitAuthProvider: true };
    const first = instantiate(Visitor, schema, { ...config, selectedType: 'Todo', generate: 'code' }, { selectedType: 'Todo', generate: 'code' }, `test ${target}`) as unknown as AnyVisitor;
    const copy = instantiate(Visitor, schema, { ...config, selectedType: 'Other', generate: 'metadata' }, { selectedType: 'Other', generate: 'metadata' }, `test ${target}`) as unknown as AnyVisitor;
    const constructed = new Visitor(schema, { ...config, selectedType: 'Other', generate: 'metadata' }, { selectedType: 'Other', generate: 'metadata' }) as unknown as AnyVisitor;
    assert.deepStrictEqual(shape(copy), shape(constructed), target);
    assert.equal((copy._parsedConfig as { selectedType: string }).selectedType, 'Other');
    assert.deepEqual(copy.typesToSkip, ['AMPLIFY', 'Hidden']);
    // Its own state: nothing shared with the first visitor but the schema (and functions inside the config).
    assert.equal(copy._schema, first._schema);
    for (const key of ['_parsedConfig', 'scalars', 'typesToSkip', 'modelMap', 'READ_ONLY_FIELDS', 'SCALAR_TYPE_MAP']) assert.notEqual(copy[key], first[key], `${target} ${key}`);
    // Its methods are bound to it: called detached, they read its config, not the first visitor's.
    const { isGenerateModelsForLazyLoadAndCustomSelectionSet: detached } = copy as { isGenerateModelsForLazyLoadAndCustomSelectionSet: () => boolean };
    (copy._parsedConfig as Record<string, unknown>).generateModelsForLazyLoadAndCustomSelectionSet = true;
    (first._parsedConfig as Record<string, unknown>).generateModelsForLazyLoadAndCustomSelectionSet = false;
    assert.equal(detached(), true, target);
  }
});

test('a visitor whose constructor makes other own properties (an arrow function) is constructed for every file', async () => {
  const schema = pluginGraphql.buildSchema('type Query { a: String }');
  const { AppSyncModelIntrospectionVisitor: Visitor } = pluginRequire('./visitors/appsync-model-introspection-visitor.js') as Record<string, Parameters<typeof instantiate>[0]>;
  const config = { target: 'introspection' };
  const { result: visitors, constructions } = await countConstructions(() => [1, 2, 3].map(() => instantiate(Visitor!, schema, config, {}, 'test introspection') as unknown as AnyVisitor));
  assert.equal(constructions, 3);
  assert.equal(typeof visitors[2]!.isUnionFieldType, 'function');
  assert.notEqual(visitors[1]!.isUnionFieldType, visitors[2]!.isUnionFieldType);
});

/** Every model target generated in one run: the files as generated alone; the merged schemas computed in the run. */
const sharedRunMatchesAlone = async (schema: string) => {
  const computed: string[] = [];
  const run = new (class extends CodegenRun {
    override once<T>(key: string, compute: () => T): T {
      return super.once(key, () => {
        computed.push(key.split(' ').slice(0, 3).join(' '));
        return compute();
      });
    }
  })();
  for (const modelTarget of MODEL_TARGET_CHOICES) {
    const options = resolveGenerateOptions({ format: 'modelgen', modelTarget });
    if (options.format !== 'modelgen') throw new Error('modelgen options');
    const shared = await generateModelgenFiles(schema, options, run);
    assert.deepEqual(shared, await generateModelgenFiles(schema, options), modelTarget);
  }
  // One parse of the model schema; java, javascript, typescript and dart add the same scalars in the same order, swift in another.
  assert.deepEqual(computed, ['modelgen model schema', 'modelgen merged schema', 'modelgen merged schema']);
};

test('the targets generated in one run share the merged schema where the plugin adds the same scalars; every file as generated alone', async () => {
  for (const schema of [docsAppSchema(), richSchema(), generatedSchema(6)].map(modelSchemaFromDataResource)) await sharedRunMatchesAlone(schema);
});

test('a processDirectives that fails part-way spends the walk: the target\'s files are generated through codegen, as before', async () => {
  const options = resolveGenerateOptions({ format: 'modelgen', modelTarget: 'java' });
  if (options.format !== 'modelgen') throw new Error('modelgen options');
  const schema = modelSchemaFromDataResource(richSchema());
  const expected = await generateModelgenFiles(schema, options);
  const prototype = visitorBase.AppSyncModelVisitor.prototype;
  const original = prototype.processDirectives;
  let calls = 0;
  prototype.processDirectives = function (this: unknown, ...args: unknown[]) {
    calls += 1;
    const result = original.apply(this, args);
    // The first call has changed the walk's maps, then fails.
    if (calls === 1) throw new Error('processDirectives failed');
    return result;
  };
  try {
    assert.deepEqual(await generateModelgenFiles(schema, options), expected);
  } finally {
    prototype.processDirectives = original;
  }
  // Once on the walk, then once per file through codegen and the plugin.
  assert.equal(calls, Object.keys(expected).length + 1);
});
