import type { CognitoServices } from './services.js';
import { resolvePoolConfig, type UserPoolConfig } from './config.js';

/**
 * Creates or updates a user pool from its config, keeping every user. Groups named in the config are
 * created/updated; config groups that left the config are deleted; groups made through CreateGroup stay.
 * Idempotent: call it whenever the backend definition changes.
 */
export function applyUserPoolConfig(services: { cognito: CognitoServices }, config: UserPoolConfig): void {
  resolvePoolConfig(config); // validates the id and client before anything is written
  const { pools } = services.cognito;
  const other = pools.poolByClient(config.clientId);
  if (other && other.userPoolId !== config.userPoolId) throw new Error(`Client id ${config.clientId} already belongs to user pool ${other.userPoolId}.`);
  pools.db.transaction(() => {
    pools.savePool(config);
    const wanted = new Set((config.groups ?? []).map((g) => g.name));
    for (const name of pools.configGroupNames(config.userPoolId)) if (!wanted.has(name)) pools.deleteGroup(config.userPoolId, name);
    for (const g of config.groups ?? []) {
      pools.putGroup({ poolId: config.userPoolId, name: g.name, description: g.description, precedence: g.precedence, roleArn: g.roleArn, fromConfig: true });
    }
  }).immediate();
}
