import * as auth from 'aws-amplify/auth';
import { authConfig } from './authConfig.js';
import { adminCreateUser, createAndSignUpUser, setPermanentPassword } from './createUser.js';
import { addToUserGroup } from './addToUserGroup.js';
import type { AuthOutputs, AuthSignUp, AuthUserGroupInput } from './types.js';

/**
 * Sandlot extras for seeding in bulk. `mapConcurrently` runs `fn` over `items` with at most
 * `concurrency` calls in flight and keeps the order of results (use it for data / storage calls made
 * while one user is signed in). The user helpers never run sign-ins concurrently: users that need a
 * sign-in (`MFA`, or `signInAfterCreation: true`) are created one after another, the others in parallel.
 */
export async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

export interface BulkOptions {
  /** Admin calls in flight at once (default 8). */
  concurrency?: number;
}

/** `createAndSignUpUser` for many users; same end state as calling it for each in order. */
export async function createAndSignUpUsers(users: readonly AuthSignUp[], o: BulkOptions = {}): Promise<AuthOutputs[]> {
  const parallel = (u: AuthSignUp) => (u.signInFlow ?? 'Password') === 'Password' && !u.signInAfterCreation;
  const results: AuthOutputs[] = [];
  // Consecutive runs of users that need no sign-in go in parallel; the rest in order.
  for (let i = 0; i < users.length; ) {
    if (!parallel(users[i]!)) {
      results.push(await createAndSignUpUser(users[i]!));
      i++;
      continue;
    }
    let j = i;
    while (j < users.length && parallel(users[j]!)) j++;
    const config = await authConfig();
    await auth.signOut();
    results.push(
      ...(await mapConcurrently(users.slice(i, j), o.concurrency ?? 8, async (u) => {
        await adminCreateUser(config, u);
        await setPermanentPassword(config, u.username, u.password);
        return { signInFlow: 'Password' as const, username: u.username };
      })),
    );
    i = j;
  }
  return results;
}

/** `addToUserGroup` for many users, in parallel. */
export async function addUsersToGroup(users: readonly AuthUserGroupInput[], group: string, o: BulkOptions = {}): Promise<void> {
  await mapConcurrently(users, o.concurrency ?? 8, (u) => addToUserGroup(u, group));
}
