import type { AdminAddUserToGroupCommandInput, AdminAddUserToGroupCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminGroup, adminUser } from '../admin.js';

export type AdminAddUserToGroupOperation = Operation<AdminAddUserToGroupCommandInput, WireOutput<AdminAddUserToGroupCommandOutput>>;

export const AdminAddUserToGroup = (d: Pick<CognitoServices, 'pools'>): AdminAddUserToGroupOperation =>
  async (_ctx, input) => d.pools.transaction(() => {
    const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
    const group = adminGroup(d.pools, pool, input.GroupName);
    d.pools.addToGroup(pool.userPoolId, group.name, user.username);
    return {};
  });
