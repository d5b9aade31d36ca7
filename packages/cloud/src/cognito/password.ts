import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PasswordPolicy, ResolvedPoolConfig } from './config.js';
import type { StoredUser } from './store.js';
import { verifierMatches } from './srp.js';
import { InvalidPasswordException } from './errors.js';

/**
 * A password is kept only as an scrypt hash (what USER_PASSWORD_AUTH and ChangePassword check) next to the SRP
 * salt and verifier (what SRP sign-in needs), never in clear. The scrypt cost (N = 2^10, r = 8: ~1 MiB, a few ms
 * on the libuv thread pool) is deliberately modest: this is a local sandbox and a sign-in must take milliseconds.
 * The hash is computed before an operation's transaction (it does not depend on the user row), so the
 * transaction itself stays synchronous.
 */
const N = 1024;
const R = 8;
const P = 1;
const LEN = 32;

const derive = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, LEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * True when `password` is the user's: checked against the scrypt hash; a row without one (written by a build
 * that kept only the verifier) is checked against the SRP verifier instead.
 */
export async function checkPassword(pool: ResolvedPoolConfig, user: Pick<StoredUser, 'username' | 'passwordHash' | 'srpSalt' | 'srpVerifier'>, password: string): Promise<boolean> {
  if (!user.passwordHash) {
    if (!user.srpSalt || !user.srpVerifier) return false;
    return verifierMatches(pool.poolName, user.username, password, { salt: user.srpSalt, verifier: user.srpVerifier });
  }
  const parts = user.passwordHash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const key = await derive(password, Buffer.from(parts[4]!, 'base64'), Number(parts[1]), Number(parts[2]), Number(parts[3]));
  const expected = Buffer.from(parts[5]!, 'base64');
  return key.length === expected.length && timingSafeEqual(key, expected);
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
