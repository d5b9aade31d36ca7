import type { ForgotPasswordCommandInput, ForgotPasswordCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { findUser, poolByClient } from '../users.js';
import { sendCode } from '../codes.js';
import { InvalidParameterException, UserNotFoundException } from '../errors.js';

export type ForgotPasswordOperation = Operation<ForgotPasswordCommandInput, WireOutput<ForgotPasswordCommandOutput>>;

export const ForgotPassword = (d: Pick<CognitoServices, 'pools' | 'clock' | 'outbox'>): ForgotPasswordOperation =>
  async (_ctx, input) => {
    const pool = poolByClient(d.pools, input.ClientId);
    const user = findUser(d.pools, pool, input.Username);
    if (!user) throw new UserNotFoundException('Username/client id combination not found.');
    const medium = user.attributes.email_verified === 'true' || (user.attributes.email && user.attributes.phone_number_verified !== 'true') ? 'EMAIL' : user.attributes.phone_number ? 'SMS' : undefined;
    if (!medium) throw new InvalidParameterException('Cannot reset password for the user as there is no registered/verified email or phone_number');
    return { CodeDeliveryDetails: sendCode(d, pool, user, 'forgot', medium) };
  };
