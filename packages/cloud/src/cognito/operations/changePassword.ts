import type { ChangePasswordCommandInput, ChangePasswordCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';
import { assertPasswordPolicy, checkPassword } from '../password.js';
import { withPassword } from '../users.js';
import { NotAuthorizedException, missing } from '../errors.js';

export type ChangePasswordOperation = Operation<ChangePasswordCommandInput, WireOutput<ChangePasswordCommandOutput>>;

export const ChangePassword = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey'>): ChangePasswordOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    if (!input.ProposedPassword) throw missing('proposedPassword');
    if (!checkPassword(pool, user, input.PreviousPassword ?? '')) throw new NotAuthorizedException();
    assertPasswordPolicy(input.ProposedPassword, pool.passwordPolicy);
    d.pools.updateUser(withPassword(pool, user, input.ProposedPassword));
    return {};
  };
