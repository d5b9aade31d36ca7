import { createCoreServices, lazy, type CoreOptions } from './coreServices.js';
import { ssmService } from './ssm/index.js';
import { cloudFormationService, createStackStore } from './cloudformation/index.js';
import { cognitoHttpRoutes, cognitoService, createCognitoServices, applyUserPoolConfig, type UserPoolConfig } from './cognito/index.js';
import { applyIdentityPoolConfig, createIdentityStore, identityService, type IdentityPoolConfig } from './identity/index.js';
import { appsyncRealtime, appsyncService, createAppSyncServices } from './appsync/index.js';
import { createRouter, type Router } from './http/router.js';
import { listen, type RunningServer, type UpgradeHandler } from './http/nodeServer.js';
import type { CloudServices } from './services.js';
import type { ServiceModule } from './http/serviceModule.js';
import { clockRoute } from './sandlot/clockRoute.js';
import { applyStorageConfig, createAccessGate, createObjectStore, s3Service, type StorageConfig } from './s3/index.js';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';

export interface CloudOptions extends CoreOptions {
  /** Serve only these services (default: all). The secret commands use `['ssm']` to start in milliseconds. */
  services?: ServiceName[];
  /** User pools / identity pools to create or update at start (existing users are kept). */
  userPools?: UserPoolConfig[];
  identityPools?: IdentityPoolConfig[];
  /** Folder of S3 object bodies (default: `objects/` next to the database file). */
  objectsDir?: string;
  /** `defineStorage` buckets and access rules to create or update at start (objects are kept). */
  storage?: StorageConfig;
}

export type ServiceName = 'ssm' | 'cloudformation' | 'cognito' | 'identity' | 'appsync' | 's3';

export interface Cloud {
  services: CloudServices;
  router: Router;
  /** Serve over HTTP on loopback (port 0 = any free port). */
  listen(port?: number, host?: string): Promise<RunningServer>;
  close(): void;
}

/** The composition root: the only place the local cloud's services are constructed. */
export function createCloud(o: CloudOptions): Cloud {
  const services = createCoreServices(o) as CloudServices;
  const { logger, clock, db, box } = services;
  // Stores are built on first use, so a process serving one service never pays for the others.
  lazy(services, 'stacks', () => createStackStore(db));
  lazy(services, 'cognito', () => createCognitoServices(services));
  lazy(services, 'identityPools', () => createIdentityStore(db, box, clock, services.credentials));
  lazy(services, 'appsync', () => createAppSyncServices({ db, box, logger }));
  const objectsDir = o.objectsDir ?? (o.databaseFile === ':memory:' ? join(tmpdir(), `sandlot-objects-${randomBytes(6).toString('hex')}`) : join(dirname(o.databaseFile), 'objects'));
  lazy(services, 'objects', () => createObjectStore(db, objectsDir));
  lazy(services, 'objectAccess', () => createAccessGate(services.credentials, () => services.objects));

  const enabled = (name: ServiceName) => !o.services || o.services.includes(name);
  const modules: ServiceModule[] = [clockRoute(clock)];
  if (enabled('ssm')) modules.push(ssmService(services));
  if (enabled('cloudformation')) modules.push(cloudFormationService(services));
  if (enabled('cognito')) {
    modules.push(cognitoService(services), cognitoHttpRoutes(() => services.cognito));
    for (const pool of o.userPools ?? []) applyUserPoolConfig(services, pool);
  }
  if (enabled('identity')) {
    modules.push(identityService(services)); // builds the store now: issued keys go back into the key ring
    for (const pool of o.identityPools ?? []) applyIdentityPoolConfig(services, pool);
  }
  const upgrades: UpgradeHandler[] = [];
  if (enabled('appsync')) {
    modules.push(appsyncService(services));
    upgrades.push(appsyncRealtime(services));
  }
  // S3 is the REST catch-all: keep it last.
  if (enabled('s3')) {
    modules.push(s3Service(services));
    if (o.storage) applyStorageConfig(services, o.storage);
  }
  const router = createRouter(logger, modules);
  return {
    services,
    router,
    listen: (port = 0, host = '127.0.0.1') => listen(router, port, host, upgrades),
    close: () => db.close(),
  };
}
