import type { DeleteGroupCommandInput, DeleteGroupCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById } from '../users.js';
import { adminGroup } from '../admin.js';

export type DeleteGroupOperation = Operation<DeleteGroupCommandInput, WireOutput<DeleteGroupCommandOutput>>;

export const DeleteGroup = (d: Pick<CognitoServices, 'pools'>): DeleteGroupOperation =>
  async (_ctx, input) => {
    const pool = poolById(d.pools, input.UserPoolId);
    const group = adminGroup(d.pools, pool, input.GroupName);
    d.pools.deleteGroup(pool.userPoolId, group.name);
    return {};
  };
