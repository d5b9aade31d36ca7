import type { AdminEnableUserCommandInput, AdminEnableUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminUser } from '../admin.js';

export type AdminEnableUserOperation = Operation<AdminEnableUserCommandInput, WireOutput<AdminEnableUserCommandOutput>>;

export const AdminEnableUser = (d: Pick<CognitoServices, 'pools'>): AdminEnableUserOperation =>
  async (_ctx, input) => {
    const { user } = adminUser(d.pools, input.UserPoolId, input.Username);
    d.pools.updateUser({ ...user, enabled: true });
    return {};
  };
