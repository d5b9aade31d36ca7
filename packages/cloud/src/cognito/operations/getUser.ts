import type { GetUserCommandInput, GetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';
import { toAttributeList } from '../attributes.js';
import { activeMfa } from '../auth/signInSteps.js';

export type GetUserOperation = Operation<GetUserCommandInput, WireOutput<GetUserCommandOutput>>;

export const GetUser = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey'>): GetUserOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    const mfa = activeMfa(pool, user);
    return {
      Username: user.username,
      UserAttributes: toAttributeList(user.attributes),
      ...(mfa.length ? { UserMFASettingList: mfa } : {}),
      ...(user.mfa.preferred && mfa.includes(user.mfa.preferred) ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    };
  };
