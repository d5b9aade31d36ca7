import type { ParameterStore } from './store.js';
import type { PageTokens } from '../crypto/pageTokens.js';

/** What SSM operations may touch. */
export interface SsmServices {
  parameters: ParameterStore;
  tokens: PageTokens;
}
