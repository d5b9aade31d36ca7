import { randomBytes } from 'node:crypto';
import type { AdminCreateUserCommandInput, AdminCreateUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById, newUser, withPassword, findUser } from '../users.js';
import { readAttributes } from '../attributes.js';
import { assertPasswordPolicy } from '../password.js';
import { toUserType } from '../responses.js';
import { InvalidParameterException, UnsupportedUserStateException, UserNotFoundException, missing } from '../errors.js';

export type AdminCreateUserOperation = Operation<AdminCreateUserCommandInput, WireOutput<AdminCreateUserCommandOutput>>;

/**
 * The user starts in FORCE_CHANGE_PASSWORD with the given (or a generated) temporary password; the
 * invitation goes to the outbox unless `MessageAction: SUPPRESS`. `RESEND` re-sends it. Checks and writes are
 * one transaction (a user another process creates meanwhile cannot slip between the lookup and the insert).
 */
export const AdminCreateUser = (d: Pick<CognitoServices, 'pools' | 'clock' | 'outbox' | 'prepareSigningKey'>): AdminCreateUserOperation =>
  async (_ctx, input) => {
    // A generated password that is never delivered (SUPPRESS) can never be used: none is made and none stored.
    const undeliverable = input.TemporaryPassword === undefined && input.MessageAction === 'SUPPRESS';
    const password = input.TemporaryPassword ?? (undeliverable ? undefined : generatePassword());
    return d.pools.transaction(() => {
      const pool = poolById(d.pools, input.UserPoolId);
      if (!input.Username) throw missing('username');
      if (input.MessageAction && input.MessageAction !== 'SUPPRESS' && input.MessageAction !== 'RESEND') throw new InvalidParameterException(`Invalid MessageAction: ${input.MessageAction}`);
      if (password !== undefined) assertPasswordPolicy(password, pool.passwordPolicy);
      if (input.MessageAction === 'RESEND') {
        const existing = findUser(d.pools, pool, input.Username);
        if (!existing) throw new UserNotFoundException();
        if (existing.status !== 'FORCE_CHANGE_PASSWORD') throw new UnsupportedUserStateException('Resend not possible. ' + input.Username + ' status is not FORCE_CHANGE_PASSWORD.');
        const resent = password!; // RESEND is not SUPPRESS: a password was made above
        const user = withPassword(pool, existing, resent);
        d.pools.updateUser(user);
        d.prepareSigningKey();
        invite(d, pool.userPoolId, user.username, user.attributes.email, resent);
        return { User: toUserType(user) };
      }
      const attrs = readAttributes(pool, input.UserAttributes);
      const fresh = newUser(d.pools, d.clock, pool, input.Username, attrs, 'FORCE_CHANGE_PASSWORD');
      const user = password === undefined ? fresh : withPassword(pool, fresh, password);
      d.pools.insertUser(user);
      if (password !== undefined) d.prepareSigningKey();
      if (input.MessageAction !== 'SUPPRESS' && password !== undefined) invite(d, pool.userPoolId, user.username, user.attributes.email, password);
      return { User: toUserType(user) };
    });
  };

function invite(d: Pick<CognitoServices, 'outbox'>, poolId: string, username: string, email: string | undefined, password: string) {
  if (!email) return;
  // The outbox is the local mailbox: the invitation carries the temporary password, as Cognito's e-mail does.
  d.outbox.send({ userPoolId: poolId, username, medium: 'EMAIL', to: email, purpose: 'invitation', code: password, message: `Your username is ${username} and temporary password is ${password}` });
}

/** Meets any password policy: lower, upper, digit, symbol. */
const generatePassword = () => `Tmp${randomBytes(9).toString('base64url')}a1!`;
