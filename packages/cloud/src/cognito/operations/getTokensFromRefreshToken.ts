import type { GetTokensFromRefreshTokenCommandInput, GetTokensFromRefreshTokenCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolByClient } from '../users.js';
import { refreshTokens } from '../auth/refreshFlow.js';

export type GetTokensFromRefreshTokenOperation = Operation<GetTokensFromRefreshTokenCommandInput, WireOutput<GetTokensFromRefreshTokenCommandOutput>>;

export const GetTokensFromRefreshToken = (d: Pick<CognitoServices, 'pools' | 'clock' | 'box' | 'outbox' | 'signingKey'>): GetTokensFromRefreshTokenOperation =>
  async (_ctx, input) => ({ AuthenticationResult: await refreshTokens(d, poolByClient(d.pools, input.ClientId), input.RefreshToken) });
