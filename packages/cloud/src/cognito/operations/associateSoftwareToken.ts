import type { AssociateSoftwareTokenCommandInput, AssociateSoftwareTokenCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { mfaSubject, totpContext } from '../mfaSubject.js';
import { newTotpSecret } from '../totp.js';
import { sealSession } from '../session.js';
import { SoftwareTokenMFANotFoundException } from '../errors.js';

export type AssociateSoftwareTokenOperation = Operation<AssociateSoftwareTokenCommandInput, WireOutput<AssociateSoftwareTokenCommandOutput>>;

/** A new pending TOTP secret (sealed at rest); it becomes active only after VerifySoftwareToken. */
export const AssociateSoftwareToken = (d: Pick<CognitoServices, 'pools' | 'clock' | 'box' | 'signingKey'>): AssociateSoftwareTokenOperation =>
  async (_ctx, input) => {
    const { pool, user, session } = await mfaSubject(d, input);
    if (!pool.mfa.totp) throw new SoftwareTokenMFANotFoundException();
    const secret = newTotpSecret();
    d.pools.updateUser({ ...user, totpPendingSealed: d.box.seal(secret, totpContext(pool, user)) });
    return { SecretCode: secret, ...(session ? { Session: sealSession(d.box, d.clock, { ...session }) } : {}) };
  };
