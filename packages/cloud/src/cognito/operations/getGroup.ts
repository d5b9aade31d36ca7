import type { GetGroupCommandInput, GetGroupCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById } from '../users.js';
import { adminGroup } from '../admin.js';
import { toGroupType } from '../responses.js';

export type GetGroupOperation = Operation<GetGroupCommandInput, WireOutput<GetGroupCommandOutput>>;

export const GetGroup = (d: Pick<CognitoServices, 'pools'>): GetGroupOperation =>
  async (_ctx, input) => ({ Group: toGroupType(adminGroup(d.pools, poolById(d.pools, input.UserPoolId), input.GroupName)) });
