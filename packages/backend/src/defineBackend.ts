import { registry, warnUnsupported, type ResourceDefinition } from './registry.js';
import { BackendDefinitionError } from './errors.js';

/** A CDK escape hatch Sandlot cannot honour: any use records an unsupported warning, never a crash. */
function escapeHatch(path: string): unknown {
  return new Proxy(function () {}, {
    get: (_t, prop) => (prop === Symbol.toPrimitive ? () => path : typeof prop === 'symbol' ? undefined : escapeHatch(`${path}.${String(prop)}`)),
    apply: () => {
      warnUnsupported(`${path}() (CDK escape hatch)`);
      return escapeHatch(`${path}()`);
    },
    set: () => {
      warnUnsupported(`setting ${path} (CDK escape hatch)`);
      return true;
    },
  });
}

/**
 * `defineBackend({ auth, data, storage })`: registers the resources of this load. Returns an object
 * shaped like the real backend for the calls apps make (`addOutput`, `resources`, `createStack`).
 */
export function defineBackend<T extends Record<string, ResourceDefinition>>(resources: T) {
  const r = registry();
  if (r.current) {
    throw new BackendDefinitionError('MultipleDefineBackendError', 'defineBackend was called more than once.', 'Call defineBackend once, in amplify/backend.ts.');
  }
  const storages = Object.values(resources).filter((x) => x?.kind === 'storage');
  if (storages.length > 1 && storages.filter((s) => (s.props as { isDefault?: boolean }).isDefault).length !== 1) {
    const defaults = storages.filter((s) => (s.props as { isDefault?: boolean }).isDefault).length;
    throw defaults === 0
      ? new BackendDefinitionError('NoDefaultStorageError', 'No default storage set in the Amplify project.', 'Add `isDefault: true` to one of the storage definitions.')
      : new BackendDefinitionError('MultipleDefaultStorageError', 'More than one default storage set in the Amplify project.', 'Remove `isDefault: true` from all the storage definitions except one.');
  }
  for (const [key, value] of Object.entries(resources)) {
    if (!value || typeof value !== 'object' || !('kind' in value)) warnUnsupported(`defineBackend resource '${key}' (not a defineAuth/defineData/defineStorage result)`);
  }
  const record = { resources: resources as Record<string, ResourceDefinition>, outputs: [] as Record<string, unknown>[], warnings: r.warnings };
  r.current = record;
  const backend = {
    resources: escapeHatch('backend.resources'),
    addOutput: (output: Record<string, unknown>) => void record.outputs.push(output),
    createStack: (name: string) => {
      warnUnsupported(`backend.createStack('${name}') (custom CDK stacks)`);
      return escapeHatch(`stack ${name}`);
    },
    stack: escapeHatch('backend.stack'),
  } as Record<string, unknown>;
  for (const key of Object.keys(resources)) backend[key] = { resources: escapeHatch(`backend.${key}.resources`), stack: escapeHatch(`backend.${key}.stack`) };
  return backend as { addOutput(o: Record<string, unknown>): void; createStack(name: string): unknown } & Record<keyof T, { resources: any; stack: any }> & { resources: any; stack: any };
}
