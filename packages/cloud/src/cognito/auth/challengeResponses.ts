import type { ResolvedPoolConfig } from '../config.js';
import type { MfaMethod } from '../store.js';
import { openSession } from '../session.js';
import { checkCode } from '../codes.js';
import { checkTotp } from '../totp.js';
import { readAttributes, assertRequiredAttributes } from '../attributes.js';
import { assertPasswordPolicy } from '../password.js';
import { withPassword, assertAliasFree } from '../users.js';
import { activeMfa, challenge, finish, mfaChallenge, mfaStep, type AuthDeps, type SignInStep } from './signInSteps.js';
import { CodeMismatchException, ExpiredCodeException, InvalidParameterException, NotAuthorizedException, missing } from '../errors.js';

/** RespondToAuthChallenge for every challenge after PASSWORD_VERIFIER (wire-spec §2.4). */
function sessionUser(d: AuthDeps, pool: ResolvedPoolConfig, session: string | undefined, name: string) {
  const s = openSession(d.box, d.clock, session, name);
  if (s.poolId !== pool.userPoolId) throw new NotAuthorizedException('Invalid session for the user, session is expired.');
  const user = d.pools.user(pool.userPoolId, s.username);
  if (!user) throw new NotAuthorizedException('User does not exist.');
  return { s, user };
}

export async function newPasswordRequired(d: AuthDeps, pool: ResolvedPoolConfig, r: Record<string, string>, session?: string): Promise<SignInStep> {
  const { s, user } = sessionUser(d, pool, session, 'NEW_PASSWORD_REQUIRED');
  if (!r.NEW_PASSWORD) throw missing('challengeResponses.NEW_PASSWORD');
  assertPasswordPolicy(r.NEW_PASSWORD, pool.passwordPolicy);
  const given = Object.entries(r).filter(([k]) => k.startsWith('userAttributes.')).map(([k, v]) => ({ Name: k.slice('userAttributes.'.length), Value: v }));
  const attrs = readAttributes(pool, given);
  assertAliasFree(d.pools, pool, user, attrs);
  const next = { ...user, attributes: { ...user.attributes, ...attrs } };
  assertRequiredAttributes(pool, next.attributes);
  const updated = { ...withPassword(pool, next, r.NEW_PASSWORD), status: 'CONFIRMED' as const };
  d.pools.updateUser(updated);
  return mfaStep(d, pool, updated, s.authTime);
}

export async function totpAnswer(d: AuthDeps, pool: ResolvedPoolConfig, r: Record<string, string>, session?: string): Promise<SignInStep> {
  const { s, user } = sessionUser(d, pool, session, 'SOFTWARE_TOKEN_MFA');
  if (!user.totpSealed) throw new NotAuthorizedException('Invalid session for the user, session is expired.');
  const secret = d.box.open(user.totpSealed, `cognito-totp:${pool.userPoolId}:${user.sub}`);
  const result = checkTotp(secret, r.SOFTWARE_TOKEN_MFA_CODE, d.clock.now().getTime(), user.totpLastStep);
  if (!result.ok) {
    if (result.reason === 'reused') throw new ExpiredCodeException('Your software token has already been used once.');
    throw new CodeMismatchException('Invalid code received for user');
  }
  d.pools.updateUser({ ...user, totpLastStep: result.step });
  return finish(d, pool, user, s.authTime);
}

export async function codeAnswer(d: AuthDeps, pool: ResolvedPoolConfig, name: 'SMS_MFA' | 'EMAIL_OTP', r: Record<string, string>, session?: string): Promise<SignInStep> {
  const { s, user } = sessionUser(d, pool, session, name);
  checkCode(d, pool, user, 'mfa', name === 'SMS_MFA' ? r.SMS_MFA_CODE : r.EMAIL_OTP_CODE);
  return finish(d, pool, user, s.authTime);
}

export async function selectMfa(d: AuthDeps, pool: ResolvedPoolConfig, r: Record<string, string>, session?: string): Promise<SignInStep> {
  const { s, user } = sessionUser(d, pool, session, 'SELECT_MFA_TYPE');
  const answer = r.ANSWER as MfaMethod | undefined;
  if (!answer || !activeMfa(pool, user).concat(pool.mfa.mode === 'REQUIRED' ? ['SMS_MFA', 'EMAIL_OTP'] : []).includes(answer)) {
    throw new InvalidParameterException('Invalid MFA type selected.');
  }
  return mfaChallenge(d, pool, user, answer, s.authTime);
}

export async function mfaSetup(d: AuthDeps, pool: ResolvedPoolConfig, r: Record<string, string>, session?: string): Promise<SignInStep> {
  const { s, user } = sessionUser(d, pool, session, 'MFA_SETUP');
  if (s.totpSetUp) return finish(d, pool, user, s.authTime);
  if (r.EMAIL && pool.mfa.email) {
    const attrs = readAttributes(pool, [{ Name: 'email', Value: r.EMAIL }]);
    assertAliasFree(d.pools, pool, user, attrs);
    const updated = { ...user, attributes: { ...user.attributes, ...attrs }, mfa: { ...user.mfa, enabled: [...new Set([...user.mfa.enabled, 'EMAIL_OTP' as const])] } };
    d.pools.updateUser(updated);
    return mfaChallenge(d, pool, updated, 'EMAIL_OTP', s.authTime);
  }
  // Not set up yet: the same challenge again, with a fresh session.
  return challenge(d, pool, user, 'MFA_SETUP', s.authTime, { MFAS_CAN_SETUP: JSON.stringify([...(pool.mfa.totp ? ['SOFTWARE_TOKEN_MFA'] : []), ...(pool.mfa.email ? ['EMAIL_OTP'] : [])]) });
}
