import type { ListGroupsCommandInput, ListGroupsCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById } from '../users.js';
import { nextToken, pageAfter } from '../admin.js';
import { toGroupType } from '../responses.js';
import { InvalidParameterException } from '../errors.js';

export type ListGroupsOperation = Operation<ListGroupsCommandInput, WireOutput<ListGroupsCommandOutput>>;

export const ListGroups = (d: Pick<CognitoServices, 'pools'>): ListGroupsOperation =>
  async (_ctx, input) => {
    const pool = poolById(d.pools, input.UserPoolId);
    const limit = input.Limit ?? 60;
    if (limit < 1 || limit > 60) throw new InvalidParameterException("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
    const groups = d.pools.groups(pool.userPoolId, pageAfter(input.NextToken), limit);
    const next = nextToken(groups, limit);
    return { Groups: groups.map(toGroupType), ...(next ? { NextToken: next } : {}) };
  };
