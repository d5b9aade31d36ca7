import { randomInt } from 'node:crypto';
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoServices } from './services.js';
import type { ResolvedPoolConfig } from './config.js';
import type { StoredUser } from './store.js';
import { maskDestination } from './attributes.js';
import { CodeMismatchException, ExpiredCodeException, InvalidParameterException } from './errors.js';

/** One-time codes Cognito would e-mail or text: 6 digits, Cognito's lifetimes, delivered to the outbox. */
export type CodePurpose = 'signup' | 'forgot' | 'verify:email' | 'verify:phone_number' | 'mfa';

const LIFETIME_MS: Record<CodePurpose, number> = {
  signup: 24 * 3600_000,
  'verify:email': 24 * 3600_000,
  'verify:phone_number': 24 * 3600_000,
  forgot: 3600_000,
  mfa: 3 * 60_000,
};

const MESSAGES: Record<CodePurpose, string> = {
  signup: 'Your verification code is',
  'verify:email': 'Your verification code is',
  'verify:phone_number': 'Your verification code is',
  forgot: 'Your password reset code is',
  mfa: 'Your authentication code is',
};

export function sendCode(
  d: Pick<CognitoServices, 'pools' | 'outbox' | 'clock'>,
  pool: ResolvedPoolConfig,
  user: StoredUser,
  purpose: CodePurpose,
  medium: 'EMAIL' | 'SMS',
): CodeDeliveryDetailsType {
  const attribute = medium === 'EMAIL' ? 'email' : 'phone_number';
  const to = user.attributes[attribute];
  if (!to) throw new InvalidParameterException(`Cannot send a code: the user has no ${attribute}.`);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  d.pools.putCode(pool.userPoolId, user.username, purpose, code, d.clock.now().getTime() + LIFETIME_MS[purpose]);
  d.outbox.send({ userPoolId: pool.userPoolId, username: user.username, medium, to, purpose, code, message: `${MESSAGES[purpose]} ${code}` });
  return { Destination: maskDestination(medium, to), DeliveryMedium: medium, AttributeName: attribute };
}

/** Consumes the code when it matches; Cognito's errors otherwise. */
export function checkCode(d: Pick<CognitoServices, 'pools' | 'clock'>, pool: ResolvedPoolConfig, user: StoredUser, purpose: CodePurpose, code: string | undefined): void {
  const stored = d.pools.code(pool.userPoolId, user.username, purpose);
  if (!stored || stored.expires_ms < d.clock.now().getTime()) {
    throw new ExpiredCodeException(purpose === 'mfa' ? 'Your software token has expired.' : 'Invalid code provided, please request a code again.');
  }
  if (stored.code !== code) throw new CodeMismatchException(purpose === 'mfa' ? 'Invalid code or auth state for the user.' : undefined);
  d.pools.deleteCode(pool.userPoolId, user.username, purpose);
}
