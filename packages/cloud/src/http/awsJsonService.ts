import { randomUUID } from 'node:crypto';
import type { AnyOperation } from './operation.js';
import type { ServiceModule, CallInfo } from './serviceModule.js';
import { header, jsonResponse, type WireRequest, type WireResponse } from './wire.js';
import { INTERNAL_ERROR_MESSAGE, SerializationException, ServiceError, UnsupportedOperationError, UnrecognizedClientException, InvalidSignatureException } from './serviceError.js';
import { isSigned, SigV4Error, verifySigV4 } from './sigv4.js';
import type { CredentialResolver } from '../iam/credentials.js';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';
import type { Logger } from '../logger.js';

export interface AwsJsonServiceOptions {
  name: string;
  /** e.g. `AmazonSSM` for `X-Amz-Target: AmazonSSM.PutParameter`. */
  targetPrefix: string;
  operations: Record<string, AnyOperation>;
  /** `required`: every call must be SigV4-signed by a known key (SSM); `none`: Cognito's public API. */
  signing: 'required' | 'none' | ((operation: string) => boolean);
  region: string;
  accountId: string;
  clock: Clock;
  credentials: CredentialResolver;
}

/** A service on the AWS JSON 1.0/1.1 protocol: routing by X-Amz-Target, `{__type, message}` errors. */
export function awsJsonService(o: AwsJsonServiceOptions): ServiceModule {
  const prefix = o.targetPrefix + '.';
  const loggers = operationLoggers(o.name);
  return {
    name: o.name,
    matches: (req) => req.method === 'POST' && (header(req, 'x-amz-target') ?? '').startsWith(prefix),
    async handle(req: WireRequest, call: CallInfo): Promise<WireResponse> {
      const operationName = header(req, 'x-amz-target')!.slice(prefix.length);
      const operation = Object.hasOwn(o.operations, operationName) ? o.operations[operationName] : undefined;
      const logger = operation ? loggers.of(call.logger, operationName) : call.logger.child({ service: o.name, op: operationName });
      try {
        if (!operation) throw new UnsupportedOperationError(o.name, operationName);
        let accessKeyId: string | undefined;
        const mustSign = typeof o.signing === 'function' ? o.signing(operationName) : o.signing === 'required';
        if (mustSign || isSigned(req)) {
          if (!isSigned(req)) throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
          accessKeyId = (await verify(req, o)).accessKeyId;
        }
        let input: unknown;
        try {
          input = req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
        } catch {
          throw new SerializationException();
        }
        if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new SerializationException('The request body must be a JSON object.');
        const ctx: RequestContext = { requestId: call.requestId, service: o.name, operation: operationName, region: o.region, accountId: o.accountId, accessKeyId, logger };
        const output = await operation(ctx, input);
        logger.debug('ok');
        return jsonResponse(200, output ?? {}, { 'x-amzn-requestid': call.requestId });
      } catch (err) {
        return errorResponse(err, call, logger);
      }
    },
  };
}

/** The `service=… op=…` child of the router's logger, made once per operation (the tags never change), not per call. */
function operationLoggers(service: string) {
  const byParent = new WeakMap<Logger, Map<string, Logger>>();
  return {
    of(parent: Logger, op: string): Logger {
      let byOp = byParent.get(parent);
      if (!byOp) byParent.set(parent, (byOp = new Map()));
      let logger = byOp.get(op);
      if (!logger) byOp.set(op, (logger = parent.child({ service, op })));
      return logger;
    },
  };
}

async function verify(req: WireRequest, o: AwsJsonServiceOptions) {
  try {
    return await verifySigV4(req, { resolver: o.credentials, now: o.clock.now() });
  } catch (err) {
    if (!(err instanceof SigV4Error)) throw err;
    if (err.reason === 'unknown-key' || err.reason === 'token') throw new UnrecognizedClientException();
    if (err.reason === 'expired') throw new ServiceError('ExpiredTokenException', err.message);
    throw new InvalidSignatureException(err.message);
  }
}

export function errorResponse(err: unknown, call: CallInfo, logger = call.logger): WireResponse {
  if (err instanceof ServiceError) {
    logger.info(`${err.code}: ${err.message}`);
    return jsonResponse(err.httpStatus, { __type: err.code, message: err.message }, { 'x-amzn-errortype': err.code, 'x-amzn-requestid': call.requestId });
  }
  logger.error(`internal error: ${(err as Error)?.stack ?? String(err)}`);
  return jsonResponse(500, { __type: 'InternalErrorException', message: INTERNAL_ERROR_MESSAGE }, { 'x-amzn-errortype': 'InternalErrorException', 'x-amzn-requestid': call.requestId ?? randomUUID() });
}
