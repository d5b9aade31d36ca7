import type { GraphQLSchema, DocumentNode } from 'graphql';
import type { AuthType, DataConfig } from '../config.js';
import type { ModelSet } from '../model/types.js';
import type { ModeMap } from '../auth/modes.js';
import type { Caller } from '../auth/caller.js';
import type { ItemStore } from '../store.js';
import type { Clock } from '../../clock.js';
import type { PageTokens } from '../../crypto/pageTokens.js';
import type { PubSub } from '../realtime/pubsub.js';

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
  /** Parsed and validated documents by query text (the client sends the same few documents over and over). */
  documents: Map<string, DocumentNode>;
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
