import type { IdentityStore } from './store.js';
import type { IdentityPoolConfig } from './config.js';
import { InvalidParameterException, NotAuthorizedException, ResourceNotFoundException } from './errors.js';

export function identityPool(store: IdentityStore, id: string | undefined): IdentityPoolConfig {
  if (!id) throw new InvalidParameterException("1 validation error detected: Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null");
  const pool = store.pool(id);
  if (!pool) throw new ResourceNotFoundException(`IdentityPool '${id}' not found.`);
  return pool;
}

export function assertGuestsAllowed(pool: IdentityPoolConfig): void {
  if (pool.allowUnauthenticated === false) throw new NotAuthorizedException('Unauthenticated access is not supported for this identity pool.');
}
