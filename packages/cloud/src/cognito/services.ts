import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { SealedBox } from '../crypto/sealedBox.js';
import type { Database } from '../store/database.js';
import { createUserPoolStore, type UserPoolStore } from './store.js';
import { createOutbox, type Outbox } from './outbox.js';
import { loadSigningKey, storeSigningKeyInBackground, type SigningKey } from './signingKey.js';

/** What Cognito user-pool operations may touch. */
export interface CognitoServices {
  clock: Clock;
  logger: Logger;
  box: SealedBox;
  pools: UserPoolStore;
  outbox: Outbox;
  /** Loaded (or generated) on first use: RSA key generation is kept off the start-up path. */
  signingKey: () => SigningKey;
  /**
   * Called when a user gets a password (a sign-in, and so a token, may follow): once per process, generates the
   * signing key on the thread pool if none is stored yet, so the first sign-in does not generate it inline.
   * Answers the preparation's promise (never rejects) when this call started it.
   */
  prepareSigningKey: () => Promise<void> | undefined;
}

export function createCognitoServices(s: { db: Database; clock: Clock; logger: Logger; box: SealedBox }): CognitoServices {
  const pools = createUserPoolStore(s.db, s.clock);
  let key: SigningKey | undefined;
  let preparing = false;
  const logger = s.logger.child({ service: 'cognito-idp' });
  return {
    clock: s.clock,
    logger: s.logger,
    box: s.box,
    pools,
    outbox: createOutbox(s.db, s.clock, logger, s.box),
    signingKey: () => (key ??= loadSigningKey(s.db, s.box)),
    prepareSigningKey: () => {
      if (key || preparing) return undefined;
      preparing = true;
      // A failure here only means the first sign-in generates the key itself, as it would without this.
      return storeSigningKeyInBackground(s.db, s.box).catch((e: unknown) => logger.debug(`signing key not prepared: ${(e as Error)?.message ?? String(e)}`));
    },
  };
}
