import type { SealedBox } from '../crypto/sealedBox.js';
import type { Clock } from '../clock.js';
import { invalidSession } from './errors.js';

/**
 * Challenge sessions (`Session`) and SRP secret blocks are sealed (AES-GCM) state carried by the
 * client, so a half-finished sign-in needs no table and cannot be forged or moved to another user.
 */
export interface SessionState {
  poolId: string;
  username: string;
  /** The challenge this session answers (or `MFA_SETUP` for Associate/VerifySoftwareToken). */
  challenge: string;
  authTime: number;
  /** Set once VerifySoftwareToken succeeded inside an MFA_SETUP session. */
  totpSetUp?: boolean;
  expiresMs: number;
}

export interface SrpState {
  poolId: string;
  username: string;
  A: string;
  b: string;
  B: string;
  expiresMs: number;
}

const SESSION_MS = 3 * 60 * 1000;

export function sealSession(box: SealedBox, clock: Clock, s: Omit<SessionState, 'expiresMs'>): string {
  return box.seal(JSON.stringify({ ...s, expiresMs: clock.now().getTime() + SESSION_MS }), 'cognito-session').toString('base64');
}

export function openSession(box: SealedBox, clock: Clock, token: string | undefined, challenge?: string): SessionState {
  const s = open<SessionState>(box, token, 'cognito-session');
  if (!s || s.expiresMs < clock.now().getTime() || (challenge && s.challenge !== challenge)) throw invalidSession();
  return s;
}

export function sealSrp(box: SealedBox, clock: Clock, s: Omit<SrpState, 'expiresMs'>): string {
  return box.seal(JSON.stringify({ ...s, expiresMs: clock.now().getTime() + SESSION_MS }), 'cognito-srp').toString('base64');
}

export function openSrp(box: SealedBox, clock: Clock, block: string | undefined): SrpState | undefined {
  const s = open<SrpState>(box, block, 'cognito-srp');
  return s && s.expiresMs >= clock.now().getTime() ? s : undefined;
}

function open<T>(box: SealedBox, token: string | undefined, context: string): T | undefined {
  if (!token) return undefined;
  try {
    return JSON.parse(box.open(Buffer.from(token, 'base64'), context)) as T;
  } catch {
    return undefined;
  }
}
