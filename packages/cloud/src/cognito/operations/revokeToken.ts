import type { RevokeTokenCommandInput, RevokeTokenCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolByClient } from '../users.js';
import { hashRefreshToken } from '../tokens.js';
import { missing, UnsupportedTokenTypeException } from '../errors.js';

export type RevokeTokenOperation = Operation<RevokeTokenCommandInput, WireOutput<RevokeTokenCommandOutput>>;

/** Revokes a refresh token and, through origin_jti, every access / id token minted from it. */
export const RevokeToken = (d: Pick<CognitoServices, 'pools'>): RevokeTokenOperation =>
  async (_ctx, input) => {
    const pool = poolByClient(d.pools, input.ClientId);
    if (!input.Token) throw missing('token');
    if (input.Token.split('.').length === 3) throw new UnsupportedTokenTypeException('Only refresh tokens can be revoked.');
    const hash = hashRefreshToken(input.Token);
    const stored = d.pools.refresh(hash);
    if (stored && stored.clientId === pool.clientId) d.pools.revokeRefresh(hash);
    return {};
  };
