import type { AdminDeleteUserCommandInput, AdminDeleteUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminUser } from '../admin.js';

export type AdminDeleteUserOperation = Operation<AdminDeleteUserCommandInput, WireOutput<AdminDeleteUserCommandOutput>>;

export const AdminDeleteUser = (d: Pick<CognitoServices, 'pools'>): AdminDeleteUserOperation =>
  async (_ctx, input) => {
    const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
    d.pools.deleteUser(pool.userPoolId, user.username);
    return {};
  };
