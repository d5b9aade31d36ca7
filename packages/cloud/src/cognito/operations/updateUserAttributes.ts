import type { CodeDeliveryDetailsType, UpdateUserAttributesCommandInput, UpdateUserAttributesCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';
import { readAttributes } from '../attributes.js';
import { assertAliasFree } from '../users.js';
import { sendCode } from '../codes.js';
import { InvalidParameterException } from '../errors.js';

export type UpdateUserAttributesOperation = Operation<UpdateUserAttributesCommandInput, WireOutput<UpdateUserAttributesCommandOutput>>;

/** A changed email / phone number becomes unverified and gets a verification code, as in Cognito. */
export const UpdateUserAttributes = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey' | 'outbox'>): UpdateUserAttributesOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    const attrs = readAttributes(pool, input.UserAttributes);
    if ('email_verified' in attrs || 'phone_number_verified' in attrs) throw new InvalidParameterException('Only administrators can set verification attributes.');
    assertAliasFree(d.pools, pool, user, attrs);
    const next = { ...user, attributes: { ...user.attributes, ...attrs } };
    const changed = (['email', 'phone_number'] as const).filter((n) => n in attrs && attrs[n] !== user.attributes[n]);
    for (const n of changed) next.attributes[`${n}_verified`] = 'false';
    d.pools.updateUser(next);
    const list: CodeDeliveryDetailsType[] = changed.map((n) => sendCode(d, pool, next, n === 'email' ? 'verify:email' : 'verify:phone_number', n === 'email' ? 'EMAIL' : 'SMS'));
    return { CodeDeliveryDetailsList: list };
  };
