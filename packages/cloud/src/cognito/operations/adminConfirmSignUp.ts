import type { AdminConfirmSignUpCommandInput, AdminConfirmSignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminUser } from '../admin.js';
import { NotAuthorizedException } from '../errors.js';

export type AdminConfirmSignUpOperation = Operation<AdminConfirmSignUpCommandInput, WireOutput<AdminConfirmSignUpCommandOutput>>;

export const AdminConfirmSignUp = (d: Pick<CognitoServices, 'pools'>): AdminConfirmSignUpOperation =>
  async (_ctx, input) => {
    const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
    if (user.status !== 'UNCONFIRMED') throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
    d.pools.updateUser({ ...user, status: 'CONFIRMED' });
    d.pools.deleteCode(pool.userPoolId, user.username, 'signup');
    return {};
  };
