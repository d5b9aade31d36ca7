import type { SealedBox } from '../crypto/sealedBox.js';
import type { Clock } from '../clock.js';
import type { DataConfig } from './config.js';
import { buildApi } from './schema/buildApi.js';
import { parseModels } from './model/parseModels.js';
import { isScalarLike, type ModelDef } from './model/types.js';
import { fitsScalar } from './schema/scalars.js';
import { storedConfig, loadConfig, type AppSyncServices } from './services.js';
import { encodeKey, type Doc, type ItemStore } from './store.js';
import type { DataApi } from './resolvers/context.js';

export class DataSchemaMigrationError extends Error {
  override name = 'DataSchemaMigrationError';
}

/**
 * Creates or updates the local API from its config — idempotent, as a redeploy. The executable schema is
 * rebuilt and the stored rows migrated in one transaction: removed models and fields are dropped, added
 * fields with a default are filled, values that no longer fit their type are dropped (rows whose key no
 * longer fits are dropped), and a required field without default that existing rows lack is an error
 * naming model and field (nothing is changed then).
 */
export function applyDataConfig(services: { appsync: AppSyncServices; box: SealedBox; clock: Clock }, config: DataConfig): DataApi {
  const api = buildApi(config);
  const { store } = services.appsync;
  const previous = store.getApi(config.apiId);
  const before = previous ? safeModels(loadConfig(previous.config, previous.sealedApiKey, services.box).schemaSdl) : undefined;
  const { json, sealedKey } = storedConfig(config, services.box);
  store.transaction(() => {
    for (const name of store.storedModels(config.apiId)) if (!api.set.models.has(name)) store.dropModel(config.apiId, name);
    for (const m of api.set.models.values()) migrateModel(store, config.apiId, m, before?.get(m.name), api.set.enums);
    store.putApi(config.apiId, json, sealedKey, services.clock.now().getTime());
  });
  services.appsync.apis.set(config.apiId, api);
  services.appsync.setCurrent(config.apiId);
  return api;
}

function safeModels(sdl: string): Map<string, ModelDef> | undefined {
  try {
    return parseModels(sdl).models;
  } catch {
    return undefined;
  }
}

function migrateModel(store: ItemStore, apiId: string, m: ModelDef, old: ModelDef | undefined, enums: Map<string, string[]>): void {
  if (store.count(apiId, m.name) === 0) return;
  const rows = store.all(apiId, m.name);
  const keep = new Set([...m.fields.values()].filter(isScalarLike).map((f) => f.name).concat('__typename'));
  const fits = (type: string, kind: string, v: unknown) => (kind === 'enum' ? v === null || enums.get(type)?.includes(v as string) : kind === 'nonModel' ? typeof v === 'object' : fitsScalar(type, v));
  for (const row of rows) {
    const doc: Doc = {};
    let drop = false;
    for (const [k, v] of Object.entries(row.doc)) if (keep.has(k)) doc[k] = v;
    for (const f of m.fields.values()) {
      if (!isScalarLike(f)) continue;
      const v = doc[f.name];
      if (v !== undefined && v !== null) {
        const values = f.type.list ? (Array.isArray(v) ? v : [undefined]) : [v];
        if (!values.every((x) => x !== undefined && fits(f.type.name, f.kind, x))) {
          if (f.type.required) drop = true;
          delete doc[f.name];
        }
      }
      if ((doc[f.name] === undefined || doc[f.name] === null) && f.type.required && !f.implicit) {
        if (f.defaultValue !== undefined) doc[f.name] = f.defaultValue;
        else if (!drop) {
          const added = !old?.fields.has(f.name);
          throw new DataSchemaMigrationError(
            `${m.name}.${f.name} is ${added ? 'a new required field' : 'now required'} without a default, but existing ${m.name} rows have no value for it. Give it a default (.default(…)), make it optional, or delete those rows.`,
          );
        }
      }
    }
    if (m.primaryKey.some((k) => doc[k] === undefined || doc[k] === null)) drop = true;
    const pk = encodeKey(m.primaryKey.map((k) => doc[k]));
    if (drop) {
      store.delete(apiId, m.name, row.pk);
      continue;
    }
    if (pk !== row.pk) store.delete(apiId, m.name, row.pk);
    if (pk !== row.pk || JSON.stringify(doc) !== JSON.stringify(row.doc)) store.replace(apiId, m.name, pk, doc);
  }
}
