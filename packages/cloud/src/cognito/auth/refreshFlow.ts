import type { ResolvedPoolConfig } from '../config.js';
import { hashRefreshToken, issueTokens, type AuthenticationResult } from '../tokens.js';
import { NotAuthorizedException, missing } from '../errors.js';
import type { AuthDeps } from './signInSteps.js';

/** REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken: new access + id tokens, same refresh token (no rotation). */
export async function refreshTokens(d: AuthDeps, pool: ResolvedPoolConfig, refreshToken: string | undefined): Promise<AuthenticationResult> {
  if (!refreshToken) throw missing('refreshToken');
  const stored = d.pools.refresh(hashRefreshToken(refreshToken));
  if (!stored || stored.poolId !== pool.userPoolId || stored.clientId !== pool.clientId) throw new NotAuthorizedException('Invalid Refresh Token');
  if (stored.revoked) throw new NotAuthorizedException('Refresh Token has been revoked');
  if (stored.expiresMs < d.clock.now().getTime()) throw new NotAuthorizedException('Refresh Token has expired');
  const user = d.pools.user(pool.userPoolId, stored.username);
  if (!user) throw new NotAuthorizedException('User does not exist.');
  if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
  return issueTokens(d, pool, user, { authTime: stored.authTime, originJti: stored.originJti, withRefreshToken: false });
}
