import { randomUUID } from 'node:crypto';
import type { ServiceModule } from './serviceModule.js';
import type { WireRequest, WireResponse } from './wire.js';
import type { Logger } from '../logger.js';
import { errorResponse } from './awsJsonService.js';
import { ServiceError } from './serviceError.js';
import { readBody } from './readBody.js';

/**
 * The one router of the local cloud: the first service whose `matches` accepts a request handles it.
 * Order matters only for ambiguous requests (S3 is registered last, as the catch-all REST service).
 */
export interface Router {
  handle(req: WireRequest): Promise<WireResponse>;
  add(service: ServiceModule): void;
}

export function createRouter(logger: Logger, services: ServiceModule[] = []): Router {
  const list = [...services];
  return {
    add: (s) => void list.push(s),
    async handle(req) {
      const requestId = randomUUID();
      const service = list.find((s) => s.matches(req));
      if (!service) {
        return errorResponse(new ServiceError('UnknownOperationException', `No Sandlot service handles ${req.method} ${req.path}${req.headers['x-amz-target'] ? ` (X-Amz-Target ${req.headers['x-amz-target']})` : ''}.`, 400), { requestId, logger });
      }
      if (req.stream && !service.streamsBody) {
        // The request is this call's own (made per request by the server or the in-process handler): filled in place.
        req.body = await readBody(req.stream);
        req.stream = undefined;
      }
      const res = await service.handle(req, { requestId, logger });
      res.headers['date'] ??= httpDate();
      return res;
    },
  };
}

/** The HTTP `Date` of the current second, formatted once per second (as Node's own server does), not per response. */
let dateSecond = -1;
let dateText = '';
function httpDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(now).toUTCString();
  }
  return dateText;
}
