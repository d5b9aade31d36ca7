import type { VerifySoftwareTokenCommandInput, VerifySoftwareTokenCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { mfaSubject, totpContext } from '../mfaSubject.js';
import { checkTotp } from '../totp.js';
import { sealSession } from '../session.js';
import { EnableSoftwareTokenMFAException, InvalidParameterException } from '../errors.js';

export type VerifySoftwareTokenOperation = Operation<VerifySoftwareTokenCommandInput, WireOutput<VerifySoftwareTokenCommandOutput>>;

export const VerifySoftwareToken = (d: Pick<CognitoServices, 'pools' | 'clock' | 'box' | 'signingKey'>): VerifySoftwareTokenOperation =>
  async (_ctx, input) => {
    const { pool, user, session } = await mfaSubject(d, input);
    if (!user.totpPendingSealed) throw new InvalidParameterException('User has not associated a software token (call AssociateSoftwareToken first).');
    const secret = d.box.open(user.totpPendingSealed, totpContext(pool, user));
    const result = checkTotp(secret, input.UserCode, d.clock.now().getTime(), 0);
    if (!result.ok) throw new EnableSoftwareTokenMFAException('Code mismatch');
    const enabled = [...new Set([...user.mfa.enabled, 'SOFTWARE_TOKEN_MFA' as const])];
    d.pools.updateUser({
      ...user, totpSealed: user.totpPendingSealed, totpPendingSealed: undefined, totpLastStep: result.step,
      mfa: { enabled, ...(user.mfa.preferred ?? (session ? 'SOFTWARE_TOKEN_MFA' : undefined) ? { preferred: user.mfa.preferred ?? 'SOFTWARE_TOKEN_MFA' } : {}) },
    });
    return { Status: 'SUCCESS', ...(session ? { Session: sealSession(d.box, d.clock, { ...session, totpSetUp: true }) } : {}) };
  };
