import { SignJWT } from 'jose';
import type { GetOpenIdTokenCommandInput, GetOpenIdTokenCommandOutput } from '@aws-sdk/client-cognito-identity';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { IdentityServices } from '../services.js';
import { verifyLogins } from '../logins.js';
import { resolveIdentity } from '../credentials.js';
import { ResourceNotFoundException } from '../errors.js';

export type GetOpenIdTokenOperation = Operation<GetOpenIdTokenCommandInput, WireOutput<GetOpenIdTokenCommandOutput>>;

/** An OpenID token for the identity (10 minutes), signed with the sandbox's user-pool key. */
export const GetOpenIdToken = (d: Pick<IdentityServices, 'identities' | 'cognito' | 'clock'>): GetOpenIdTokenOperation =>
  async (_ctx, input) => {
    const known = input.IdentityId ? d.identities.identity(input.IdentityId) : undefined;
    if (!known) throw new ResourceNotFoundException(`Identity '${input.IdentityId ?? ''}' not found.`);
    const login = await verifyLogins(d, d.identities.pool(known.poolId)!, input.Logins);
    const { identity, pool } = resolveIdentity(d, input.IdentityId, login);
    const key = d.cognito().signingKey();
    const now = Math.floor(d.clock.now().getTime() / 1000);
    const Token = await new SignJWT({ amr: [login ? 'authenticated' : 'unauthenticated'], 'https://cognito-identity.amazonaws.com/identity-pool-arn': pool.identityPoolId })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer('https://cognito-identity.amazonaws.com').setSubject(identity.id).setAudience(pool.identityPoolId)
      .setIssuedAt(now).setExpirationTime(now + 600).sign(key.privateKey);
    return { IdentityId: identity.id, Token };
  };
