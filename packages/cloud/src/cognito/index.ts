/**
 * Local Cognito user pools (AWS JSON 1.1, `X-Amz-Target: AWSCognitoIdentityProviderService.*`): the
 * public API the unmodified aws-amplify v6 client uses (real SRP-6a, challenges, TOTP / SMS / e-mail MFA,
 * refresh in both wire forms, revocation) and the admin API the seed and tests use (SigV4-signed).
 *
 * LIMITATIONS (differences from AWS): no Lambda triggers, hosted UI / OAuth, identity providers,
 * device tracking (NewDeviceMetadata is never returned), passwordless (EMAIL_OTP / SMS_OTP / WebAuthn as
 * first factor), custom auth, advanced security, or client secrets; one app client per pool; e-mail and SMS
 * go to the local outbox (`GET /_sandlot/outbox`); user-existence errors are not hidden
 * (`UserNotFoundException`, as the LEGACY client setting); temporary passwords do not expire; one RS256
 * key signs every pool's tokens. Passwords are kept as Cognito keeps them, only as SRP salt and verifier.
 */
import type { JWTPayload } from 'jose';
import type { ServiceModule } from '../http/serviceModule.js';
import { awsJsonService } from '../http/awsJsonService.js';
import type { CloudServices } from '../services.js';
import { buildCognitoOperations, isAdminOperation } from './operations/index.js';
import { checkToken } from './tokens.js';
import type { CognitoServices } from './services.js';
import type { OutboxMessage } from './outbox.js';

export { createCognitoServices, type CognitoServices } from './services.js';
export { applyUserPoolConfig } from './apply.js';
export { cognitoHttpRoutes } from './httpRoutes.js';
export { cognitoOperations, isAdminOperation } from './operations/index.js';
export type { UserPoolConfig, UserPoolGroupConfig, PasswordPolicy, MfaMode } from './config.js';
export type { OutboxMessage } from './outbox.js';
export { issuerOf } from './tokens.js';
export { totpCode } from './totp.js';

export function cognitoService(s: CloudServices): ServiceModule {
  return awsJsonService({
    name: 'cognito-idp',
    targetPrefix: 'AWSCognitoIdentityProviderService',
    operations: buildCognitoOperations(s.cognito),
    signing: isAdminOperation,
    region: s.region,
    accountId: s.accountId,
    clock: s.clock,
    credentials: s.credentials,
  });
}

/**
 * Verifies a user-pool JWT for AppSync / S3: RS256 signature by this sandbox's key, issuer = one of
 * its pools, not expired (sandbox clock), not revoked (RevokeToken / GlobalSignOut / AdminDisableUser).
 */
export async function verifyUserPoolToken(services: { cognito: CognitoServices }, token: string): Promise<{ claims: JWTPayload; tokenUse: 'access' | 'id' } | undefined> {
  const check = await checkToken(services.cognito, token);
  return check.ok ? { claims: check.claims, tokenUse: check.tokenUse } : undefined;
}

/** The local outbox (every code a pool would have e-mailed or texted), oldest first. */
export function listOutbox(services: { cognito: CognitoServices }, filter: { to?: string } = {}): OutboxMessage[] {
  return services.cognito.outbox.list(filter);
}
