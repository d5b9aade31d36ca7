import type { AuthRule, Operation, Provider } from './types.js';

/** `@auth(rules: [...])` as plain values (`valueFromASTUntyped`) → normalised rules with Gen 2's defaults. */
export function normaliseRules(raw: unknown): AuthRule[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((r: Record<string, unknown>) => {
    const allow = String(r.allow) as AuthRule['allow'];
    const provider = normaliseProvider(r.provider as string | undefined, allow);
    const rule: AuthRule = { allow, provider, operations: normaliseOperations(r.operations as string[] | undefined) };
    if (allow === 'owner') {
      rule.ownerField = (r.ownerField as string | undefined) ?? 'owner';
      rule.identityClaim = (r.identityClaim as string | undefined) ?? 'sub::username';
    }
    if (allow === 'groups') {
      rule.groupClaim = (r.groupClaim as string | undefined) ?? 'cognito:groups';
      if (Array.isArray(r.groups)) rule.groups = r.groups.map(String);
      if (typeof r.groupsField === 'string') rule.groupsField = r.groupsField;
    }
    return rule;
  });
}

function normaliseProvider(p: string | undefined, allow: AuthRule['allow']): Provider {
  if (p === 'identityPool' || p === 'iam') return 'iam';
  if (p === 'apiKey' || p === 'userPools' || p === 'oidc' || p === 'function') return p;
  if (allow === 'public') return 'apiKey';
  if (allow === 'custom') return 'function';
  return 'userPools';
}

const READ: Operation[] = ['get', 'list', 'listen', 'sync', 'search'];

function normaliseOperations(ops: string[] | undefined): Set<Operation> {
  const list = ops ?? ['create', 'update', 'delete', 'read'];
  const out = new Set<Operation>();
  for (const op of list) {
    if (op === 'read') READ.forEach((o) => out.add(o));
    else out.add(op as Operation);
  }
  return out;
}
