import type { VerifyUserAttributeCommandInput, VerifyUserAttributeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';
import { checkCode } from '../codes.js';
import { InvalidParameterException } from '../errors.js';

export type VerifyUserAttributeOperation = Operation<VerifyUserAttributeCommandInput, WireOutput<VerifyUserAttributeCommandOutput>>;

export const VerifyUserAttribute = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey'>): VerifyUserAttributeOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    if (input.AttributeName !== 'email' && input.AttributeName !== 'phone_number') throw new InvalidParameterException('Invalid attribute name: only email and phone_number can be verified.');
    checkCode(d, pool, user, `verify:${input.AttributeName}`, input.Code);
    d.pools.updateUser({ ...user, attributes: { ...user.attributes, [`${input.AttributeName}_verified`]: 'true' } });
    return {};
  };
