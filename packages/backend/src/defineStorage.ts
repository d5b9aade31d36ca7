import { callerLocation, warnUnsupported, type ResourceDefinition } from './registry.js';
import { invalidOption } from './errors.js';

export type StorageAction = 'read' | 'get' | 'list' | 'write' | 'delete';

/** One access grant, as the real `allow` builder records it. */
export interface StorageAccessGrant {
  who: 'guest' | 'authenticated' | 'groups' | 'entity' | 'resource';
  groups?: string[];
  entity?: 'identity';
  actions: StorageAction[];
}

type To = { to(actions: StorageAction[]): StorageAccessGrant };

export interface StorageAllow {
  guest: To;
  authenticated: To;
  groups(groups: string[]): To;
  entity(entity: 'identity'): To;
  resource(resource: unknown): To;
}

export interface StorageProps {
  name: string;
  isDefault?: boolean;
  versioned?: boolean;
  access?: (allow: StorageAllow) => Record<string, StorageAccessGrant[]>;
  triggers?: Record<string, unknown>;
}

export interface StorageDefinitionProps extends StorageProps {
  /** `access` evaluated: path → grants. */
  rules: Record<string, StorageAccessGrant[]>;
}

export type StorageDefinition = ResourceDefinition<'storage', StorageDefinitionProps>;

const ACTIONS: StorageAction[] = ['read', 'get', 'list', 'write', 'delete'];

const allow: StorageAllow = {
  guest: { to: (actions) => ({ who: 'guest', actions }) },
  authenticated: { to: (actions) => ({ who: 'authenticated', actions }) },
  groups: (groups) => ({ to: (actions) => ({ who: 'groups', groups, actions }) }),
  entity: (entity) => ({ to: (actions) => ({ who: 'entity', entity, actions }) }),
  resource: () => ({ to: (actions) => ({ who: 'resource', actions }) }),
};

/** Path rules of amplify-backend's storage access validation. */
function validatePath(path: string): string | undefined {
  if (path.startsWith('/')) return 'must not start with /';
  if (!path.endsWith('/*')) return 'must end with /*';
  if (path.includes('//')) return 'must not contain //';
  const entity = path.split('{entity_id}').length - 1;
  if (entity > 1) return 'may use {entity_id} only once';
  if (entity === 1 && !path.endsWith('/{entity_id}/*')) return 'may use {entity_id} only as the last folder before /*';
  if (/[{}]/.test(path.replace('{entity_id}', ''))) return 'has a placeholder other than {entity_id}';
  return undefined;
}

/** `defineStorage`: validates the bucket's name and access rules and records them. */
export function defineStorage(props: StorageProps): StorageDefinition {
  const where = 'defineStorage';
  if (!props || typeof props.name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(props.name)) {
    throw invalidOption(where, 'name', `is ${JSON.stringify(props?.name)}`, "Give the storage a name of letters, digits, - or _, e.g. defineStorage({ name: 'myStorage' }).");
  }
  const rules = props.access ? props.access(allow) : {};
  for (const [path, grants] of Object.entries(rules ?? {})) {
    const problem = validatePath(path);
    if (problem) throw invalidOption(where, `access path '${path}'`, problem, "Write paths like 'pictures/*' or 'private/{entity_id}/*'.");
    for (const g of grants) {
      const bad = g.actions.find((a) => !ACTIONS.includes(a));
      if (bad) throw invalidOption(where, `access '${path}'`, `has the action ${JSON.stringify(bad)}`, `Use ${ACTIONS.join(', ')}.`);
      if (g.who === 'entity' && !path.includes('{entity_id}')) {
        throw invalidOption(where, `access '${path}'`, "grants allow.entity('identity') on a path without {entity_id}", "Add {entity_id} to the path, e.g. 'private/{entity_id}/*'.");
      }
      if (g.who === 'resource') warnUnsupported(`defineStorage access allow.resource(...) on '${path}' (function access)`);
    }
  }
  if (props.triggers && Object.keys(props.triggers).length) warnUnsupported('defineStorage triggers');
  if (props.versioned) warnUnsupported('defineStorage versioned');
  return Object.freeze({ kind: 'storage' as const, props: { ...props, rules }, definedAt: callerLocation() });
}
