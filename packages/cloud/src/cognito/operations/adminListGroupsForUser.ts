import type { AdminListGroupsForUserCommandInput, AdminListGroupsForUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminUser } from '../admin.js';
import { toGroupType } from '../responses.js';

export type AdminListGroupsForUserOperation = Operation<AdminListGroupsForUserCommandInput, WireOutput<AdminListGroupsForUserCommandOutput>>;

export const AdminListGroupsForUser = (d: Pick<CognitoServices, 'pools'>): AdminListGroupsForUserOperation =>
  async (_ctx, input) => {
    const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
    return { Groups: d.pools.groupsOfUser(pool.userPoolId, user.username).map(toGroupType) };
  };
