import type { UserPoolStore } from './store.js';
import type { ResolvedPoolConfig } from './config.js';
import { findUser, poolById } from './users.js';
import { ResourceNotFoundException, UserNotFoundException, missing } from './errors.js';

/** Lookups of the admin API (UserPoolId + Username / GroupName), with Cognito's not-found errors. */
export function adminUser(pools: UserPoolStore, poolId: string | undefined, username: string | undefined) {
  const pool = poolById(pools, poolId);
  if (!username) throw missing('username');
  const user = findUser(pools, pool, username);
  if (!user) throw new UserNotFoundException();
  return { pool, user };
}

export function adminGroup(pools: UserPoolStore, pool: ResolvedPoolConfig, name: string | undefined) {
  if (!name) throw missing('groupName');
  const group = pools.group(pool.userPoolId, name);
  if (!group) throw new ResourceNotFoundException('Group not found.');
  return group;
}

/** Username-ordered pages: the token is the last username of the previous page. */
export const pageAfter = (token: string | undefined): string => (token ? Buffer.from(token, 'base64url').toString('utf8') : '');
export const nextToken = (items: { username?: string; name?: string }[], limit: number): string | undefined =>
  items.length === limit ? Buffer.from((items[items.length - 1]!.username ?? items[items.length - 1]!.name)!, 'utf8').toString('base64url') : undefined;
