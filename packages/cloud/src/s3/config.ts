import { ServiceError } from '../http/serviceError.js';

/** `storage.buckets[].paths[path]` rule keys of amplify_outputs 1.2+ and the actions they grant. */
export type StorageAction = 'read' | 'get' | 'list' | 'write' | 'delete';

/**
 * Rule keys exactly as the real tool writes them: `guest`, `authenticated`, `groups<Name>`,
 * `entity<id>` (e.g. `entityidentity`), `resource` (function access: nobody calls S3 as a function here).
 */
export type StorageAccessRule = {
  guest?: StorageAction[];
  authenticated?: StorageAction[];
  resource?: StorageAction[];
} & { [key: `groups${string}`]: StorageAction[] } & { [key: `entity${string}`]: StorageAction[] };

/** One `defineStorage` bucket: the same object feeds `storage.buckets[]` of the outputs and enforcement. */
export interface StorageBucketConfig {
  /** The friendly name (`defineStorage({ name })`), what `options.bucket` names in aws-amplify. */
  name: string;
  /** Physical bucket name (the `bucket_name` of the outputs). */
  bucketName: string;
  isDefault?: boolean;
  region?: string;
  /**
   * S3 prefix → rule. Keys are as in amplify_outputs (`private/${cognito-identity.amazonaws.com:sub}/*`);
   * the `defineStorage` form `private/{entity_id}/*` is accepted too.
   */
  paths: Record<string, StorageAccessRule>;
}

export interface StorageConfig {
  buckets: StorageBucketConfig[];
}

export const IDENTITY_VARIABLE = '${cognito-identity.amazonaws.com:sub}';
const ACTIONS = new Set<StorageAction>(['read', 'get', 'list', 'write', 'delete']);
const RULE_KEY = /^(guest|authenticated|resource|groups.+|entity.+)$/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

class InvalidStorageConfig extends ServiceError {
  constructor(message: string) {
    super('InvalidStorageConfig', message);
  }
}

export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name) && !name.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}

/** Refuses a config the real tool could not have produced, naming the field. */
export function assertStorageConfig(config: StorageConfig): void {
  if (!config || !Array.isArray(config.buckets)) throw new InvalidStorageConfig('StorageConfig.buckets must be an array.');
  const defaults = config.buckets.filter((b) => b.isDefault).length;
  if (config.buckets.length > 1 && defaults !== 1) {
    throw new InvalidStorageConfig(`Exactly one storage bucket must be isDefault when there are several (found ${defaults}).`);
  }
  const seen = new Set<string>();
  for (const b of config.buckets) {
    if (typeof b.name !== 'string' || !b.name) throw new InvalidStorageConfig('Every storage bucket needs a name.');
    if (!isValidBucketName(b.bucketName)) throw new InvalidStorageConfig(`Bucket name ${JSON.stringify(b.bucketName)} of storage ${b.name} is not a valid S3 bucket name.`);
    if (seen.has(b.bucketName)) throw new InvalidStorageConfig(`Bucket ${b.bucketName} is configured twice.`);
    seen.add(b.bucketName);
    for (const [path, rule] of Object.entries(b.paths ?? {})) {
      if (path.startsWith('/') || !path.endsWith('*')) throw new InvalidStorageConfig(`Storage path ${JSON.stringify(path)} of ${b.name} must not start with / and must end with *.`);
      for (const [key, actions] of Object.entries(rule ?? {})) {
        if (!RULE_KEY.test(key)) throw new InvalidStorageConfig(`Storage path ${path} of ${b.name} has an unknown rule key ${JSON.stringify(key)}.`);
        if (!Array.isArray(actions) || actions.some((a) => !ACTIONS.has(a as StorageAction))) {
          throw new InvalidStorageConfig(`Storage path ${path} of ${b.name}: ${key} must list actions among ${[...ACTIONS].join(', ')}.`);
        }
      }
    }
  }
}
