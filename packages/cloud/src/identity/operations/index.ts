import type { IdentityServices } from '../services.js';
import { GetCredentialsForIdentity } from './getCredentialsForIdentity.js';
import { GetId } from './getId.js';
import { GetOpenIdToken } from './getOpenIdToken.js';

/** Every Cognito Identity operation Sandlot serves, keyed by its wire name. */
export const identityOperations = { GetCredentialsForIdentity, GetId, GetOpenIdToken } as const;

export type IdentityOperationName = keyof typeof identityOperations;

export const buildIdentityOperations = (services: IdentityServices) =>
  Object.fromEntries(Object.entries(identityOperations).map(([name, factory]) => [name, factory(services)])) as {
    [K in IdentityOperationName]: ReturnType<(typeof identityOperations)[K]>;
  };
