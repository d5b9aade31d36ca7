import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateModelIntrospection, modelSchemaFromDataResource } from '@sandlot/codegen';
import { richSchema } from '@sandlot/codegen/testing/schemas.js';
import { createModelIntrospector } from './modelIntrospector.js';

// The worker runs bundled code (from `npm run build`); from source the introspector works in-thread.
const worker = new URL('../../dist/introspection-worker.mjs', import.meta.url);
const built = existsSync(fileURLToPath(worker));

const errorOf = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  assert.fail('expected an error');
};

for (const [label, workerUrl] of [['worker thread', worker], ['in-thread', null]] as const) {
  test(`model introspector (${label}): the same document and the same errors as generateModelIntrospection`, { skip: label === 'worker thread' && !built ? 'packages/cli/dist is not built (npm run build)' : false }, async () => {
    const introspector = createModelIntrospector({ workerUrl });
    try {
      const sdl = modelSchemaFromDataResource(richSchema());
      assert.deepEqual(await introspector.introspect(sdl), generateModelIntrospection({ modelSchema: sdl }));
      // Requests in flight together each get their own answer.
      const small = 'type Note @model { id: ID! text: String }';
      const [a, b] = await Promise.all([introspector.introspect(small), introspector.introspect(sdl)]);
      assert.deepEqual(Object.keys(a.models), ['Note']);
      assert.deepEqual(b, generateModelIntrospection({ modelSchema: sdl }));
      for (const bad of ['', 'type Broken @model { id: ID! ']) {
        assert.deepEqual(await errorOf(() => introspector.introspect(bad)), await errorOf(() => generateModelIntrospection({ modelSchema: bad })));
      }
    } finally {
      await introspector.close();
    }
  });
}

test('model introspector: a worker that cannot start falls back to the in-thread call', async () => {
  const introspector = createModelIntrospector({ workerUrl: new URL('./no-such-worker.mjs', import.meta.url) });
  try {
    const small = 'type Note @model { id: ID! text: String }';
    assert.deepEqual(await introspector.introspect(small), generateModelIntrospection({ modelSchema: small }));
  } finally {
    await introspector.close();
  }
});
