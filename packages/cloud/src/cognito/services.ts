import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { SealedBox } from '../crypto/sealedBox.js';
import type { Database } from '../store/database.js';
import { createUserPoolStore, type UserPoolStore } from './store.js';
import { createOutbox, type Outbox } from './outbox.js';
import { loadSigningKey, type SigningKey } from './signingKey.js';

/** What Cognito user-pool operations may touch. */
export interface CognitoServices {
  clock: Clock;
  logger: Logger;
  box: SealedBox;
  pools: UserPoolStore;
  outbox: Outbox;
  /** Loaded (or generated) on first use: RSA key generation is kept off the start-up path. */
  signingKey: () => SigningKey;
}

export function createCognitoServices(s: { db: Database; clock: Clock; logger: Logger; box: SealedBox }): CognitoServices {
  const pools = createUserPoolStore(s.db, s.clock);
  let key: SigningKey | undefined;
  return {
    clock: s.clock,
    logger: s.logger,
    box: s.box,
    pools,
    outbox: createOutbox(s.db, s.clock, s.logger.child({ service: 'cognito-idp' }), s.box),
    signingKey: () => (key ??= loadSigningKey(s.db, s.box)),
  };
}
