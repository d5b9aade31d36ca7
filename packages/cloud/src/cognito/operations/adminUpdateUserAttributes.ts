import type { AdminUpdateUserAttributesCommandInput, AdminUpdateUserAttributesCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { adminUser } from '../admin.js';
import { readAttributes } from '../attributes.js';
import { assertAliasFree } from '../users.js';

export type AdminUpdateUserAttributesOperation = Operation<AdminUpdateUserAttributesCommandInput, WireOutput<AdminUpdateUserAttributesCommandOutput>>;

/** Admins may set `*_verified` directly; a changed email / phone without it becomes unverified. */
export const AdminUpdateUserAttributes = (d: Pick<CognitoServices, 'pools'>): AdminUpdateUserAttributesOperation =>
  async (_ctx, input) => {
    const { pool, user } = adminUser(d.pools, input.UserPoolId, input.Username);
    const attrs = readAttributes(pool, input.UserAttributes);
    assertAliasFree(d.pools, pool, user, attrs);
    const next = { ...user.attributes, ...attrs };
    for (const n of ['email', 'phone_number'] as const) {
      if (n in attrs && attrs[n] !== user.attributes[n] && !(`${n}_verified` in attrs)) next[`${n}_verified`] = 'false';
    }
    d.pools.updateUser({ ...user, attributes: next });
    return {};
  };
