import type { Clock } from '../clock.js';
import type { CognitoServices } from '../cognito/services.js';
import type { IdentityStore } from './store.js';

/** What identity-pool operations may touch. */
export interface IdentityServices {
  clock: Clock;
  accountId: string;
  identities: IdentityStore;
  /** The user pools, to verify the id tokens given as logins. */
  cognito: () => CognitoServices;
}
