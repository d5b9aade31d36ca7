import type { CreateGroupCommandInput, CreateGroupCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById } from '../users.js';
import { toGroupType } from '../responses.js';
import { GroupExistsException, InvalidParameterException, missing } from '../errors.js';

export type CreateGroupOperation = Operation<CreateGroupCommandInput, WireOutput<CreateGroupCommandOutput>>;

export const CreateGroup = (d: Pick<CognitoServices, 'pools'>): CreateGroupOperation =>
  async (_ctx, input) => {
    const pool = poolById(d.pools, input.UserPoolId);
    if (!input.GroupName) throw missing('groupName');
    if (!/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u.test(input.GroupName)) throw new InvalidParameterException("1 validation error detected: Value at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    if (input.Precedence !== undefined && (input.Precedence < 0 || !Number.isInteger(input.Precedence))) throw new InvalidParameterException("1 validation error detected: Value at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0");
    if (d.pools.group(pool.userPoolId, input.GroupName)) throw new GroupExistsException('A group with the name already exists.');
    d.pools.putGroup({ poolId: pool.userPoolId, name: input.GroupName, description: input.Description, precedence: input.Precedence, roleArn: input.RoleArn, fromConfig: false });
    return { Group: toGroupType(d.pools.group(pool.userPoolId, input.GroupName)!) };
  };
