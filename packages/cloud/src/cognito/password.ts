import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PasswordPolicy } from './config.js';
import { InvalidPasswordException } from './errors.js';

/**
 * Passwords are kept only as scrypt hashes (for USER_PASSWORD_AUTH) next to the SRP verifier. The cost
 * (N = 2^10, r = 8: ~1 MiB, a few ms) is deliberately modest: this is a local sandbox and a sign-in must take milliseconds.
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

export async function checkPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') return false;
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
