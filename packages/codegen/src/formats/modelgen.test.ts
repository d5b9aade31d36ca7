import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLString } from 'graphql';
import { copyWalk, type Walk } from './modelgen.js';

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
