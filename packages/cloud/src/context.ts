import type { Logger } from './logger.js';

/** Built by the router for every call; the first parameter of every operation and store call. */
export interface RequestContext {
  readonly requestId: string;
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly accountId: string;
  /** The access key the request was signed with, when it was SigV4-signed and verified. */
  readonly accessKeyId?: string;
  readonly logger: Logger;
}
