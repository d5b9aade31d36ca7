import type { Database } from '../store/database.js';
import type { SealedBox } from '../crypto/sealedBox.js';
import type { Logger } from '../logger.js';
import type { DataConfig } from './config.js';
import { createItemStore, type ItemStore } from './store.js';
import { createPubSub, type PubSub } from './realtime/pubsub.js';
import { buildApi } from './schema/buildApi.js';
import type { DataApi } from './resolvers/context.js';

/** The local AppSync's state: the row store, live subscriptions, and the built APIs (the newest one is served). */
export interface AppSyncServices {
  store: ItemStore;
  pubsub: PubSub;
  apis: Map<string, DataApi>;
  /** The API `POST /graphql` serves: the one applied last. */
  current(): DataApi | undefined;
  setCurrent(apiId: string): void;
}

const sealContext = (apiId: string) => `appsync:api-key:${apiId}`;

/** Stored form of a config: the API key sealed, never in clear on disk. */
export function storedConfig(c: DataConfig, box: SealedBox): { json: string; sealedKey: Buffer | null } {
  const { apiKey, ...modes } = c.authorizationModes;
  const json = JSON.stringify({ ...c, authorizationModes: { ...modes, apiKeyExpiresAt: apiKey?.expiresAt } });
  return { json, sealedKey: apiKey ? box.seal(apiKey.key, sealContext(c.apiId)) : null };
}

function loadConfig(json: string, sealedKey: Buffer | undefined | null, box: SealedBox): DataConfig {
  const raw = JSON.parse(json) as DataConfig & { authorizationModes: { apiKeyExpiresAt?: string } };
  const { apiKeyExpiresAt, ...modes } = raw.authorizationModes;
  const config: DataConfig = { ...raw, authorizationModes: { ...modes } };
  if (sealedKey && apiKeyExpiresAt) config.authorizationModes.apiKey = { key: box.open(sealedKey, sealContext(raw.apiId)), expiresAt: new Date(apiKeyExpiresAt) };
  return config;
}

export function createAppSyncServices(s: { db: Database; box: SealedBox; logger: Logger }): AppSyncServices {
  const store = createItemStore(s.db);
  const apis = new Map<string, DataApi>();
  let current: string | undefined;
  // APIs applied by an earlier run of this sandbox are served again at start.
  for (const row of store.listApis()) {
    try {
      apis.set(row.apiId, buildApi(loadConfig(row.config, row.sealedApiKey, s.box)));
      current = row.apiId;
    } catch (e) {
      s.logger.warn(`appsync: stored API ${row.apiId} no longer builds: ${(e as Error).message}`);
    }
  }
  return {
    store,
    pubsub: createPubSub(),
    apis,
    current: () => (current ? apis.get(current) : undefined),
    setCurrent: (id) => void (current = id),
  };
}

export { loadConfig };
