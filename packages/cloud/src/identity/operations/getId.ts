import { randomUUID } from 'node:crypto';
import type { GetIdCommandInput, GetIdCommandOutput } from '@aws-sdk/client-cognito-identity';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { IdentityServices } from '../services.js';
import { verifyLogins } from '../logins.js';
import { assertGuestsAllowed, identityPool } from '../pools.js';

export type GetIdOperation = Operation<GetIdCommandInput, WireOutput<GetIdCommandOutput>>;

/** The login's identity (created on first use), or a new guest identity. */
export const GetId = (d: Pick<IdentityServices, 'identities' | 'cognito'>): GetIdOperation =>
  async (_ctx, input) => {
    const pool = identityPool(d.identities, input.IdentityPoolId);
    const login = await verifyLogins(d, pool, input.Logins);
    if (login) {
      const existing = d.identities.identityByLogin(pool.identityPoolId, login.login);
      if (existing) return { IdentityId: existing.id };
    } else {
      assertGuestsAllowed(pool);
    }
    const id = `${pool.identityPoolId.split(':')[0]}:${randomUUID()}`;
    d.identities.insertIdentity({ id, poolId: pool.identityPoolId, login: login?.login });
    return { IdentityId: id };
  };
