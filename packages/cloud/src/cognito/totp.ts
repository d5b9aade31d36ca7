import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP (otpauth), 30 s steps, ±1 step of drift, each step usable once per user. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export type TotpResult = { ok: true; step: number } | { ok: false; reason: 'mismatch' | 'reused' };

export function checkTotp(secretBase32: string, code: string | undefined, nowMs: number, lastStep: number): TotpResult {
  if (!code || !/^[0-9]{6}$/.test(code)) return { ok: false, reason: 'mismatch' };
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: 'SHA1' });
  const delta = totp.validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return { ok: false, reason: 'mismatch' };
  const step = Math.floor(nowMs / 30_000) + delta;
  return step <= lastStep ? { ok: false, reason: 'reused' } : { ok: true, step };
}

/** The current code for a secret at a time (tests, seed helpers). */
export const totpCode = (secretBase32: string, nowMs: number): string =>
  new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 }).generate({ timestamp: nowMs });
