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
      const res = await service.handle(req.stream && !service.streamsBody ? { ...req, body: await readBody(req.stream), stream: undefined } : req, { requestId, logger });
      res.headers['date'] ??= new Date().toUTCString();
      return res;
    },
  };
}
