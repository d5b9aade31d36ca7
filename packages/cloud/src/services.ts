import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { Database } from './store/database.js';
import type { SealedBox } from './crypto/sealedBox.js';
import type { PageTokens } from './crypto/pageTokens.js';
import type { AwsCredentials, CredentialResolver } from './iam/credentials.js';
import type { ParameterStore } from './ssm/store.js';
import type { StackStore } from './cloudformation/store.js';
import type { CognitoServices } from './cognito/services.js';
import type { IdentityStore } from './identity/store.js';
import type { AppSyncServices } from './appsync/services.js';

/**
 * Everything a service may use, built once by `createCloud` (the composition root). Operations get
 * the slice they need through their factory's parameter and never reach for globals.
 */
export interface CloudServices {
  clock: Clock;
  logger: Logger;
  db: Database;
  box: SealedBox;
  tokens: PageTokens;
  region: string;
  accountId: string;
  /** The local account's root keys (what the CLI and seed sign with). */
  rootCredentials: AwsCredentials;
  credentials: CredentialResolver & { add(accessKeyId: string, owner: import('./iam/credentials.js').KeyOwner): void };
  parameters: ParameterStore;
  /** Stack records the sandbox writes after each apply (CloudFormation's view of the backend). */
  stacks: StackStore;
  /** User pools: store, outbox, JWT signing key (built on first use). */
  cognito: CognitoServices;
  /** Identity pools (built at start when served, so issued keys are back in the key ring). */
  identityPools: IdentityStore;
  /** Data (AppSync): row store, live subscriptions, applied APIs (built on first use). */
  appsync: AppSyncServices;
  /** S3: buckets, object metadata and bodies, multipart uploads, `defineStorage` rules (built on first use). */
  objects: import('./s3/store.js').ObjectStore;
  /** Enforces the `defineStorage` rules on S3 requests signed with identity-pool keys. */
  objectAccess: import('./s3/gate.js').AccessGate;
}
