import { SecretClient } from './secretClient.js';
import { openSsm } from './ssmConnection.js';
import { resolveSandbox, type SandboxGlobalArgs } from '../commands/sandboxTarget.js';

/** Runs `fn` with a secret client for the sandbox the arguments name, releasing it afterwards. */
export async function withSecretClient<T>(args: SandboxGlobalArgs, fn: (client: SecretClient) => Promise<T>): Promise<T> {
  const loc = resolveSandbox(args);
  const conn = await openSsm(loc);
  try {
    return await fn(new SecretClient(conn.ssm, loc.id));
  } finally {
    conn.close();
  }
}
