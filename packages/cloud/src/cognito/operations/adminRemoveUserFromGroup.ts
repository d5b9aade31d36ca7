import type { AdminRemoveUserFromGroupCommandInput, AdminRemoveUserFromGroupCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminGroup, adminUser } from '../admin.js';

export type AdminRemoveUserFromGroupOperation = Operation<AdminRemoveUserFromGroupCommandInput, WireOutput<AdminRemoveUserFromGroupCommandOutput>>;

export const AdminRemoveUserFromGroup = (d: Pick<CognitoServices, 'pools'>): AdminRemoveUserFromGroupOperation =>
  async (_ctx, input) => {
    const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
    const group = adminGroup(d.pools, pool, input.GroupName);
    d.pools.removeFromGroup(pool.userPoolId, group.name, user.username);
    return {};
  };
