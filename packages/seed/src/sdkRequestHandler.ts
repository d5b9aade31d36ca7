/**
 * When `ampx sandbox seed` serves the sandbox's local cloud in its own process (no `ampx sandbox` running),
 * it hands the seed library an SDK request handler that passes each request to that cloud's router
 * (`InProcessHandler`: the SDK still builds, signs and parses the real wire messages and the cloud still
 * verifies the signature; only the loopback socket is skipped). Kept on `globalThis` under a registered
 * symbol so every copy of the library (bundled or from source) sees it; the SDK clients read it when built.
 */
const KEY = Symbol.for('sandlot.seed.sdkRequestHandler');

type Holder = { [KEY]?: unknown };

export const sdkRequestHandler = (): unknown => (globalThis as Holder)[KEY];

/** Sets (or with `undefined` clears) the handler; returns a function that restores the previous one. */
export function useSdkRequestHandler(handler: unknown): () => void {
  const g = globalThis as Holder;
  const previous = g[KEY];
  if (handler === undefined) delete g[KEY];
  else g[KEY] = handler;
  return () => {
    if (previous === undefined) delete g[KEY];
    else g[KEY] = previous;
  };
}
