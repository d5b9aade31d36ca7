import type { GraphQLField, GraphQLSchema } from 'graphql';
import type { AuthType, DataConfig } from '../config.js';
import type { ModelSet } from '../model/types.js';
import type { ModeMap } from '../auth/modes.js';
import type { Caller } from '../auth/caller.js';
import type { ItemStore } from '../store.js';
import type { Clock } from '../../clock.js';
import type { PageTokens } from '../../crypto/pageTokens.js';
import type { PubSub } from '../realtime/pubsub.js';
import type { PreparedDocument } from '../http/prepare.js';

/** One applied API: its models, executable schema and auth-type map. */
export interface DataApi {
  config: DataConfig;
  set: ModelSet;
  schema: GraphQLSchema;
  /** The AppSync SDL served (what `GetIntrospectionSchema` would return). */
  sdl: string;
  modes: ModeMap;
  defaultType: AuthType;
  enabled: Set<AuthType>;
  /** Parsed and validated documents by query text, least recently used first (the client sends the same few documents over and over). */
  documents: Map<string, PreparedDocument>;
  /** Fields resolved by the default resolver behind the auth-type check, with the auth types that may read them. */
  plainFields: Map<GraphQLField<unknown, unknown>, Set<AuthType> | AuthType>;
}

export interface DataDeps {
  store: ItemStore;
  clock: Clock;
  tokens: PageTokens;
  pubsub: PubSub;
}

/** The GraphQL context value of one request. */
export interface ExecContext {
  api: DataApi;
  caller: Caller;
  deps: DataDeps;
  requestId: string;
}
