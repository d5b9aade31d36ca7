import type { StorageAccessGrant, StorageDefinitionProps } from '@sandlot/backend';
import type { ResourceIds } from '../resourceIds.js';

export type OutputAction = 'get' | 'list' | 'write' | 'delete';
/** `storage.buckets[].paths` of amplify_outputs 1.2+: S3 prefix → rule key → actions. */
export type StoragePaths = Record<string, Record<string, OutputAction[]>>;

export interface StorageBucketSynth {
  name: string;
  bucketName: string;
  isDefault: boolean;
  paths: StoragePaths;
}

const ENTITY = '${cognito-identity.amazonaws.com:sub}';

const ruleKey = (g: StorageAccessGrant): string[] =>
  g.who === 'groups' ? (g.groups ?? []).map((name) => `groups${name}`) : g.who === 'entity' ? [`entity${g.entity}`] : [g.who];

/**
 * The paths block the real tool writes (storage_access_orchestrator / storage_outputs_aspect):
 * `{entity_id}` becomes the identity variable for entity rules and `*` for the others, a trailing
 * `/*\/*` collapses to `/*`, and `read` expands to `get` + `list`.
 */
export function storagePaths(rules: Record<string, StorageAccessGrant[]>): StoragePaths {
  const out: StoragePaths = {};
  for (const [path, grants] of Object.entries(rules)) {
    for (const g of grants) {
      const prefix = path.replace('{entity_id}', g.who === 'entity' ? ENTITY : '*').replace(/\/\*\/\*$/, '/*');
      const actions = g.actions.flatMap((a) => (a === 'read' ? (['get', 'list'] as const) : [a]));
      for (const key of ruleKey(g)) {
        const entry = (out[prefix] ??= {});
        entry[key] = [...new Set([...(entry[key] ?? []), ...actions])] as OutputAction[];
      }
    }
  }
  return out;
}

export function synthStorage(storages: StorageDefinitionProps[], ids: ResourceIds, region: string): { buckets: StorageBucketSynth[]; payload: Record<string, string> } {
  const buckets = storages.map((s) => ({ name: s.name, bucketName: ids.bucketName(s.name), isDefault: storages.length === 1 || Boolean(s.isDefault), paths: storagePaths(s.rules) }));
  const main = buckets.find((b) => b.isDefault) ?? buckets[0]!;
  return {
    buckets,
    payload: {
      bucketName: main.bucketName,
      storageRegion: region,
      buckets: JSON.stringify(buckets.map((b) => JSON.stringify({ name: b.name, bucketName: b.bucketName, storageRegion: region, paths: b.paths }))),
    },
  };
}
