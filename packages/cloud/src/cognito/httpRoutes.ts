import type { ServiceModule } from '../http/serviceModule.js';
import type { WireRequest, WireResponse } from '../http/wire.js';
import type { CognitoServices } from './services.js';

/**
 * The user pools' plain-HTTP endpoints: the JWKS at its real path
 * (`GET /<userPoolId>/.well-known/jwks.json`) and the local outbox (`GET /_sandlot/outbox[?to=]`).
 */
const JWKS = /^\/([a-z0-9-]+_[A-Za-z0-9]+)\/\.well-known\/jwks\.json$/;
const json = (status: number, value: unknown): WireResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

export function cognitoHttpRoutes(cognito: () => CognitoServices): ServiceModule {
  return {
    name: 'cognito-http',
    matches: (req: WireRequest) => req.method === 'GET' && (JWKS.test(req.path) || req.path === '/_sandlot/outbox'),
    async handle(req) {
      const c = cognito();
      if (req.path === '/_sandlot/outbox') {
        const to = req.query.find(([k]) => k === 'to')?.[1];
        return json(200, { messages: c.outbox.list({ to }) });
      }
      const poolId = JWKS.exec(req.path)![1]!;
      if (!c.pools.pool(poolId)) return json(404, { __type: 'ResourceNotFoundException', message: `User pool ${poolId} does not exist.` });
      return json(200, { keys: [c.signingKey().jwk] });
    },
  };
}
