import type { ConfirmForgotPasswordCommandInput, ConfirmForgotPasswordCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { findUser, poolByClient, withPassword } from '../users.js';
import { checkCode } from '../codes.js';
import { assertPasswordPolicy } from '../password.js';
import { UserNotFoundException, missing } from '../errors.js';

export type ConfirmForgotPasswordOperation = Operation<ConfirmForgotPasswordCommandInput, WireOutput<ConfirmForgotPasswordCommandOutput>>;

export const ConfirmForgotPassword = (d: Pick<CognitoServices, 'pools' | 'clock'>): ConfirmForgotPasswordOperation =>
  async (_ctx, input) => {
    const pool = poolByClient(d.pools, input.ClientId);
    if (!input.Password) throw missing('password');
    const user = findUser(d.pools, pool, input.Username);
    if (!user) throw new UserNotFoundException('Username/client id combination not found.');
    assertPasswordPolicy(input.Password, pool.passwordPolicy);
    checkCode(d, pool, user, 'forgot', input.ConfirmationCode);
    const status = user.status === 'UNCONFIRMED' ? 'UNCONFIRMED' : 'CONFIRMED';
    d.pools.updateUser({ ...withPassword(pool, user, input.Password), status });
    return {};
  };
