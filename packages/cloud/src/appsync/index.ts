/**
 * Local AppSync (Amplify Gen 2 data): the GraphQL API the Amplify transformer builds from `a.schema`, served
 * at `POST /graphql` with AppSync's auth types, auth rules and error shapes, and AppSync's realtime
 * WebSocket protocol at `/graphql/realtime` on the same port. Rows live in the sandbox database.
 *
 * LIMITATIONS (differences from AWS): custom queries/mutations/subscriptions with handlers (`a.handler.*`,
 * @function, @http, @sql, @aws_subscribe) answer an `UnsupportedOperation` error naming the field; `lambda`
 * and OIDC authorization are refused (401); no conversation / generation routes, searchable, sync queries or
 * conflict resolution; relationships need `references` (Gen 2 style). Storage is a JSON document per row
 * (queries on a secondary index read the partition, so very large partitions are slower than DynamoDB). The
 * last page of a list has no `nextToken` (DynamoDB sometimes returns one with an empty next page). Queries
 * deeper than 75 levels (AppSync's maximum configurable `queryDepthLimit`) and request bodies over 1 MB are
 * refused. The realtime `start` of an IAM subscription is checked with the connection's credentials.
 */
import type { ServiceModule } from '../http/serviceModule.js';
import type { CloudServices } from '../services.js';
import { handleGraphql } from './http/graphqlHandler.js';
import { realtimeUpgradeHandler } from './realtime/server.js';
import type { UpgradeHandler } from '../http/nodeServer.js';

export { applyDataConfig, DataSchemaMigrationError } from './apply.js';
export { createAppSyncServices, type AppSyncServices } from './services.js';
export { InvalidDataSchemaError } from './model/parseModels.js';
export type { DataConfig, DataAuthorizationMode, AuthType } from './config.js';

/** What the handlers use, read on use so the AppSync store (and Cognito) are built only when a request needs them. */
const deps = (s: CloudServices) => ({
  get store() {
    return s.appsync.store;
  },
  get pubsub() {
    return s.appsync.pubsub;
  },
  clock: s.clock,
  tokens: s.tokens,
  credentials: s.credentials,
  get cognito() {
    return s.cognito;
  },
});

/** `POST /graphql` (the URL `data.url` names). */
export function appsyncService(s: CloudServices): ServiceModule {
  const d = deps(s);
  return {
    name: 'appsync',
    matches: (req) => req.method === 'POST' && req.path === '/graphql',
    handle: (req, call) => handleGraphql(s.appsync.current(), d, req, call),
  };
}

/** The realtime WebSocket upgrade (`wss://…/graphql/realtime`, or `/graphql` on AppSync's realtime host). */
export function appsyncRealtime(s: CloudServices): UpgradeHandler {
  return realtimeUpgradeHandler({ deps: deps(s), current: () => s.appsync.current(), logger: s.logger.child({ service: 'appsync-realtime' }) });
}
