import type { DeleteUserAttributesCommandInput, DeleteUserAttributesCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';
import { InvalidParameterException } from '../errors.js';

export type DeleteUserAttributesOperation = Operation<DeleteUserAttributesCommandInput, WireOutput<DeleteUserAttributesCommandOutput>>;

export const DeleteUserAttributes = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey'>): DeleteUserAttributesOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    const attributes = { ...user.attributes };
    for (const name of input.UserAttributeNames ?? []) {
      if (name === 'sub' || pool.requiredAttributes.includes(name)) throw new InvalidParameterException(`Cannot delete the required attribute ${name}.`);
      delete attributes[name];
    }
    d.pools.updateUser({ ...user, attributes });
    return {};
  };
