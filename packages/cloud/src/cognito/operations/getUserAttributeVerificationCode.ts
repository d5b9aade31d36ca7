import type { GetUserAttributeVerificationCodeCommandInput, GetUserAttributeVerificationCodeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';
import { sendCode } from '../codes.js';
import { InvalidParameterException } from '../errors.js';

export type GetUserAttributeVerificationCodeOperation = Operation<GetUserAttributeVerificationCodeCommandInput, WireOutput<GetUserAttributeVerificationCodeCommandOutput>>;

export const GetUserAttributeVerificationCode = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey' | 'outbox'>): GetUserAttributeVerificationCodeOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    if (input.AttributeName !== 'email' && input.AttributeName !== 'phone_number') throw new InvalidParameterException('Invalid attribute name: only email and phone_number can be verified.');
    return { CodeDeliveryDetails: sendCode(d, pool, user, `verify:${input.AttributeName}`, input.AttributeName === 'email' ? 'EMAIL' : 'SMS') };
  };
