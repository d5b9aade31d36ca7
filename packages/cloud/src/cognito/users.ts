import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { ResolvedPoolConfig } from './config.js';
import type { StoredUser, UserPoolStore, UserStatus } from './store.js';
import { makeVerifier } from './srp.js';
import { AliasExistsException, clientNotFound, InvalidParameterException, missing, poolNotFound, UsernameExistsException } from './errors.js';

/** Pool and user lookups shared by the operations. */
export function poolByClient(pools: UserPoolStore, clientId: string | undefined): ResolvedPoolConfig {
  if (!clientId) throw missing('clientId');
  const pool = pools.poolByClient(clientId);
  if (!pool) throw clientNotFound(clientId);
  return pool;
}

export function poolById(pools: UserPoolStore, id: string | undefined): ResolvedPoolConfig {
  if (!id) throw missing('userPoolId');
  const pool = pools.pool(id);
  if (!pool) throw poolNotFound(id);
  return pool;
}

/** The user an identifier names: the username, or (username-attribute pools) the email / phone number. */
export function findUser(pools: UserPoolStore, pool: ResolvedPoolConfig, id: string | undefined): StoredUser | undefined {
  if (!id) return undefined;
  // In a username-attribute pool usernames are generated `sub`s, so an email / phone number is looked up as that
  // first (one query for what admin calls of such pools pass), then as a username.
  const byEmail = pool.usernameAttributes.includes('email') && id.includes('@');
  const byPhone = !byEmail && pool.usernameAttributes.includes('phone_number') && id.startsWith('+');
  if (byEmail || byPhone) {
    const byAlias = (byEmail ? pools.usersByEmail(pool.userPoolId, id) : pools.usersByPhone(pool.userPoolId, id))[0];
    if (byAlias) return byAlias;
  }
  return pools.user(pool.userPoolId, id);
}

/**
 * A new user record. In username-attribute pools the identifier given becomes the email / phone
 * attribute and the username is the `sub` (as real Cognito does for Gen 2 email sign-in).
 */
export function newUser(pools: UserPoolStore, clock: Clock, pool: ResolvedPoolConfig, identifier: string, attributes: Record<string, string>, status: UserStatus): StoredUser {
  const sub = randomUUID();
  const attrs = { ...attributes };
  let username = identifier;
  if (pool.usernameAttributes.length) {
    if (identifier.includes('@') && pool.usernameAttributes.includes('email')) attrs.email ??= identifier;
    else if (identifier.startsWith('+') && pool.usernameAttributes.includes('phone_number')) attrs.phone_number ??= identifier;
    else throw new InvalidParameterException(`Username should be ${pool.usernameAttributes.includes('email') ? 'an email' : 'a phone number'}.`);
    username = sub;
  } else if (!/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u.test(identifier)) {
    throw new InvalidParameterException("1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
  }
  // findUser looks the identifier up as a username and (an email in an email pool) as an email; a generated username
  // is a fresh UUID, so neither needs a second query.
  if (findUser(pools, pool, identifier)) throw new UsernameExistsException(pool.usernameAttributes.length ? 'An account with the given email already exists.' : 'User already exists');
  const emailLookedUp = attrs.email === identifier && identifier.includes('@');
  if (attrs.email && !emailLookedUp && pool.usernameAttributes.includes('email') && pools.usersByEmail(pool.userPoolId, attrs.email).length) {
    throw new UsernameExistsException('An account with the given email already exists.');
  }
  if (attrs.phone_number && pool.usernameAttributes.includes('phone_number') && pools.usersByPhone(pool.userPoolId, attrs.phone_number).length) {
    throw new UsernameExistsException('An account with the given phone_number already exists.');
  }
  const now = clock.now();
  return {
    poolId: pool.userPoolId, username, sub, status, enabled: true, attributes: { sub, ...attrs },
    mfa: { enabled: [] }, totpLastStep: 0, created: now, modified: now,
  };
}

/** The same user with a new password: its SRP salt and verifier (password.ts), never the password. */
export function withPassword(pool: ResolvedPoolConfig, user: StoredUser, password: string): StoredUser {
  const { salt, verifier } = makeVerifier(pool.poolName, user.username, password);
  return { ...user, srpSalt: salt, srpVerifier: verifier };
}

/** Refuses an email / phone change that would collide with another user's sign-in alias. */
export function assertAliasFree(pools: UserPoolStore, pool: ResolvedPoolConfig, user: StoredUser, attrs: Record<string, string>): void {
  if (attrs.email && pool.usernameAttributes.includes('email') && pools.usersByEmail(pool.userPoolId, attrs.email).some((u) => u.username !== user.username)) {
    throw new AliasExistsException('An account with the given email already exists.');
  }
  if (attrs.phone_number && pool.usernameAttributes.includes('phone_number') && pools.usersByPhone(pool.userPoolId, attrs.phone_number).some((u) => u.username !== user.username)) {
    throw new AliasExistsException('An account with the given phone_number already exists.');
  }
}
