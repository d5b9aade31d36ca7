import type { TestCloud } from '../../testing/startTestCloud.js';
import { applyUserPoolConfig } from '../apply.js';
import { applyIdentityPoolConfig } from '../../identity/index.js';
import type { UserPoolConfig } from '../config.js';
import { listOutbox } from '../index.js';

/** Test fixtures shared by the Cognito test files: a pool pair on a test cloud, and outbox reading. */
export const USER_POOL_ID = 'us-east-1_SandlotTest';
export const CLIENT_ID = 'sandlottestclient01';
export const IDENTITY_POOL_ID = 'us-east-1:11111111-2222-3333-4444-555555555555';

export function setUpPools(t: TestCloud, pool: Partial<UserPoolConfig> = {}, allowUnauthenticated = true): void {
  applyUserPoolConfig(t.cloud.services, { userPoolId: USER_POOL_ID, clientId: CLIENT_ID, signInWith: { email: true }, groups: [{ name: 'ADMINS', precedence: 0 }], ...pool });
  applyIdentityPoolConfig(t.cloud.services, { identityPoolId: IDENTITY_POOL_ID, userPoolId: pool.userPoolId ?? USER_POOL_ID, clientId: pool.clientId ?? CLIENT_ID, allowUnauthenticated });
}

/** The newest code the outbox holds for an address. */
export function lastCode(t: TestCloud, to: string, purpose?: string): string {
  const messages = listOutbox(t.cloud.services, { to }).filter((m) => !purpose || m.purpose === purpose);
  const last = messages[messages.length - 1];
  if (!last) throw new Error(`no outbox message to ${to}`);
  return last.code;
}

/** The error name a rejected promise carries (what the app sees as `e.name`). */
export async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).name;
  }
  return 'no error';
}
