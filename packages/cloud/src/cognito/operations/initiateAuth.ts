import type { InitiateAuthCommandInput, InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolByClient } from '../users.js';
import { startSrp, passwordAuth } from '../auth/passwordFlows.js';
import { refreshTokens } from '../auth/refreshFlow.js';
import { userAuth } from '../auth/userAuthFlow.js';
import { InvalidParameterException, missing } from '../errors.js';

export type InitiateAuthOperation = Operation<InitiateAuthCommandInput, WireOutput<InitiateAuthCommandOutput>>;

export const InitiateAuth = (d: Pick<CognitoServices, 'pools' | 'clock' | 'box' | 'outbox' | 'signingKey'>): InitiateAuthOperation =>
  async (_ctx, input) => {
    const pool = poolByClient(d.pools, input.ClientId);
    const params = (input.AuthParameters ?? {}) as Record<string, string>;
    switch (input.AuthFlow) {
      case 'USER_SRP_AUTH':
        return startSrp(d, pool, params);
      case 'USER_PASSWORD_AUTH':
        return passwordAuth(d, pool, params);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return { ChallengeParameters: {}, AuthenticationResult: await refreshTokens(d, pool, params.REFRESH_TOKEN) };
      case 'USER_AUTH':
        return userAuth(d, pool, params);
      case undefined:
        throw missing('authFlow');
      default:
        throw new InvalidParameterException(`Initiate Auth method not supported: ${input.AuthFlow} (Sandlot serves USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH and REFRESH_TOKEN_AUTH).`);
    }
  };
