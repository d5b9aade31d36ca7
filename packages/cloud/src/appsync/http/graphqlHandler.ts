import type { WireRequest, WireResponse } from '../../http/wire.js';
import type { CallInfo } from '../../http/serviceModule.js';
import { resolveCaller, type CallerDeps } from '../auth/resolveCaller.js';
import { RequestError } from '../errors.js';
import type { DataApi, DataDeps, ExecContext } from '../resolvers/context.js';
import { executionError } from './format.js';
import { operationPlan, prepareDocument } from './prepare.js';
import { runOperation } from './runOperation.js';
import { INTERNAL_ERROR_MESSAGE } from '../../http/serviceError.js';

/** Largest request body accepted (AppSync's payload limit is far above what any generated document needs). */
export const MAX_BODY_BYTES = 1024 * 1024;

function json(status: number, value: unknown, requestId: string, errorType?: string): WireResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8', 'x-amzn-requestid': requestId };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  return { status, headers, body: JSON.stringify(value) };
}

/** `POST /graphql`: request auth, parse/validate (cached), execute, AppSync's response and error shapes. */
export async function handleGraphql(api: DataApi | undefined, deps: DataDeps & CallerDeps, req: WireRequest, call: CallInfo): Promise<WireResponse> {
  const requestId = call.requestId;
  try {
    if (!api) throw new RequestError(404, 'NotFoundException', 'No data API is deployed to this sandbox.');
    const body = readBody(req);
    const resolved = resolveCaller(api, deps, req);
    const caller = resolved instanceof Promise ? await resolved : resolved;
    const prepared = prepareDocument(api, body.query);
    if (!prepared.ok) return json(200, { data: null, errors: prepared.errors }, requestId);
    const plan = operationPlan(prepared, body.operationName);
    if (plan.operation?.operation === 'subscription') {
      return json(200, { data: null, errors: [{ path: null, locations: null, message: 'Subscriptions are served over the realtime WebSocket endpoint (wss://…/graphql/realtime), not over HTTP.' }] }, requestId);
    }
    const ctx: ExecContext = { api, caller, deps, requestId };
    let result = runOperation(api, prepared, plan, ctx, body.variables, body.operationName);
    if (result instanceof Promise) result = await result;
    const out: Record<string, unknown> = { data: result.data ?? null };
    if (result.errors?.length) out.errors = result.errors.map(executionError);
    return json(200, out, requestId);
  } catch (e) {
    if (e instanceof RequestError) {
      logger(call).info(`graphql ${e.errorType}: ${e.message}`);
      return json(e.status, { errors: [{ errorType: e.errorType, message: e.message }] }, requestId, e.errorType);
    }
    logger(call).error(`graphql internal error: ${(e as Error)?.stack ?? String(e)}`);
    return json(500, { errors: [{ errorType: 'InternalFailure', message: INTERNAL_ERROR_MESSAGE }] }, requestId, 'InternalFailure');
  }
}

/** The service's logger, made only when something is logged (not per request). */
const logger = (call: CallInfo) => call.logger.child({ service: 'appsync' });

interface GraphqlBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function readBody(req: WireRequest): GraphqlBody {
  if (req.body.length === 0) throw new RequestError(400, 'MalformedHttpRequestException', 'Request body is empty.');
  if (req.body.length > MAX_BODY_BYTES) throw new RequestError(413, 'PayloadTooLargeException', `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw new RequestError(400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.');
  }
  const b = parsed as Partial<GraphqlBody> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b) || typeof b.query !== 'string' || !b.query.trim()) {
    throw new RequestError(400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.');
  }
  if (b.variables !== undefined && b.variables !== null && (typeof b.variables !== 'object' || Array.isArray(b.variables))) {
    throw new RequestError(400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.');
  }
  return { query: b.query, variables: b.variables ?? undefined, operationName: b.operationName ?? undefined };
}
