import { createCloud, InProcessHandler, type Cloud, type ServiceName } from '@sandlot/cloud';
import { ensureStateDir, type SandboxLocation } from '../project/sandboxLocation.js';

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * SDK client settings for the sandbox's local cloud served in-process over its database (no server
 * needed; safe beside a running sandbox). Pass them to any `@aws-sdk/client-*` constructor.
 */
export interface InProcessCloud {
  cloud: Cloud;
  clientConfig: {
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    requestHandler: InProcessHandler;
    endpoint: string;
    logger: typeof quietLogger;
    maxAttempts: number;
  };
  close(): void;
}

export function openInProcessCloud(loc: SandboxLocation, services: ServiceName[]): InProcessCloud {
  ensureStateDir(loc);
  const cloud = createCloud({ databaseFile: loc.databaseFile, account: loc.account, services });
  return {
    cloud,
    clientConfig: {
      region: cloud.services.region,
      credentials: cloud.services.rootCredentials,
      requestHandler: new InProcessHandler(cloud.router),
      // Any https URL: the in-process handler never opens a socket.
      endpoint: `https://local.sandlot.${cloud.services.region}.amazonaws.com`,
      logger: quietLogger,
      maxAttempts: 1,
    },
    close: () => cloud.close(),
  };
}
