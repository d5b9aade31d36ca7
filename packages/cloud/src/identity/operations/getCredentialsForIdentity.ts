import type { GetCredentialsForIdentityCommandInput, GetCredentialsForIdentityCommandOutput } from '@aws-sdk/client-cognito-identity';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { IdentityServices } from '../services.js';
import { verifyLogins } from '../logins.js';
import { issueCredentials, resolveIdentity } from '../credentials.js';
import { ResourceNotFoundException } from '../errors.js';

export type GetCredentialsForIdentityOperation = Operation<GetCredentialsForIdentityCommandInput, WireOutput<GetCredentialsForIdentityCommandOutput>>;

export const GetCredentialsForIdentity = (d: Pick<IdentityServices, 'identities' | 'cognito' | 'clock' | 'accountId'>): GetCredentialsForIdentityOperation =>
  async (_ctx, input) => {
    const known = input.IdentityId ? d.identities.identity(input.IdentityId) : undefined;
    if (!known) throw new ResourceNotFoundException(`Identity '${input.IdentityId ?? ''}' not found.`);
    const login = await verifyLogins(d, d.identities.pool(known.poolId)!, input.Logins);
    const { identity, pool } = resolveIdentity(d, input.IdentityId, login);
    return { IdentityId: identity.id, Credentials: issueCredentials(d, pool, identity, login) };
  };
