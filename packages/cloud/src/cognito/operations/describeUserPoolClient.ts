import type { DescribeUserPoolClientCommandInput, DescribeUserPoolClientCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById } from '../users.js';
import { clientNotFound } from '../errors.js';

export type DescribeUserPoolClientOperation = Operation<DescribeUserPoolClientCommandInput, WireOutput<DescribeUserPoolClientCommandOutput>>;

export const DescribeUserPoolClient = (d: Pick<CognitoServices, 'pools'>): DescribeUserPoolClientOperation =>
  async (_ctx, input) => {
    const pool = poolById(d.pools, input.UserPoolId);
    if (input.ClientId !== pool.clientId) throw clientNotFound(input.ClientId ?? '');
    return {
      UserPoolClient: {
        UserPoolId: pool.userPoolId, ClientId: pool.clientId, ClientName: `${pool.userPoolId}-client`,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'],
        AccessTokenValidity: pool.accessTokenSeconds, IdTokenValidity: pool.idTokenSeconds, RefreshTokenValidity: pool.refreshTokenSeconds,
        TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'seconds' },
        EnableTokenRevocation: true, PreventUserExistenceErrors: 'LEGACY',
      },
    };
  };
