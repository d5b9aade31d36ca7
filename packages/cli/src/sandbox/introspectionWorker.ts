// Worker thread of modelIntrospector.ts: loads the model generator at once (while the main thread
// loads the backend definition), then answers `{ id, schema }` with `{ id, text }` — the introspection
// document — or `{ id }` when it failed (the main thread then runs the same call itself, so errors
// are the ones it always gave).
import { parentPort } from 'node:worker_threads';
import * as models from '@aws-amplify/graphql-generator/lib/models.js';
import { generateModelIntrospectionText, useModelsModule } from '@sandlot/codegen/modelIntrospection.js';

// Imported statically so that the build bundles the generator into this worker (scripts/build.mjs).
useModelsModule(models);

const port = parentPort!;
port.on('message', ({ id, schema }: { id: number; schema: string }) => {
  let text: string | undefined;
  try {
    text = generateModelIntrospectionText({ modelSchema: schema });
  } catch {
    text = undefined;
  }
  port.postMessage({ id, text });
});
// One small schema through the generator: loads its modules (the bulk of the cost) and warms them.
try {
  generateModelIntrospectionText({ modelSchema: 'type SandlotWarmUp @model { id: ID! }' });
} catch {
  // A real request reports its own failure.
}
