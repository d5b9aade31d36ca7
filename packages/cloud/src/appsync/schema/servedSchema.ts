import type { AuthType } from '../config.js';
import { computeModes, type ModeMap } from '../auth/modes.js';
import { parseModels } from '../model/parseModels.js';
import { normaliseRules } from '../model/rules.js';
import type { ModelSet } from '../model/types.js';
import { printAppSyncSchema } from './printSchema.js';

/** The rule a model without @auth gets: what the default auth type alone would allow. */
const DEFAULT_RULE: Record<AuthType, Record<string, string>> = {
  API_KEY: { allow: 'public', provider: 'apiKey' },
  AMAZON_COGNITO_USER_POOLS: { allow: 'private' },
  AWS_IAM: { allow: 'private', provider: 'iam' },
  AWS_LAMBDA: { allow: 'custom' },
  OPENID_CONNECT: { allow: 'private', provider: 'oidc' },
};

export type ServedSchema = { set: ModelSet; modes: ModeMap; sdl: string };

/**
 * The AppSync schema the local AppSync serves for a model schema and the API's auth types: the models it
 * reads, where each auth type applies, and the SDL (`printAppSyncSchema`). The codegen package reads the SDL
 * from here too (`declarations: false`: without the `@aws_*` directive and AWS scalar declarations, which
 * AppSync's deployed SDL leaves out), so `generate graphql-client-code` describes the API the sandbox serves.
 */
export function servedSchema(schemaSdl: string, defaultType: AuthType, enabled: ReadonlySet<AuthType>, options: { declarations?: boolean } = {}): ServedSchema {
  const set = parseModels(schemaSdl);
  applyDefaultRules(set, defaultType);
  const modes = computeModes(set, enabled as Set<AuthType>);
  return { set, modes, sdl: printAppSyncSchema(set, modes, options) };
}

/** A model without @auth gets the default auth type's rule, as the transformer treats it. */
function applyDefaultRules(set: ModelSet, defaultType: AuthType): void {
  for (const m of set.models.values()) if (m.rules.length === 0) m.rules = normaliseRules([DEFAULT_RULE[defaultType]]);
}
