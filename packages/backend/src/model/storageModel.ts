import { ENTITY_ID_TOKEN, ruleKeys, type StorageDefinitionProps } from '../defineStorage.js';
import { BackendDefinitionError } from '../errors.js';
import type { StorageModel, StorageOutputAction } from './types.js';

/** What `{entity_id}` becomes for `allow.entity('identity')` rules (`backend-storage/src/constants.ts`). */
export const ENTITY_ID_SUBSTITUTION = '${cognito-identity.amazonaws.com:sub}';

const expand = (actions: readonly string[]): StorageOutputAction[] =>
  [...new Set(actions.flatMap((a) => (a === 'read' ? ['get', 'list'] : [a])))] as StorageOutputAction[];

/**
 * The `paths` block of the outputs, as `StorageAccessOrchestrator` computes it: per rule, the path with
 * `{entity_id}` replaced (identity variable for entity rules, `*` otherwise; a trailing `/*\/*` becomes
 * `/*`), and per rule key its actions with `read` expanded. `allow.resource` rules add no key.
 */
export function storagePaths(rules: StorageDefinitionProps['rules']): StorageModel['paths'] {
  const out: StorageModel['paths'] = {};
  for (const [path, grants] of Object.entries(rules)) {
    for (const g of grants) {
      let prefix = path.replaceAll(ENTITY_ID_TOKEN, g.who === 'entity' ? ENTITY_ID_SUBSTITUTION : '*');
      if (prefix.endsWith('/*/*')) prefix = prefix.slice(0, -2);
      const actions = expand(g.actions);
      const access: Record<string, StorageOutputAction[]> = {};
      for (const key of ruleKeys(g)) access[key] = actions;
      out[prefix] = { ...out[prefix], ...access };
    }
  }
  return out;
}

export function buildStorageModel(props: StorageDefinitionProps, isDefault: boolean, hasAuth: boolean): StorageModel {
  const rules: StorageModel['rules'] = [];
  for (const [path, grants] of Object.entries(props.rules)) {
    for (const g of grants) {
      if (!hasAuth && g.who !== 'resource') {
        const role = g.who === 'guest' ? 'unauthenticatedUserIamRole' : g.who === 'groups' ? (g.groups ?? [])[0] : 'authenticatedUserIamRole';
        throw new BackendDefinitionError(
          'InvalidBackendDefinitionError',
          `defineStorage '${props.name}': access '${path}': Cannot specify auth access for ${role} users without defining auth.`,
          'Add defineAuth to the backend. See https://docs.amplify.aws/gen2/build-a-backend/auth/set-up-auth/ for more information.',
        );
      }
      rules.push({ path, who: g.who, ...(g.groups && { groups: [...g.groups] }), actions: expand(g.actions) });
    }
  }
  return { name: props.name, isDefault, versioned: Boolean(props.versioned), paths: storagePaths(props.rules), rules };
}
