import type { Clock } from '../clock.js';
import type { PageTokens } from '../crypto/pageTokens.js';
import type { ObjectStore } from './store.js';
import type { AccessGate } from './gate.js';

/** What S3 operations may touch. */
export interface S3Services {
  objects: ObjectStore;
  gate: AccessGate;
  clock: Clock;
  tokens: PageTokens;
  region: string;
}
