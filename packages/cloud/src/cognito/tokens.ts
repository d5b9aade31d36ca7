import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import type { Clock } from '../clock.js';
import type { ResolvedPoolConfig } from './config.js';
import type { SigningKey } from './signingKey.js';
import type { StoredUser, UserPoolStore } from './store.js';
import { NotAuthorizedException } from './errors.js';

/** Issues and checks the user-pool JWTs (claims as wire-spec §4) and the opaque, revocable refresh tokens. */
export const issuerOf = (pool: Pick<ResolvedPoolConfig, 'region' | 'userPoolId'>) => `https://cognito-idp.${pool.region}.amazonaws.com/${pool.userPoolId}`;
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface TokenDeps {
  clock: Clock;
  pools: UserPoolStore;
  signingKey: () => SigningKey;
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

/** Token-visible attributes: everything stored except the ones Cognito keeps out of the id token. */
function idClaimsOf(user: StoredUser): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub') continue;
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}

export async function issueTokens(
  d: TokenDeps,
  pool: ResolvedPoolConfig,
  user: StoredUser,
  session: { authTime: number; originJti?: string; withRefreshToken: boolean },
): Promise<AuthenticationResult> {
  const key = d.signingKey();
  const nowSec = Math.floor(d.clock.now().getTime() / 1000);
  const originJti = session.originJti ?? randomUUID();
  const eventId = randomUUID();
  const groups = d.pools.groupsOfUser(pool.userPoolId, user.username).map((g) => g.name);
  const common = { sub: user.sub, ...(groups.length ? { 'cognito:groups': groups } : {}), origin_jti: originJti, event_id: eventId, auth_time: session.authTime };
  const sign = (claims: JWTPayload, lifetime: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(issuerOf(pool))
      .setIssuedAt(nowSec)
      .setExpirationTime(nowSec + lifetime)
      .setJti(randomUUID())
      .sign(key.privateKey);
  const [AccessToken, IdToken] = await Promise.all([
    sign({ ...common, client_id: pool.clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', username: user.username }, pool.accessTokenSeconds),
    sign({ ...idClaimsOf(user), ...common, 'cognito:username': user.username, aud: pool.clientId, token_use: 'id' }, pool.idTokenSeconds),
  ]);
  let RefreshToken: string | undefined;
  if (session.withRefreshToken) {
    RefreshToken = randomBytes(48).toString('base64url');
    d.pools.insertRefresh(hashRefreshToken(RefreshToken), {
      poolId: pool.userPoolId, username: user.username, clientId: pool.clientId, originJti, authTime: session.authTime,
      expiresMs: d.clock.now().getTime() + pool.refreshTokenSeconds * 1000,
    });
  }
  return { AccessToken, IdToken, ...(RefreshToken ? { RefreshToken } : {}), ExpiresIn: pool.accessTokenSeconds, TokenType: 'Bearer' };
}

export type TokenCheck =
  | { ok: true; claims: JWTPayload; tokenUse: 'access' | 'id'; pool: ResolvedPoolConfig }
  | { ok: false; reason: 'invalid' | 'expired' | 'revoked' };

/**
 * Tokens whose signature this process has verified, per verifying key, most recently used last: a client sends
 * the same access token with every call until it refreshes, and the RSA check is the dearest part of a call.
 * Only the signature and the decoded claims are remembered; expiry, the pool and revocation are checked on
 * every call. Bounded (the least recently used token goes first).
 */
const verifiedTokens = new WeakMap<object, Map<string, JWTPayload>>();
const MAX_VERIFIED_TOKENS = 1024;

/** The claims of a token signed by `key` (cached), or the reason it is refused; expiry by the sandbox clock. */
async function verifiedClaims(key: SigningKey, token: string, now: Date): Promise<JWTPayload | 'expired' | 'invalid'> {
  let cache = verifiedTokens.get(key.publicKey);
  if (!cache) verifiedTokens.set(key.publicKey, (cache = new Map()));
  let claims = cache.get(token);
  if (claims) {
    cache.delete(token);
    cache.set(token, claims);
    // What jwtVerify checks against the current time (no clock tolerance): exp, then nbf.
    const nowSec = Math.floor(now.getTime() / 1000);
    if (typeof claims.exp === 'number' && claims.exp <= nowSec) return 'expired';
    if (typeof claims.nbf === 'number' && claims.nbf > nowSec) return 'invalid';
    return claims;
  }
  try {
    ({ payload: claims } = await jwtVerify(token, key.publicKey, { algorithms: ['RS256'], currentDate: now }));
  } catch (err) {
    return err instanceof joseErrors.JWTExpired ? 'expired' : 'invalid';
  }
  // Shared by every later call with this token: frozen, so no caller can change what the next one sees.
  for (const v of Object.values(claims)) if (Array.isArray(v)) Object.freeze(v);
  Object.freeze(claims);
  if (cache.size >= MAX_VERIFIED_TOKENS) cache.delete(cache.keys().next().value!);
  cache.set(token, claims);
  return claims;
}

/** Signature, issuer (one of our pools), expiry (by the sandbox clock) and revocation (through origin_jti). */
export async function checkToken(d: TokenDeps, token: string): Promise<TokenCheck> {
  const claims = await verifiedClaims(d.signingKey(), token, d.clock.now());
  if (claims === 'expired' || claims === 'invalid') return { ok: false, reason: claims };
  const poolId = typeof claims.iss === 'string' ? claims.iss.slice(claims.iss.lastIndexOf('/') + 1) : '';
  const pool = d.pools.pool(poolId);
  if (!pool || claims.iss !== issuerOf(pool)) return { ok: false, reason: 'invalid' };
  const tokenUse = claims.token_use;
  if (tokenUse !== 'access' && tokenUse !== 'id') return { ok: false, reason: 'invalid' };
  if (typeof claims.origin_jti === 'string') {
    const origin = d.pools.refreshByJti(claims.origin_jti);
    if (origin?.revoked) return { ok: false, reason: 'revoked' };
  }
  return { ok: true, claims, tokenUse, pool };
}

/** The user behind an access token (GetUser, ChangePassword, …), with Cognito's messages for each failure. */
export async function userOfAccessToken(d: TokenDeps, token: string | undefined): Promise<{ pool: ResolvedPoolConfig; user: StoredUser; claims: JWTPayload }> {
  if (!token) throw new NotAuthorizedException('Invalid Access Token');
  const check = await checkToken(d, token);
  if (!check.ok) {
    throw new NotAuthorizedException(check.reason === 'revoked' ? 'Access Token has been revoked' : check.reason === 'expired' ? 'Access Token has expired' : 'Invalid Access Token');
  }
  if (check.tokenUse !== 'access') throw new NotAuthorizedException('Invalid Access Token');
  const user = d.pools.user(check.pool.userPoolId, String(check.claims.username));
  if (!user || user.sub !== check.claims.sub) throw new NotAuthorizedException('User does not exist.');
  if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
  return { pool: check.pool, user, claims: check.claims };
}
