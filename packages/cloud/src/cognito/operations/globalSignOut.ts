import type { GlobalSignOutCommandInput, GlobalSignOutCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';

export type GlobalSignOutOperation = Operation<GlobalSignOutCommandInput, WireOutput<GlobalSignOutCommandOutput>>;

export const GlobalSignOut = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey'>): GlobalSignOutOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    d.pools.revokeAllOfUser(pool.userPoolId, user.username);
    return {};
  };
