import type { ConfirmSignUpCommandInput, ConfirmSignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { findUser, poolByClient } from '../users.js';
import { checkCode } from '../codes.js';
import { NotAuthorizedException, UserNotFoundException, missing } from '../errors.js';

export type ConfirmSignUpOperation = Operation<ConfirmSignUpCommandInput, WireOutput<ConfirmSignUpCommandOutput>>;

export const ConfirmSignUp = (d: Pick<CognitoServices, 'pools' | 'clock'>): ConfirmSignUpOperation =>
  async (_ctx, input) => {
    const pool = poolByClient(d.pools, input.ClientId);
    if (!input.ConfirmationCode) throw missing('confirmationCode');
    const user = findUser(d.pools, pool, input.Username);
    if (!user) throw new UserNotFoundException('Username/client id combination not found.');
    if (user.status !== 'UNCONFIRMED') throw new NotAuthorizedException('User cannot be confirmed. Current status is CONFIRMED');
    checkCode(d, pool, user, 'signup', input.ConfirmationCode);
    const verified: Record<string, string> = pool.userVerification === 'phone' ? { phone_number_verified: 'true' } : user.attributes.email ? { email_verified: 'true' } : {};
    d.pools.updateUser({ ...user, status: 'CONFIRMED', attributes: { ...user.attributes, ...verified } });
    return {};
  };
