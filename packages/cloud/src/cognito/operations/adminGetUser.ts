import type { AdminGetUserCommandInput, AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminUser } from '../admin.js';
import { toAttributeList } from '../attributes.js';
import { activeMfa } from '../auth/signInSteps.js';

export type AdminGetUserOperation = Operation<AdminGetUserCommandInput, WireOutput<AdminGetUserCommandOutput>>;

export const AdminGetUser = (d: Pick<CognitoServices, 'pools'>): AdminGetUserOperation =>
  async (_ctx, input) => {
    const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
    const mfa = activeMfa(pool, user);
    return {
      Username: user.username, UserAttributes: toAttributeList(user.attributes), UserCreateDate: user.created, UserLastModifiedDate: user.modified,
      Enabled: user.enabled, UserStatus: user.status,
      ...(mfa.length ? { UserMFASettingList: mfa } : {}),
      ...(user.mfa.preferred && mfa.includes(user.mfa.preferred) ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    };
  };
