import type { PasswordPolicy, ResolvedPoolConfig } from './config.js';
import type { StoredUser } from './store.js';
import { verifierMatches } from './srp.js';
import { InvalidPasswordException } from './errors.js';

/**
 * A password is kept only as its SRP salt and verifier (srp.ts), which SRP sign-in needs and Cognito itself
 * stores. The checks that receive the password itself (USER_PASSWORD_AUTH, ChangePassword) recompute the
 * verifier. No second hash is kept beside it: anyone holding the database could attack the verifier anyway,
 * so an extra (scrypt) hash added no protection, only a few milliseconds of CPU per password set. Rows written
 * by earlier versions may still hold an scrypt hash in `password_hash`; it is never read, and is cleared when
 * the password next changes.
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
