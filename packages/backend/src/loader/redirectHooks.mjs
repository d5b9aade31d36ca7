// Node module-resolution hooks (module.register) for a project's backend definition that Sandlot loads:
// `redirects` maps exact specifiers to URLs (@aws-amplify/backend -> Sandlot's definition API);
// `fallbacks` lists bare specifiers (or prefixes ending in '/') that, when the project cannot resolve
// them, resolve from Sandlot's own install instead (projects may have no node_modules at all).
// Plain JavaScript: hooks run on Node's loader thread, before any TypeScript support.
let redirects = {};
let fallbacks = [];
let fallbackParent;

export async function initialize(data) {
  redirects = { ...redirects, ...(data?.redirects ?? {}) };
  fallbacks = [...new Set([...fallbacks, ...(data?.fallbacks ?? [])])];
  fallbackParent = data?.fallbackParent ?? fallbackParent;
}

const matchesFallback = (specifier) => fallbacks.some((f) => (f.endsWith('/') ? specifier.startsWith(f) : specifier === f || specifier.startsWith(f + '/')));

export async function resolve(specifier, context, nextResolve) {
  if (Object.hasOwn(redirects, specifier)) return { url: redirects[specifier], shortCircuit: true };
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    if (fallbackParent && err?.code === 'ERR_MODULE_NOT_FOUND' && matchesFallback(specifier)) {
      return nextResolve(specifier, { ...context, parentURL: fallbackParent });
    }
    throw err;
  }
}
