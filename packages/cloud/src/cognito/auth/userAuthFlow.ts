import type { ResolvedPoolConfig } from '../config.js';
import { startSrp, passwordAuth } from './passwordFlows.js';
import { openSession, sealSession } from '../session.js';
import { findUser } from '../users.js';
import type { AuthDeps, SignInStep } from './signInSteps.js';
import { InvalidParameterException, UserNotFoundException, missing } from '../errors.js';

/**
 * USER_AUTH (choice-based sign-in) with the password factors only: PASSWORD and PASSWORD_SRP, chosen
 * up front (PREFERRED_CHALLENGE) or through SELECT_CHALLENGE. Passwordless factors are not offered.
 */
export async function userAuth(d: AuthDeps, pool: ResolvedPoolConfig, params: Record<string, string>): Promise<SignInStep> {
  if (!params.USERNAME) throw missing('authParameters.USERNAME');
  if (params.PREFERRED_CHALLENGE === 'PASSWORD_SRP' && params.SRP_A) return startSrp(d, pool, params);
  if (params.PREFERRED_CHALLENGE === 'PASSWORD' && params.PASSWORD) return passwordAuth(d, pool, params);
  const user = findUser(d.pools, pool, params.USERNAME);
  if (!user) throw new UserNotFoundException();
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    ChallengeParameters: { USERNAME: user.username },
    AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'],
    Session: sealSession(d.box, d.clock, { poolId: pool.userPoolId, username: user.username, challenge: 'SELECT_CHALLENGE', authTime: 0 }),
  };
}

export async function selectChallenge(d: AuthDeps, pool: ResolvedPoolConfig, r: Record<string, string>, session?: string): Promise<SignInStep> {
  const s = openSession(d.box, d.clock, session, 'SELECT_CHALLENGE');
  const params = { ...r, USERNAME: s.username };
  if (r.ANSWER === 'PASSWORD_SRP') return startSrp(d, pool, params);
  if (r.ANSWER === 'PASSWORD') return passwordAuth(d, pool, params);
  throw new InvalidParameterException(`The challenge ${r.ANSWER ?? '(none)'} is not available for this user.`);
}
