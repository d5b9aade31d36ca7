import type { AdminSetUserPasswordCommandInput, AdminSetUserPasswordCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminUser } from '../admin.js';
import { withPassword } from '../users.js';
import { assertPasswordPolicy } from '../password.js';
import { missing } from '../errors.js';

export type AdminSetUserPasswordOperation = Operation<AdminSetUserPasswordCommandInput, WireOutput<AdminSetUserPasswordCommandOutput>>;

export const AdminSetUserPassword = (d: Pick<CognitoServices, 'pools' | 'prepareSigningKey'>): AdminSetUserPasswordOperation =>
  async (_ctx, input) => {
    return d.pools.transaction(() => {
      const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
      if (!input.Password) throw missing('password');
      assertPasswordPolicy(input.Password, pool.passwordPolicy);
      const status = input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
      d.pools.updateUser({ ...withPassword(pool, user, input.Password), status });
      d.prepareSigningKey();
      return {};
    });
  };
