import type { CognitoServices } from '../../cognito/services.js';
import { verifyUserPoolToken } from '../../cognito/index.js';
import type { Clock } from '../../clock.js';
import type { CredentialResolver } from '../../iam/credentials.js';
import { verifySigV4 } from '../../http/sigv4.js';
import type { WireRequest } from '../../http/wire.js';
import { RequestError } from '../errors.js';
import type { DataApi } from '../resolvers/context.js';
import type { Caller } from './caller.js';

export interface CallerDeps {
  cognito: CognitoServices;
  credentials: CredentialResolver;
  clock: Clock;
}

const denied = (message = 'You are not authorized to make this call.') => new RequestError(401, 'UnauthorizedException', message);

/**
 * AppSync's request-level authentication: the auth type follows from the headers (`x-api-key`, a SigV4
 * `authorization`, or a bare JWT), must be one the API enables, and must verify — else HTTP 401
 * `UnauthorizedException` before any resolver runs. `req` may be a synthetic request built from the
 * realtime protocol's header map. An API key is checked synchronously (no promise on the hot path);
 * SigV4 and JWTs answer a promise.
 */
export function resolveCaller(api: DataApi, deps: CallerDeps, req: WireRequest): Caller | Promise<Caller> {
  const h = req.headers;
  const apiKey = h['x-api-key'];
  const authorization = h['authorization'];
  if (apiKey !== undefined) {
    const configured = api.config.authorizationModes.apiKey;
    if (!api.enabled.has('API_KEY') || !configured || configured.key !== apiKey) throw denied();
    if (new Date(configured.expiresAt).getTime() <= deps.clock.now().getTime()) throw denied('API key has expired.');
    return API_KEY_CALLER;
  }
  if (!authorization) throw denied('Valid authorization header not provided.');
  if (authorization.startsWith('AWS4-HMAC-SHA256')) return iamCaller(deps, req);
  if (!api.enabled.has('AMAZON_COGNITO_USER_POOLS')) {
    if (api.enabled.has('AWS_LAMBDA')) throw denied("Sandlot's local AppSync does not support AWS_LAMBDA authorization.");
    throw denied();
  }
  return userPoolCaller(api, deps, authorization);
}

/** Every API-key caller is the same identity (nothing in it is per request). */
const API_KEY_CALLER: Caller = Object.freeze({ authType: 'API_KEY' });

async function iamCaller(deps: CallerDeps, req: WireRequest): Promise<Caller> {
  let verified;
  try {
    verified = await verifySigV4(req, { resolver: deps.credentials, now: deps.clock.now() });
  } catch (e) {
    throw denied((e as Error).message);
  }
  const o = verified.owner;
  return { authType: 'AWS_IAM', iam: { kind: o.kind ?? 'admin', identityId: o.identityId, principal: o.principal } };
}

async function userPoolCaller(api: DataApi, deps: CallerDeps, authorization: string): Promise<Caller> {
  const token = authorization.replace(/^Bearer\s+/i, '');
  const verified = await verifyUserPoolToken({ cognito: deps.cognito }, token);
  if (!verified) throw denied('Token has expired or is not valid.');
  const poolId = api.config.authorizationModes.userPoolId;
  if (poolId && !String(verified.claims.iss ?? '').endsWith(`/${poolId}`)) throw denied();
  return { authType: 'AMAZON_COGNITO_USER_POOLS', claims: verified.claims as Record<string, unknown> };
}
