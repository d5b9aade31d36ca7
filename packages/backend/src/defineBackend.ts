import { registry, warnUnsupported, type ResourceDefinition } from './registry.js';
import { BackendDefinitionError } from './errors.js';

/**
 * A CDK escape hatch Sandlot cannot honour (`backend.auth.resources.cfnResources…`, `createStack`):
 * reading goes on, and any use — a call, an assignment, or turning the value into text/JSON — records
 * an unsupported warning naming the path. Never a crash, never silently ignored.
 */
function escapeHatch(path: string): any {
  const used = (how: string) => warnUnsupported(`${how} ${path} (CDK escape hatch)`);
  return new Proxy(function () {}, {
    get: (_t, prop) => {
      if (prop === Symbol.toPrimitive) return () => (used('using'), `<unsupported: ${path}>`);
      if (prop === 'toJSON') return () => (used('using'), `<unsupported: ${path}>`);
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      return escapeHatch(`${path}.${prop}`);
    },
    apply: (_t, _this, args) => {
      used('calling');
      return escapeHatch(`${path}(${args.length ? '…' : ''})`);
    },
    construct: () => {
      used('constructing');
      return escapeHatch(`new ${path}(…)`);
    },
    set: (_t, prop) => {
      warnUnsupported(`setting ${path}.${String(prop)} (CDK escape hatch)`);
      return true;
    },
    deleteProperty: (_t, prop) => {
      warnUnsupported(`deleting ${path}.${String(prop)} (CDK escape hatch)`);
      return true;
    },
  });
}

const RESERVED = ['createStack', 'addOutput', 'stack'];

/** The part of a resource the app can reach after `defineBackend`: CDK objects, all escape hatches here. */
export interface BackendResource {
  resources: any;
  stack: any;
}

export type Backend<T> = { [K in keyof T]: BackendResource } & {
  /** Merged into `amplify_outputs.json` (version defaults to 1.4, as the real backend). */
  addOutput(clientConfigPart: Record<string, unknown>): void;
  /** Custom CDK stacks: recorded and reported as unsupported. */
  createStack(name: string): any;
  stack: any;
};

function checkSingletons(resources: Record<string, ResourceDefinition>): void {
  const of = (kind: string) => Object.values(resources).filter((r) => r?.kind === kind);
  if (of('auth').length > 1) {
    throw new BackendDefinitionError('MultipleSingletonResourcesError', 'Multiple `defineAuth` or `referenceAuth` calls are not allowed within an Amplify backend', 'Remove all but one `defineAuth` or `referenceAuth` call');
  }
  if (of('data').length > 1) {
    throw new BackendDefinitionError('MultipleSingletonResourcesError', 'Multiple `defineData` calls are not allowed within an Amplify backend', 'Remove all but one `defineData` call');
  }
  const storages = of('storage') as ResourceDefinition<'storage', { name: string; isDefault?: boolean }>[];
  const defaults = storages.filter((s) => s.props.isDefault).length;
  if (defaults > 1) {
    throw new BackendDefinitionError('MultipleDefaultStorageError', 'More than one default storage set in the Amplify project.', 'Remove `isDefault: true` from all `defineStorage` calls except for one in your Amplify project.');
  }
  if (storages.length > 1 && defaults === 0) {
    throw new BackendDefinitionError('NoDefaultStorageError', 'No default storage set in the Amplify project.', 'Add `isDefault: true` to one of the `defineStorage` calls in your Amplify project.');
  }
  const names = storages.map((s) => s.props.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new BackendDefinitionError('InvalidBackendDefinitionError', `defineBackend: two defineStorage calls are named '${twice}'.`, 'Give each storage its own name.');
}

/**
 * `defineBackend({ auth, data, storage })`: registers the resources of this load and returns an
 * object shaped like the real backend (`backend.<key>.resources`, `addOutput`, `createStack`, `stack`).
 */
export function defineBackend<T extends Record<string, ResourceDefinition>>(resources: T): Backend<T> {
  const r = registry();
  if (r.current) {
    throw new BackendDefinitionError('MultipleDefineBackendError', 'defineBackend was called more than once.', 'Call defineBackend once, in amplify/backend.ts.');
  }
  if (!resources || typeof resources !== 'object' || Array.isArray(resources)) {
    throw new BackendDefinitionError('InvalidBackendDefinitionError', 'defineBackend: expected an object of resources.', 'Call defineBackend({ auth, data, storage }).');
  }
  const reserved = Object.keys(resources).find((k) => RESERVED.includes(k));
  if (reserved) throw new BackendDefinitionError('InvalidBackendDefinitionError', `defineBackend: '${reserved}' cannot be a resource name.`, `Rename the resource; ${RESERVED.join(', ')} are the backend's own members.`);
  for (const [key, value] of Object.entries(resources)) {
    if (!value || typeof value !== 'object' || !('kind' in value)) {
      warnUnsupported(`defineBackend resource '${key}' (not a defineAuth/defineData/defineStorage result, e.g. defineFunction or referenceAuth)`);
    }
  }
  checkSingletons(resources);
  const record = { resources: resources as Record<string, ResourceDefinition>, outputs: [] as Record<string, unknown>[], warnings: r.warnings };
  r.current = record;
  const backend: Record<string, unknown> = {
    addOutput: (part: Record<string, unknown>) => {
      if (!part || typeof part !== 'object' || Array.isArray(part)) {
        throw new BackendDefinitionError('InvalidBackendDefinitionError', 'backend.addOutput: expected an object.', 'Pass part of amplify_outputs.json, e.g. backend.addOutput({ custom: { key: "value" } }).');
      }
      record.outputs.push({ ...part, version: part.version ?? '1.4' });
    },
    createStack: (name: string) => {
      warnUnsupported(`backend.createStack('${name}') (custom CDK stacks)`);
      return escapeHatch(`stack '${name}'`);
    },
    stack: escapeHatch('backend.stack'),
  };
  for (const key of Object.keys(resources)) backend[key] = { resources: escapeHatch(`backend.${key}.resources`), stack: escapeHatch(`backend.${key}.stack`) };
  return backend as Backend<T>;
}
