/**
 * Local Cognito identity pools (AWS JSON 1.1, `X-Amz-Target: AWSCognitoIdentityService.*`): GetId,
 * GetCredentialsForIdentity and GetOpenIdToken for guests and for users of the linked user pool.
 * The credentials are real random keys (1 h) that S3 and AppSync verify SigV4 with.
 *
 * LIMITATIONS (differences from AWS): only the linked Cognito user pool is a login provider (no social,
 * SAML, OIDC or developer identities); one login per call; no role mappings or rules (the caller's
 * groups ride on the key instead); no IAM policy evaluation here; no identity merging beyond linking a guest
 * identity to the first login used with it; no ListIdentities / DescribeIdentity / UnlinkIdentity.
 */
import type { ServiceModule } from '../http/serviceModule.js';
import { awsJsonService } from '../http/awsJsonService.js';
import type { CloudServices } from '../services.js';
import { buildIdentityOperations } from './operations/index.js';
import { assertIdentityPoolConfig, type IdentityPoolConfig } from './config.js';
import type { IdentityStore } from './store.js';

export { createIdentityStore, type IdentityStore } from './store.js';
export type { IdentityPoolConfig } from './config.js';
export { identityOperations } from './operations/index.js';

export function identityService(s: CloudServices): ServiceModule {
  return awsJsonService({
    name: 'cognito-identity',
    targetPrefix: 'AWSCognitoIdentityService',
    operations: buildIdentityOperations({ clock: s.clock, accountId: s.accountId, identities: s.identityPools, cognito: () => s.cognito }),
    signing: 'none',
    region: s.region,
    accountId: s.accountId,
    clock: s.clock,
    credentials: s.credentials,
  });
}

/** Creates or updates an identity pool (idempotent; identities and issued keys are kept). */
export function applyIdentityPoolConfig(services: { identityPools: IdentityStore }, config: IdentityPoolConfig): void {
  assertIdentityPoolConfig(config);
  services.identityPools.putPool({ allowUnauthenticated: true, ...config });
}
