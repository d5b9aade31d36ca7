import type { ListUsersCommandInput, ListUsersCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById } from '../users.js';
import { pageAfter } from '../admin.js';
import { parseUserFilter } from '../userFilter.js';
import { toUserType } from '../responses.js';
import { InvalidParameterException } from '../errors.js';

export type ListUsersOperation = Operation<ListUsersCommandInput, WireOutput<ListUsersCommandOutput>>;

export const ListUsers = (d: Pick<CognitoServices, 'pools'>): ListUsersOperation =>
  async (_ctx, input) => {
    const pool = poolById(d.pools, input.UserPoolId);
    const limit = input.Limit ?? 60;
    if (limit < 1 || limit > 60) throw new InvalidParameterException("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
    const match = parseUserFilter(input.Filter);
    const found = [];
    let after = pageAfter(input.PaginationToken);
    let more = true;
    while (found.length < limit && more) {
      const batch = d.pools.users(pool.userPoolId, after, 200);
      more = batch.length === 200;
      for (const u of batch) {
        after = u.username;
        if (match(u)) found.push(u);
        if (found.length === limit) break;
      }
    }
    const hasNext = found.length === limit && (more || d.pools.users(pool.userPoolId, after, 1).length > 0);
    const attrs = input.AttributesToGet;
    const users = found.map(toUserType).map((u) => (attrs ? { ...u, Attributes: u.Attributes?.filter((a) => attrs.includes(a.Name!)) } : u));
    return { Users: users, ...(hasNext ? { PaginationToken: Buffer.from(after, 'utf8').toString('base64url') } : {}) };
  };
