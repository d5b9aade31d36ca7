import type { WireRequest, WireResponse } from './wire.js';
import type { Logger } from '../logger.js';

/** What the router knows of a service: whether a request is for it, and how to answer it. */
export interface ServiceModule {
  readonly name: string;
  /** Takes the request body as `WireRequest.stream` (large uploads); every other service gets it read whole into `body`. */
  readonly streamsBody?: boolean;
  matches(req: WireRequest): boolean;
  handle(req: WireRequest, call: CallInfo): Promise<WireResponse>;
}

export interface CallInfo {
  requestId: string;
  logger: Logger;
}
