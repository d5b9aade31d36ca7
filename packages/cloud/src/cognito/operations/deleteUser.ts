import type { DeleteUserCommandInput, DeleteUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';

export type DeleteUserOperation = Operation<DeleteUserCommandInput, WireOutput<DeleteUserCommandOutput>>;

export const DeleteUser = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey'>): DeleteUserOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    d.pools.deleteUser(pool.userPoolId, user.username);
    return {};
  };
