import type { PasswordPolicy, ResolvedPoolConfig } from './config.js';
import type { StoredUser } from './store.js';
import { verifierMatches } from './srp.js';
import { InvalidPasswordException } from './errors.js';

/**
 * A password is kept only as its SRP salt and verifier (srp.ts), as Cognito keeps it: the verifier is what SRP
 * sign-in needs, and the checks that receive the password itself (USER_PASSWORD_AUTH, ChangePassword) recompute it
 * and compare. The verifier is already a one-way function of the password costing a 3072-bit modular power per
 * guess; a second, slower hash stored beside it (earlier builds kept an scrypt hash) protected nothing, since an
 * attacker holding the row attacks the cheaper of the two, and it made every password write about four times as
 * costly (scrypt ~1.7 ms, the verifier ~0.55 ms here).
 */
export function checkPassword(pool: ResolvedPoolConfig, user: Pick<StoredUser, 'username' | 'srpSalt' | 'srpVerifier'>, password: string): boolean {
  if (!user.srpSalt || !user.srpVerifier) return false;
  return verifierMatches(pool.poolName, user.username, password, { salt: user.srpSalt, verifier: user.srpVerifier });
}

const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** Throws InvalidPasswordException with Cognito's wording for the first rule the password breaks. */
export function assertPasswordPolicy(password: string, policy: PasswordPolicy): void {
  const fail = (why: string) => { throw new InvalidPasswordException(`Password did not conform with policy: ${why}`); };
  if (password.length < policy.minLength) fail('Password not long enough');
  if (policy.requireLowercase && !/[a-z]/.test(password)) fail('Password must have lowercase characters');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) fail('Password must have uppercase characters');
  if (policy.requireNumbers && !/[0-9]/.test(password)) fail('Password must have numeric characters');
  if (policy.requireSymbols && !SYMBOLS.test(password)) fail('Password must have symbol characters');
}
