import type { ResolvedPoolConfig } from '../config.js';
import { findUser } from '../users.js';
import { serverEphemeral, checkPasswordClaim } from '../srp.js';
import { checkPassword } from '../password.js';
import { sealSrp, openSrp } from '../session.js';
import { afterPassword, assertCanSignIn, type AuthDeps, type SignInStep } from './signInSteps.js';
import { InvalidParameterException, NotAuthorizedException, UserNotFoundException, missing } from '../errors.js';

/** USER_SRP_AUTH / PASSWORD_VERIFIER (wire-spec §2.3, §3) and USER_PASSWORD_AUTH. */
export function startSrp(d: AuthDeps, pool: ResolvedPoolConfig, params: Record<string, string>): SignInStep {
  if (!params.USERNAME) throw missing('authParameters.USERNAME');
  if (!params.SRP_A || !/^[0-9a-fA-F]+$/.test(params.SRP_A)) throw new InvalidParameterException('Missing required parameter SRP_A');
  const user = findUser(d.pools, pool, params.USERNAME);
  if (!user) throw new UserNotFoundException();
  if (!user.srpVerifier) throw new NotAuthorizedException();
  if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
  const { b, B } = serverEphemeral(user.srpVerifier);
  const secretBlock = sealSrp(d.box, d.clock, { poolId: pool.userPoolId, username: user.username, A: params.SRP_A, b, B });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: { SALT: user.srpSalt!, SECRET_BLOCK: secretBlock, SRP_B: B, USERNAME: user.username, USER_ID_FOR_SRP: user.username },
  };
}

export async function verifySrp(d: AuthDeps, pool: ResolvedPoolConfig, r: Record<string, string>): Promise<SignInStep> {
  for (const f of ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'TIMESTAMP', 'PASSWORD_CLAIM_SIGNATURE']) {
    if (!r[f]) throw new InvalidParameterException(`Missing required parameter ${f}`);
  }
  const state = openSrp(d.box, d.clock, r.PASSWORD_CLAIM_SECRET_BLOCK);
  if (!state || state.poolId !== pool.userPoolId) throw new NotAuthorizedException('Invalid session for the user, session is expired.');
  const user = d.pools.user(pool.userPoolId, state.username);
  if (!user || !user.srpVerifier) throw new UserNotFoundException();
  if (findUser(d.pools, pool, r.USERNAME)?.username !== user.username) throw new NotAuthorizedException();
  const ok = checkPasswordClaim({
    poolName: pool.poolName, userId: r.USERNAME!, verifier: user.srpVerifier, A: state.A, b: state.b, B: state.B,
    secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK!, timestamp: r.TIMESTAMP!, signature: r.PASSWORD_CLAIM_SIGNATURE!,
  });
  if (!ok) throw new NotAuthorizedException();
  return afterPassword(d, pool, user);
}

export async function passwordAuth(d: AuthDeps, pool: ResolvedPoolConfig, params: Record<string, string>): Promise<SignInStep> {
  if (!params.USERNAME) throw missing('authParameters.USERNAME');
  if (!params.PASSWORD) throw missing('authParameters.PASSWORD');
  const user = findUser(d.pools, pool, params.USERNAME);
  if (!user) throw new UserNotFoundException();
  if (!checkPassword(pool, user, params.PASSWORD)) throw new NotAuthorizedException();
  assertCanSignIn(user);
  return afterPassword(d, pool, user);
}
