import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModelIntrospectionSchema } from '@sandlot/codegen/modelIntrospection.js';

/** `data.model_introspection` for a model schema, as `generateModelIntrospection` computes it. */
export interface ModelIntrospector {
  introspect(modelSchema: string): Promise<ModelIntrospectionSchema>;
  close(): Promise<void>;
}

/** The worker entry the build writes beside the bundled CLI (absent when running from source). */
export const bundledIntrospectionWorker = new URL('./introspection-worker.mjs', import.meta.url);

const inProcess = async (modelSchema: string): Promise<ModelIntrospectionSchema> =>
  (await import('@sandlot/codegen/modelIntrospection.js')).generateModelIntrospection({ modelSchema });

/**
 * Loading the official model generator takes about as long as loading the backend definition, so the
 * sandbox starts it at once in a worker thread (`workerUrl`, default: the bundled worker when there is
 * one) and the two loads overlap. The result is the same document; when the worker cannot answer
 * (invalid schema, worker gone), the call runs in this thread, with the errors it always had.
 */
export function createModelIntrospector(o: { workerUrl?: URL | null } = {}): ModelIntrospector {
  const url = o.workerUrl !== undefined ? o.workerUrl : existsSync(fileURLToPath(bundledIntrospectionWorker)) ? bundledIntrospectionWorker : null;
  if (!url) return { introspect: inProcess, close: async () => {} };
  let worker: Worker | undefined = new Worker(url);
  worker.unref(); // an idle worker never keeps the process alive
  const pending = new Map<number, (text: string | undefined) => void>();
  let next = 0;
  const settle = (id: number, text: string | undefined) => {
    pending.get(id)?.(text);
    pending.delete(id);
    if (pending.size === 0) worker?.unref();
  };
  const gone = () => {
    worker = undefined;
    for (const id of [...pending.keys()]) settle(id, undefined);
  };
  worker.on('message', (m: { id: number; text?: string }) => settle(m.id, m.text));
  worker.on('error', gone);
  worker.on('exit', gone);
  return {
    async introspect(modelSchema) {
      const w = worker;
      if (w) {
        const text = await new Promise<string | undefined>((resolve) => {
          const id = ++next;
          pending.set(id, resolve);
          w.ref(); // an answer is awaited
          w.postMessage({ id, schema: modelSchema });
        });
        if (text !== undefined) {
          try {
            return JSON.parse(text) as ModelIntrospectionSchema;
          } catch {
            // fall through: the in-thread call reports it
          }
        }
      }
      return inProcess(modelSchema);
    },
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
