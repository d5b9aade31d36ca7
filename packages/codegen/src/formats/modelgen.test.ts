import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequire } from 'node:module';
import { GraphQLString } from 'graphql';
import { modelSchemaFromDataResource } from '../modelSchema.js';
import { resolveGenerateOptions } from '../options.js';
import { richSchema } from '../testing/schemas.js';
import { copyWalk, generateModelgenFiles, type Walk } from './modelgen.js';

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
