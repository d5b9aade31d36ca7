import { randomBytes, randomUUID } from 'node:crypto';
import type { IdentityServices } from './services.js';
import type { IdentityPoolConfig } from './config.js';
import type { StoredIdentity } from './store.js';
import type { VerifiedLogin } from './logins.js';
import { assertGuestsAllowed } from './pools.js';
import { NotAuthorizedException, ResourceNotFoundException } from './errors.js';

const LIFETIME_MS = 3600_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The identity a call acts as: the given one, or (when a guest identity is used with a login, as the
 * client does after sign-in) the login's own identity, linking the guest identity when the login has none.
 */
export function resolveIdentity(d: Pick<IdentityServices, 'identities'>, identityId: string | undefined, login: VerifiedLogin | undefined): { identity: StoredIdentity; pool: IdentityPoolConfig } {
  const identity = identityId ? d.identities.identity(identityId) : undefined;
  if (!identity) throw new ResourceNotFoundException(`Identity '${identityId ?? ''}' not found.`);
  const pool = d.identities.pool(identity.poolId);
  if (!pool) throw new ResourceNotFoundException(`IdentityPool '${identity.poolId}' not found.`);
  if (!login) {
    if (identity.login) throw new NotAuthorizedException("Logins don't match. Please include at least one valid login for this identity or identity pool.");
    assertGuestsAllowed(pool);
    return { identity, pool };
  }
  if (identity.login === login.login) return { identity, pool };
  const own = d.identities.identityByLogin(pool.identityPoolId, login.login);
  if (own) return { identity: own, pool };
  if (!identity.login && d.identities.link(identity.id, login.login)) return { identity: { ...identity, login: login.login }, pool };
  const id = `${pool.identityPoolId.split(':')[0]}:${randomUUID()}`;
  d.identities.insertIdentity({ id, poolId: pool.identityPoolId, login: login.login });
  return { identity: { id, poolId: pool.identityPoolId, login: login.login }, pool };
}

/** Fresh temporary keys for an identity, persisted (sealed) and added to the key ring. */
export function issueCredentials(d: Pick<IdentityServices, 'identities' | 'clock' | 'accountId'>, pool: IdentityPoolConfig, identity: StoredIdentity, login: VerifiedLogin | undefined) {
  const kind = login ? 'authenticated' : 'unauthenticated';
  const suffix = pool.identityPoolId.split(':')[1]!.slice(0, 8);
  const roleArn = (login ? pool.authenticatedRoleArn : pool.unauthenticatedRoleArn) ?? `arn:aws:iam::${d.accountId}:role/sandlot-${suffix}-${kind}`;
  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const accessKeyId = 'ASIA' + [...randomBytes(16)].map((b) => ALPHABET[b & 31]).join('');
  const secretAccessKey = randomBytes(30).toString('base64');
  const sessionToken = randomBytes(96).toString('base64');
  const expiration = new Date(d.clock.now().getTime() + LIFETIME_MS);
  d.identities.putKey(accessKeyId, {
    secretAccessKey, sessionToken, expiration, kind, identityId: identity.id,
    principal: `arn:aws:sts::${d.accountId}:assumed-role/${roleName}/CognitoIdentityCredentials`,
    ...(login ? { userSub: login.sub, username: login.username, groups: login.groups } : {}),
  });
  return { AccessKeyId: accessKeyId, SecretKey: secretAccessKey, SessionToken: sessionToken, Expiration: expiration };
}
