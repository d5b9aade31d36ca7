import type { SignUpCommandInput, SignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolByClient, newUser, withPassword } from '../users.js';
import { readAttributes, assertRequiredAttributes } from '../attributes.js';
import { assertPasswordPolicy } from '../password.js';
import { sendCode } from '../codes.js';
import { InvalidParameterException, NotAuthorizedException, missing } from '../errors.js';

export type SignUpOperation = Operation<SignUpCommandInput, WireOutput<SignUpCommandOutput>>;

export const SignUp = (d: Pick<CognitoServices, 'pools' | 'clock' | 'outbox' | 'prepareSigningKey'>): SignUpOperation =>
  async (_ctx, input) => {
    const pool = poolByClient(d.pools, input.ClientId);
    if (!pool.selfSignUp) throw new NotAuthorizedException('SignUp is not permitted for this user pool');
    if (!input.Username) throw missing('username');
    if (!input.Password) throw new InvalidParameterException("1 validation error detected: Value at 'password' failed to satisfy constraint: Member must not be null");
    const attributes = readAttributes(pool, input.UserAttributes);
    assertPasswordPolicy(input.Password, pool.passwordPolicy);
    let user = newUser(d.pools, d.clock, pool, input.Username, attributes, 'UNCONFIRMED');
    assertRequiredAttributes(pool, user.attributes);
    user = withPassword(pool, user, input.Password);
    d.pools.insertUser(user);
    d.prepareSigningKey();
    const medium = pool.userVerification === 'email' && user.attributes.email ? 'EMAIL' : pool.userVerification === 'phone' && user.attributes.phone_number ? 'SMS' : undefined;
    const delivery = medium ? sendCode(d, pool, user, 'signup', medium) : undefined;
    return { UserConfirmed: false, UserSub: user.sub, ...(delivery ? { CodeDeliveryDetails: delivery } : {}) };
  };
