import type { ListUsersInGroupCommandInput, ListUsersInGroupCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById } from '../users.js';
import { adminGroup, nextToken, pageAfter } from '../admin.js';
import { toUserType } from '../responses.js';
import { InvalidParameterException } from '../errors.js';

export type ListUsersInGroupOperation = Operation<ListUsersInGroupCommandInput, WireOutput<ListUsersInGroupCommandOutput>>;

export const ListUsersInGroup = (d: Pick<CognitoServices, 'pools'>): ListUsersInGroupOperation =>
  async (_ctx, input) => {
    const pool = poolById(d.pools, input.UserPoolId);
    const group = adminGroup(d.pools, pool, input.GroupName);
    const limit = input.Limit ?? 60;
    if (limit < 1 || limit > 60) throw new InvalidParameterException("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
    const users = d.pools.usersInGroup(pool.userPoolId, group.name, pageAfter(input.NextToken), limit);
    const next = nextToken(users, limit);
    return { Users: users.map(toUserType), ...(next ? { NextToken: next } : {}) };
  };
