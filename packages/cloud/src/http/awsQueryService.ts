import { XMLBuilder } from 'fast-xml-parser';
import type { AnyOperation } from './operation.js';
import type { ServiceModule, CallInfo } from './serviceModule.js';
import { header, originalHost, type WireRequest, type WireResponse } from './wire.js';
import { INTERNAL_ERROR_MESSAGE, ServiceError } from './serviceError.js';
import { isSigned, SigV4Error, verifySigV4 } from './sigv4.js';
import type { CredentialResolver } from '../iam/credentials.js';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';

export interface AwsQueryServiceOptions {
  name: string;
  /** SigV4 credential-scope service name and host prefix, e.g. `cloudformation`. */
  signingName: string;
  xmlns: string;
  operations: Record<string, AnyOperation>;
  region: string;
  accountId: string;
  clock: Clock;
  credentials: CredentialResolver;
}

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

const scopeService = (req: WireRequest): string | undefined => /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(header(req, 'authorization') ?? '')?.[1];

/**
 * A service on the AWS Query protocol (form-encoded `Action=…` requests, XML responses), e.g.
 * CloudFormation. Every call must be SigV4-signed by a known key. Operations take and return
 * plain objects; lists are returned as arrays and rendered as `<member>` elements.
 */
export function awsQueryService(o: AwsQueryServiceOptions): ServiceModule {
  return {
    name: o.name,
    matches: (req) =>
      req.method === 'POST' &&
      (header(req, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded') &&
      (scopeService(req) === o.signingName || originalHost(req).startsWith(`${o.signingName}.`)),
    async handle(req: WireRequest, call: CallInfo): Promise<WireResponse> {
      const params = new URLSearchParams(req.body.toString('utf8'));
      const action = params.get('Action') ?? '';
      const logger = call.logger.child({ service: o.name, op: action });
      try {
        if (!isSigned(req)) throw new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
        try {
          await verifySigV4(req, { resolver: o.credentials, now: o.clock.now() });
        } catch (err) {
          if (!(err instanceof SigV4Error)) throw err;
          throw err.reason === 'unknown-key' || err.reason === 'token'
            ? new ServiceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403)
            : new ServiceError('SignatureDoesNotMatch', err.message, 403);
        }
        const operation = Object.hasOwn(o.operations, action) ? o.operations[action] : undefined;
        if (!operation) throw new ServiceError('InvalidAction', `Sandlot's local ${o.name} does not implement ${action || '(no Action)'} yet.`, 400);
        const input = Object.fromEntries([...params].filter(([k]) => k !== 'Action' && k !== 'Version'));
        const ctx: RequestContext = { requestId: call.requestId, service: o.name, operation: action, region: o.region, accountId: o.accountId, logger };
        const output = await operation(ctx, input);
        const body = builder.build({
          [`${action}Response`]: {
            '@_xmlns': o.xmlns,
            [`${action}Result`]: toXmlShape(output ?? {}),
            ResponseMetadata: { RequestId: call.requestId },
          },
        });
        return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': call.requestId }, body: `<?xml version="1.0" encoding="UTF-8"?>${body}` };
      } catch (err) {
        const e = err instanceof ServiceError ? err : new ServiceError('InternalFailure', INTERNAL_ERROR_MESSAGE, 500, false);
        if (!(err instanceof ServiceError)) logger.error(`internal error: ${(err as Error)?.stack ?? String(err)}`);
        const body = builder.build({
          ErrorResponse: {
            '@_xmlns': o.xmlns,
            Error: { Type: e.senderFault ? 'Sender' : 'Receiver', Code: e.code, Message: e.message },
            RequestId: call.requestId,
          },
        });
        return { status: e.httpStatus, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': call.requestId }, body };
      }
    },
  };
}

/** Arrays become `{ member: [...] }`, Dates ISO strings; `undefined` fields are dropped. */
function toXmlShape(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return { member: value.map(toXmlShape) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toXmlShape(v);
    return out;
  }
  return value;
}
