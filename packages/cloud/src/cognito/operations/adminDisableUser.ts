import type { AdminDisableUserCommandInput, AdminDisableUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminUser } from '../admin.js';

export type AdminDisableUserOperation = Operation<AdminDisableUserCommandInput, WireOutput<AdminDisableUserCommandOutput>>;

export const AdminDisableUser = (d: Pick<CognitoServices, 'pools'>): AdminDisableUserOperation =>
  async (_ctx, input) => {
    const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
    d.pools.updateUser({ ...user, enabled: false });
    d.pools.revokeAllOfUser(pool.userPoolId, user.username);
    return {};
  };
