import type { CognitoServices } from './services.js';
import type { ResolvedPoolConfig } from './config.js';
import type { StoredUser } from './store.js';
import type { SessionState } from './session.js';
import { userOfAccessToken } from './tokens.js';
import { openSession } from './session.js';
import { NotAuthorizedException, InvalidParameterException } from './errors.js';

/** The user of an Associate/VerifySoftwareToken call: by access token, or by an MFA_SETUP sign-in session. */
export async function mfaSubject(
  d: Pick<CognitoServices, 'pools' | 'clock' | 'box' | 'signingKey'>,
  input: { AccessToken?: string; Session?: string },
): Promise<{ pool: ResolvedPoolConfig; user: StoredUser; session?: SessionState }> {
  if (input.AccessToken) return userOfAccessToken(d, input.AccessToken);
  if (!input.Session) throw new InvalidParameterException('Either AccessToken or Session must be given.');
  const session = openSession(d.box, d.clock, input.Session, 'MFA_SETUP');
  const pool = d.pools.pool(session.poolId);
  const user = pool && d.pools.user(pool.userPoolId, session.username);
  if (!pool || !user) throw new NotAuthorizedException('Invalid session for the user, session is expired.');
  return { pool, user, session };
}

export const totpContext = (pool: ResolvedPoolConfig, user: StoredUser) => `cognito-totp:${pool.userPoolId}:${user.sub}`;
