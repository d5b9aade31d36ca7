import type { ResendConfirmationCodeCommandInput, ResendConfirmationCodeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { findUser, poolByClient } from '../users.js';
import { sendCode } from '../codes.js';
import { InvalidParameterException, UserNotFoundException } from '../errors.js';

export type ResendConfirmationCodeOperation = Operation<ResendConfirmationCodeCommandInput, WireOutput<ResendConfirmationCodeCommandOutput>>;

export const ResendConfirmationCode = (d: Pick<CognitoServices, 'pools' | 'clock' | 'outbox'>): ResendConfirmationCodeOperation =>
  async (_ctx, input) => {
    const pool = poolByClient(d.pools, input.ClientId);
    const user = findUser(d.pools, pool, input.Username);
    if (!user) throw new UserNotFoundException('Username/client id combination not found.');
    if (user.status !== 'UNCONFIRMED') throw new InvalidParameterException('User is already confirmed.');
    const medium = pool.userVerification === 'phone' ? 'SMS' : 'EMAIL';
    return { CodeDeliveryDetails: sendCode(d, pool, user, 'signup', medium) };
  };
