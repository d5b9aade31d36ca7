import { createDiffieHellman, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Server side of Cognito's SRP-6a variant (wire-spec §3): RFC 5054 3072-bit group, g = 2, Cognito's
 * padHex rule, and the "Caldera Derived Key" HKDF. Hand-written because no maintained library speaks
 * this exact variant; modular powers run natively through OpenSSL's Diffie-Hellman (`computeSecret`).
 */
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';
const N = BigInt('0x' + N_HEX);
const N_BYTES = Buffer.from(N_HEX, 'hex');
const g = 2n;

/** Hex of a non-negative integer, even length, with `00` prepended when the top bit is set. */
export function padHex(x: bigint): string {
  let hex = x.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return /^[89a-f]/i.test(hex) ? '00' + hex : hex;
}

const hashHex = (hex: string): string => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const hashStr = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const big = (hex: string): bigint => BigInt('0x' + (hex || '0'));
const bytes = (x: bigint): Buffer => { const h = x.toString(16); return Buffer.from(h.length % 2 ? '0' + h : h, 'hex'); };

const k = big(hashHex(padHex(N) + padHex(g)));

/** base^exp mod N, natively; BigInt square-and-multiply for the bases OpenSSL refuses (0, 1, N-1). */
function modPow(base: bigint, exp: bigint): bigint {
  base %= N;
  if (base > 1n && base < N - 1n) {
    const dh = createDiffieHellman(N_BYTES);
    dh.setPrivateKey(bytes(exp));
    return big(dh.computeSecret(bytes(base)).toString('hex'));
  }
  let r = 1n;
  for (let e = exp; e > 0n; e >>= 1n, base = (base * base) % N) if (e & 1n) r = (r * base) % N;
  return r;
}

export interface SrpVerifier {
  /** hex */
  salt: string;
  /** hex */
  verifier: string;
}

/** v = g^x, x = H(salt | H(poolName userId ":" password)). */
const verifierOf = (poolName: string, userId: string, password: string, salt: string): bigint =>
  modPow(g, big(hashHex(padHex(big(salt)) + hashStr(`${poolName}${userId}:${password}`))));

/** The salt and verifier stored instead of the password. `userId` is USER_ID_FOR_SRP (the internal username). */
export function makeVerifier(poolName: string, userId: string, password: string): SrpVerifier {
  const salt = randomBytes(16).toString('hex');
  return { salt, verifier: verifierOf(poolName, userId, password, salt).toString(16) };
}

/**
 * True when `password` is the one behind a stored salt and verifier (the checks that receive the password
 * itself: USER_PASSWORD_AUTH, ChangePassword): the verifier recomputed and compared in constant time.
 */
export function verifierMatches(poolName: string, userId: string, password: string, stored: SrpVerifier): boolean {
  const expected = Buffer.from(padHex(big(stored.verifier)), 'hex');
  const actual = Buffer.from(padHex(verifierOf(poolName, userId, password, stored.salt)), 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Server ephemeral: random b and B = k·v + g^b (never 0 mod N). */
export function serverEphemeral(verifier: string): { b: string; B: string } {
  for (;;) {
    const b = big(randomBytes(32).toString('hex'));
    const B = (k * big(verifier) + modPow(g, b)) % N;
    if (B !== 0n) return { b: b.toString(16), B: B.toString(16) };
  }
}

export interface ClaimCheck {
  poolName: string;
  userId: string;
  verifier: string;
  A: string;
  b: string;
  B: string;
  secretBlock: string;
  timestamp: string;
  signature: string;
}

/** True when PASSWORD_CLAIM_SIGNATURE proves knowledge of the password behind `verifier`. */
export function checkPasswordClaim(c: ClaimCheck): boolean {
  const A = big(c.A);
  if (A % N === 0n) return false;
  const B = big(c.B);
  const u = big(hashHex(padHex(A) + padHex(B)));
  if (u === 0n) return false;
  const S = modPow((A * modPow(big(c.verifier), u)) % N, big(c.b));
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])])).digest().subarray(0, 16);
  const expected = createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(c.poolName, 'utf8'), Buffer.from(c.userId, 'utf8'), Buffer.from(c.secretBlock, 'base64'), Buffer.from(c.timestamp, 'utf8')]))
    .digest('base64');
  return expected === c.signature;
}

/** A valid SRP_A for tests and benchmarks (what the client computes), plus its signature maker. */
export function clientSession(poolName: string) {
  const a = big(randomBytes(128).toString('hex'));
  const A = modPow(g, a);
  return {
    A: A.toString(16),
    sign(userId: string, password: string, salt: string, Bhex: string, secretBlock: string, timestamp: string): string {
      const B = big(Bhex);
      const u = big(hashHex(padHex(A) + padHex(B)));
      const x = big(hashHex(padHex(big(salt)) + hashStr(`${poolName}${userId}:${password}`)));
      const S = modPow((B - k * modPow(g, x) + k * N) % N, a + u * x);
      const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
      const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])])).digest().subarray(0, 16);
      return createHmac('sha256', key)
        .update(Buffer.concat([Buffer.from(poolName, 'utf8'), Buffer.from(userId, 'utf8'), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp, 'utf8')]))
        .digest('base64');
    },
  };
}
