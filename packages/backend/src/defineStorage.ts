import { callerLocation, warnUnsupported, type ResourceDefinition } from './registry.js';
import { BackendDefinitionError, invalidOption } from './errors.js';
import { validateResourceName } from './resourceName.js';

export type StorageAction = 'read' | 'get' | 'list' | 'write' | 'delete';
export type StoragePath = `${string}/*`;

/** One access grant, as the real `allow` builder records it. */
export interface StorageAccessGrant {
  who: 'guest' | 'authenticated' | 'groups' | 'entity' | 'resource';
  groups?: string[];
  entity?: 'identity';
  actions: StorageAction[];
}

type ActionList = Exclude<StorageAction, 'get' | 'list'>[] | Exclude<StorageAction, 'read'>[];
type To = { to(actions: ActionList): StorageAccessGrant };

export interface StorageAllow {
  guest: To;
  authenticated: To;
  groups(groups: string[]): To;
  entity(entity: 'identity'): To;
  resource(resource: unknown): To;
}

export const STORAGE_TRIGGER_EVENTS = ['onDelete', 'onUpload'] as const;

export interface StorageProps {
  name: string;
  isDefault?: boolean;
  versioned?: boolean;
  keepOnDelete?: boolean;
  access?: (allow: StorageAllow) => Record<StoragePath, StorageAccessGrant[]>;
  triggers?: Partial<Record<(typeof STORAGE_TRIGGER_EVENTS)[number], unknown>>;
}

export interface StorageDefinitionProps extends StorageProps {
  /** `access` evaluated: path → grants. */
  rules: Record<string, StorageAccessGrant[]>;
}

export type StorageDefinition = ResourceDefinition<'storage', StorageDefinitionProps>;

export const STORAGE_ACTIONS: StorageAction[] = ['read', 'get', 'list', 'write', 'delete'];
export const ENTITY_ID_TOKEN = '{entity_id}';
const WHERE = 'defineStorage';

const allow: StorageAllow = {
  guest: { to: (actions) => ({ who: 'guest', actions }) },
  authenticated: { to: (actions) => ({ who: 'authenticated', actions }) },
  groups: (groups) => ({ to: (actions) => ({ who: 'groups', groups, actions }) }),
  entity: (entity) => ({ to: (actions) => ({ who: 'entity', entity, actions }) }),
  resource: () => ({ to: (actions) => ({ who: 'resource', actions }) }),
};

const pathError = (message: string, resolution = 'Update all paths to match the format requirements.') =>
  new BackendDefinitionError('InvalidStorageAccessPathError', `${WHERE}: ${message}`, resolution);

/** Other access paths that are a prefix of `path` (wildcards ignored), as amplify-backend computes them. */
const prefixesOf = (path: string, all: string[]) => all.filter((p) => p !== path && path.startsWith(p.replaceAll('*', '')));

/** amplify-backend's storage access path rules (`validate_storage_access_paths.ts`), same messages. */
function validatePath(path: string, all: string[]): void {
  if (path.startsWith('/')) throw pathError(`Storage access paths must not start with "/". Found [${path}].`);
  if (!path.endsWith('/*')) throw pathError(`Storage access paths must end with "/*". Found [${path}].`);
  if (path.includes('//')) throw pathError(`Path cannot contain "//". Found [${path}].`);
  if (path.indexOf('*') < path.length - 1) throw pathError(`Wildcards are only allowed as the final part of a path. Found [${path}].`, 'Remove all wildcards that are not the final part of the path.');
  const prefixes = prefixesOf(path, all);
  const prefixResolution = 'Update the storage access paths such that any given path has at most one other path that is a prefix.';
  if (prefixes.length > 1) throw pathError(`For any given path, only one other path can be a prefix of it. Found [${path}] which has prefixes [${prefixes.join(', ')}].`, prefixResolution);
  if (!path.includes(ENTITY_ID_TOKEN)) return;
  if (prefixes.length > 0) throw pathError(`A path cannot be a prefix of another path that contains the ${ENTITY_ID_TOKEN} token. Found [${path}] which has prefixes [${prefixes.join(', ')}].`, prefixResolution);
  const parts = path.split(ENTITY_ID_TOKEN);
  if (parts.length > 2) throw pathError(`The ${ENTITY_ID_TOKEN} token can only appear once in a path. Found [${path}]`, `Remove all but one occurrence of the ${ENTITY_ID_TOKEN} token`);
  const [before, after] = parts as [string, string];
  if (after !== '/*') throw pathError(`The ${ENTITY_ID_TOKEN} token must be the path part right before the ending wildcard. Found [${path}].`, `Update the path such that the owner token is the last path part before the ending wildcard. For example: "foo/bar/${ENTITY_ID_TOKEN}/*.`);
  if (before === '') throw pathError(`The ${ENTITY_ID_TOKEN} token must not be the first path part. Found [${path}].`, `Add an additional prefix to the path. For example: "foo/${ENTITY_ID_TOKEN}/*.`);
  if (!before.endsWith('/')) throw pathError(`A path part that includes the ${ENTITY_ID_TOKEN} token cannot include any other characters. Found [${path}].`, `Remove all other characters from the path part with the ${ENTITY_ID_TOKEN} token. For example: "foo/${ENTITY_ID_TOKEN}/*"`);
}

/** The ids the real access builder uses to refuse two rules for the same principal on one path. */
export const ruleKeys = (g: StorageAccessGrant): string[] =>
  g.who === 'groups' ? (g.groups ?? []).map((name) => `groups${name}`) : g.who === 'entity' ? [`entity${g.entity}`] : g.who === 'resource' ? [] : [g.who];

function validateGrants(path: string, grants: unknown): void {
  if (!Array.isArray(grants)) throw invalidOption(WHERE, `access['${path}']`, 'must be a list of allow rules', `Write '${path}': [allow.authenticated.to(['read'])].`);
  const seen = new Set<string>();
  for (const g of grants as StorageAccessGrant[]) {
    if (!g || typeof g !== 'object' || !Array.isArray(g.actions)) throw invalidOption(WHERE, `access['${path}']`, 'has an entry that is not an allow rule', "Build each rule with allow.<who>.to([...]).");
    const bad = g.actions.find((a) => !STORAGE_ACTIONS.includes(a));
    if (bad !== undefined) throw invalidOption(WHERE, `access['${path}']`, `has the action ${JSON.stringify(bad)}`, `Use ${STORAGE_ACTIONS.join(', ')}.`);
    if (g.actions.length === 0) throw invalidOption(WHERE, `access['${path}']`, 'has a rule with no actions', 'Give at least one action.');
    if (g.actions.includes('read') && (g.actions.includes('get') || g.actions.includes('list'))) {
      throw invalidOption(WHERE, `access['${path}']`, "mixes 'read' with 'get' or 'list'", "'read' is 'get' + 'list': use either 'read' or 'get'/'list'.");
    }
    if (g.who === 'groups' && (!Array.isArray(g.groups) || g.groups.length === 0 || g.groups.some((n) => typeof n !== 'string' || n === ''))) {
      throw invalidOption(WHERE, `access['${path}'] allow.groups`, 'needs a non-empty list of group names', "Write allow.groups(['admin']).to([...]).");
    }
    if (g.who === 'entity' && g.entity !== 'identity') throw invalidOption(WHERE, `access['${path}'] allow.entity`, `is ${JSON.stringify(g.entity)}`, "Use allow.entity('identity').");
    for (const key of ruleKeys(g)) {
      if (seen.has(key)) {
        const who = key.startsWith('groups') ? `Group access definition for ${key.slice('groups'.length)}` : `Entity access definition for ${key === 'entityidentity' ? 'identity' : `${key} users`}`;
        throw new BackendDefinitionError('InvalidStorageAccessDefinitionError', `${WHERE}: ${who} specified multiple times (path '${path}').`, 'Combine all access definitions for it on a single path into one access rule.');
      }
      seen.add(key);
    }
    if (g.who === 'resource') warnUnsupported(`defineStorage access allow.resource(...) on '${path}' (function access)`);
  }
}

/** `defineStorage`: validates the bucket's name, options and access rules and records them. */
export function defineStorage(props: StorageProps): StorageDefinition {
  if (!props || typeof props !== 'object') throw invalidOption(WHERE, 'props', 'must be an object', "Call defineStorage({ name: 'myStorage' }).");
  if (props.name === undefined) throw invalidOption(WHERE, 'name', 'is missing', "Give the storage a name, e.g. defineStorage({ name: 'myStorage' }).");
  validateResourceName(WHERE, props.name);
  for (const k of ['isDefault', 'versioned', 'keepOnDelete'] as const) {
    if (props[k] !== undefined && typeof props[k] !== 'boolean') throw invalidOption(WHERE, k, `is ${JSON.stringify(props[k])}`, 'Use true or false.');
  }
  if (props.access !== undefined && typeof props.access !== 'function') throw invalidOption(WHERE, 'access', 'must be a function', "Write access: (allow) => ({ 'public/*': [allow.guest.to(['read'])] }).");
  const rules = (props.access ? props.access(allow) : {}) as Record<string, StorageAccessGrant[]>;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) throw invalidOption(WHERE, 'access', 'must return an object of path → rules', "Return { 'public/*': [allow.guest.to(['read'])] }.");
  const paths = Object.keys(rules);
  for (const path of paths) {
    validatePath(path, paths);
    validateGrants(path, rules[path]);
  }
  if (props.triggers !== undefined) {
    const bad = Object.keys(props.triggers).find((k) => !(STORAGE_TRIGGER_EVENTS as readonly string[]).includes(k));
    if (bad) throw invalidOption(WHERE, `triggers.${bad}`, 'is not a storage trigger', `Use ${STORAGE_TRIGGER_EVENTS.join(' or ')}.`);
    if (Object.keys(props.triggers).length) warnUnsupported(`defineStorage triggers (${Object.keys(props.triggers).join(', ')})`);
  }
  if (props.versioned) warnUnsupported('defineStorage versioned (object versions)');
  if (props.keepOnDelete) warnUnsupported('defineStorage keepOnDelete (sandbox delete removes the local bucket)');
  return Object.freeze({ kind: 'storage' as const, props: { ...props, rules }, definedAt: callerLocation() });
}
