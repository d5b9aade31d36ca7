import { ensureStateDir, type SandboxLocation } from '../project/sandboxLocation.js';
import type { SsmCaller } from './ssmCaller.js';

/** The SSM the secret commands call, and a way to release what it holds. */
export interface SsmConnection {
  ssm: SsmCaller;
  close(): void;
}

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The SSM the secret commands use. By default it is the sandbox's local Parameter Store called
 * in-process over its SQLite database (safe next to a running sandbox: SQLite serialises writers),
 * loading only SSM's code. With `AWS_ENDPOINT_URL_SSM`/`AWS_ENDPOINT_URL` set, it is a plain SDK
 * client of that endpoint (a running Sandlot cloud, or real AWS with real credentials).
 */
export async function openSsm(loc: SandboxLocation): Promise<SsmConnection> {
  if (process.env.AWS_ENDPOINT_URL_SSM || process.env.AWS_ENDPOINT_URL) {
    const [{ SSMClient }, { sdkSsmCaller }] = await Promise.all([import('@aws-sdk/client-ssm'), import('./ssmCaller.js')]);
    const client = new SSMClient({ logger: quietLogger });
    return { ssm: sdkSsmCaller(client), close: () => client.destroy() };
  }
  ensureStateDir(loc);
  const { openLocalSsm } = await import('@sandlot/cloud/localSsm.js');
  const local = openLocalSsm({ databaseFile: loc.databaseFile, account: loc.account });
  return { ssm: local, close: () => local.close() };
}
