import type { InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import type { ResolvedPoolConfig } from '../config.js';
import type { MfaMethod, StoredUser } from '../store.js';
import { issueTokens } from '../tokens.js';
import { sealSession } from '../session.js';
import { sendCode } from '../codes.js';
import { NotAuthorizedException, PasswordResetRequiredException, UserNotConfirmedException } from '../errors.js';

/**
 * What comes after a proven password: NEW_PASSWORD_REQUIRED, an MFA challenge (or MFA set-up), or
 * tokens. Shared by USER_SRP_AUTH, USER_PASSWORD_AUTH and every RespondToAuthChallenge step.
 */
export type SignInStep = WireOutput<InitiateAuthCommandOutput>;
export type AuthDeps = Pick<CognitoServices, 'pools' | 'outbox' | 'clock' | 'box' | 'signingKey'>;

export function assertCanSignIn(user: StoredUser): void {
  if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
  if (user.status === 'UNCONFIRMED') throw new UserNotConfirmedException();
  if (user.status === 'RESET_REQUIRED') throw new PasswordResetRequiredException();
}

export async function afterPassword(d: AuthDeps, pool: ResolvedPoolConfig, user: StoredUser): Promise<SignInStep> {
  assertCanSignIn(user);
  const authTime = Math.floor(d.clock.now().getTime() / 1000);
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const { sub: _sub, ...visible } = user.attributes;
    const missing = pool.requiredAttributes.filter((n) => !user.attributes[n]).map((n) => `userAttributes.${n}`);
    return challenge(d, pool, user, 'NEW_PASSWORD_REQUIRED', authTime, { userAttributes: JSON.stringify(visible), requiredAttributes: JSON.stringify(missing) });
  }
  return mfaStep(d, pool, user, authTime);
}

/** MFA methods this user can be challenged with right now. */
export function activeMfa(pool: ResolvedPoolConfig, user: StoredUser): MfaMethod[] {
  return user.mfa.enabled.filter((m) =>
    m === 'SOFTWARE_TOKEN_MFA' ? pool.mfa.totp && Boolean(user.totpSealed)
      : m === 'SMS_MFA' ? pool.mfa.sms && Boolean(user.attributes.phone_number)
        : pool.mfa.email && Boolean(user.attributes.email));
}

export async function mfaStep(d: AuthDeps, pool: ResolvedPoolConfig, user: StoredUser, authTime: number): Promise<SignInStep> {
  if (pool.mfa.mode === 'OFF') return finish(d, pool, user, authTime);
  let methods = activeMfa(pool, user);
  if (!methods.length && pool.mfa.mode === 'REQUIRED') {
    const automatic: MfaMethod[] = [];
    if (pool.mfa.sms && user.attributes.phone_number) automatic.push('SMS_MFA');
    if (pool.mfa.email && user.attributes.email) automatic.push('EMAIL_OTP');
    if (!automatic.length) {
      const canSetUp = [...(pool.mfa.totp ? ['SOFTWARE_TOKEN_MFA'] : []), ...(pool.mfa.email ? ['EMAIL_OTP'] : [])];
      return challenge(d, pool, user, 'MFA_SETUP', authTime, { MFAS_CAN_SETUP: JSON.stringify(canSetUp) });
    }
    methods = automatic;
  }
  if (!methods.length) return finish(d, pool, user, authTime);
  const chosen = methods.length === 1 ? methods[0] : user.mfa.preferred && methods.includes(user.mfa.preferred) ? user.mfa.preferred : undefined;
  if (!chosen) return challenge(d, pool, user, 'SELECT_MFA_TYPE', authTime, { MFAS_CAN_CHOOSE: JSON.stringify(methods) });
  return mfaChallenge(d, pool, user, chosen, authTime);
}

export async function mfaChallenge(d: AuthDeps, pool: ResolvedPoolConfig, user: StoredUser, method: MfaMethod, authTime: number): Promise<SignInStep> {
  if (method === 'SOFTWARE_TOKEN_MFA') return challenge(d, pool, user, method, authTime, {});
  const delivery = sendCode(d, pool, user, 'mfa', method === 'SMS_MFA' ? 'SMS' : 'EMAIL');
  return challenge(d, pool, user, method, authTime, {
    CODE_DELIVERY_DELIVERY_MEDIUM: delivery.DeliveryMedium!, CODE_DELIVERY_DESTINATION: delivery.Destination!,
  });
}

export function challenge(d: AuthDeps, pool: ResolvedPoolConfig, user: StoredUser, name: string, authTime: number, params: Record<string, string>, extra: { totpSetUp?: boolean } = {}): SignInStep {
  return {
    ChallengeName: name as SignInStep['ChallengeName'],
    ChallengeParameters: { USER_ID_FOR_SRP: user.username, ...params },
    Session: sealSession(d.box, d.clock, { poolId: pool.userPoolId, username: user.username, challenge: name, authTime, ...extra }),
  };
}

export async function finish(d: AuthDeps, pool: ResolvedPoolConfig, user: StoredUser, authTime: number): Promise<SignInStep> {
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(d, pool, user, { authTime, withRefreshToken: true }) };
}
