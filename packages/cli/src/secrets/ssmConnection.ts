import { SSMClient } from '@aws-sdk/client-ssm';
import type { SandboxLocation } from '../project/sandboxLocation.js';
import { openInProcessCloud } from '../backendState/localCloudClients.js';

/** An SSM client and a way to release what it holds. */
export interface SsmConnection {
  ssm: SSMClient;
  close(): void;
}

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The SSM client the secret commands use. By default it is served in-process by the sandbox's local
 * cloud over its SQLite database (safe next to a running sandbox: SQLite serialises writers). With
 * `AWS_ENDPOINT_URL_SSM`/`AWS_ENDPOINT_URL` set, it is a plain SDK client of that endpoint (a running
 * Sandlot cloud, or real AWS with real credentials).
 */
export function openSsm(loc: SandboxLocation): SsmConnection {
  if (process.env.AWS_ENDPOINT_URL_SSM || process.env.AWS_ENDPOINT_URL) {
    const ssm = new SSMClient({ logger: quietLogger });
    return { ssm, close: () => ssm.destroy() };
  }
  const local = openInProcessCloud(loc, ['ssm']);
  const ssm = new SSMClient(local.clientConfig);
  return {
    ssm,
    close() {
      ssm.destroy();
      local.close();
    },
  };
}
