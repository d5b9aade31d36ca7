import { createLogger, type Logger } from './logger.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase } from './store/database.js';
import { loadMasterKey } from './crypto/masterKey.js';
import { createSealedBox } from './crypto/sealedBox.js';
import { createPageTokens } from './crypto/pageTokens.js';
import { rootCredentials } from './iam/credentials.js';
import { createKeyring } from './iam/keyring.js';
import { createParameterStore } from './ssm/store.js';
import type { CloudServices } from './services.js';

/** What every local cloud is built from. */
export interface CoreOptions {
  /** SQLite file of this sandbox (`:memory:` for throw-away clouds). */
  databaseFile: string;
  /** The local account (one per `--profile`); names the root keys. */
  account?: string;
  region?: string;
  accountId?: string;
  /** Defaults to the user's key in the Sandlot config folder. */
  masterKey?: Buffer;
  clock?: Clock;
  logger?: Logger;
}

/** The services every local cloud shares, before any service's own stores exist (Parameter Store aside). */
export type CoreServices = Omit<CloudServices, 'stacks' | 'cognito' | 'identityPools' | 'appsync' | 'objects' | 'objectAccess'>;

/**
 * The shared part of the composition root: clock, logger, database, key, credentials, and the
 * Parameter Store (built on first use). `createCloud` adds the other services on top; the secret
 * commands use it alone (`localSsm.ts`), so they never load the code of the other services.
 */
export function createCoreServices(o: CoreOptions): CoreServices {
  const logger = o.logger ?? createLogger('warn', (line) => process.stderr.write(line + '\n'));
  const clock = o.clock ?? systemClock();
  const masterKey = o.masterKey ?? loadMasterKey();
  const box = createSealedBox(masterKey);
  const db = openDatabase(o.databaseFile);
  const accountId = o.accountId ?? '000000000000';
  const root = rootCredentials(masterKey, o.account ?? 'default');
  const services = {
    clock,
    logger,
    db,
    box,
    tokens: createPageTokens(box),
    region: o.region ?? 'us-east-1',
    accountId,
    rootCredentials: root,
    credentials: createKeyring(root, accountId),
  } as CoreServices;
  lazy(services, 'parameters', () => createParameterStore(db, box, clock));
  return services;
}

/** Defines `bag[key]` as a value built on first read. */
export function lazy<T extends object, K extends keyof T>(bag: T, key: K, build: () => T[K]): void {
  let value: T[K] | undefined;
  Object.defineProperty(bag, key, { enumerable: true, get: () => (value ??= build()) });
}
