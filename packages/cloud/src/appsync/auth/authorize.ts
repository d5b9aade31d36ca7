import type { AuthRule, Operation } from '../model/types.js';
import type { Doc } from '../store.js';
import { callerGroups, callerSub, callerUsername, isIamAdmin, type Caller } from './caller.js';

/**
 * The Amplify auth transformer's resolver logic (auth.1.req/res templates), evaluated in code: static
 * rules (public, private, static groups) decide for the whole operation; owner and dynamic-group rules
 * decide per item. IAM principals that are not an identity pool's role have full access (Gen 2).
 */
export function staticAllowed(rules: AuthRule[], op: Operation, caller: Caller): boolean {
  if (isIamAdmin(caller)) return true;
  for (const r of rules) {
    if (!r.operations.has(op)) continue;
    switch (caller.authType) {
      case 'API_KEY':
        if (r.allow === 'public' && r.provider === 'apiKey') return true;
        break;
      case 'AWS_IAM':
        if (r.provider !== 'iam') break;
        if (r.allow === 'public' && caller.iam?.kind === 'unauthenticated') return true;
        if (r.allow === 'private' && caller.iam?.kind === 'authenticated') return true;
        break;
      case 'AMAZON_COGNITO_USER_POOLS':
        if (r.provider !== 'userPools') break;
        if (r.allow === 'private') return true;
        if (r.allow === 'groups' && r.groups && !r.groupsField) {
          const mine = callerGroups(caller, r.groupClaim);
          if (r.groups.some((g) => mine.includes(g))) return true;
        }
        break;
    }
  }
  return false;
}

/** Owner and `groupsField` rules for this operation that apply to a user-pool caller. */
export function dynamicRules(rules: AuthRule[], op: Operation, caller: Caller): AuthRule[] {
  if (caller.authType !== 'AMAZON_COGNITO_USER_POOLS') return [];
  return rules.filter((r) => r.provider === 'userPools' && r.operations.has(op) && (r.allow === 'owner' || (r.allow === 'groups' && r.groupsField)));
}

/** The values an owner field may hold for this caller: `sub::username`, `sub`, `username` (or the named claim). */
export function ownerClaims(caller: Caller, identityClaim = 'sub::username'): string[] {
  if (identityClaim === 'sub::username') {
    const sub = callerSub(caller);
    const username = callerUsername(caller);
    return [sub && username ? `${sub}::${username}` : undefined, sub, username].filter((x): x is string => Boolean(x));
  }
  const v = caller.claims?.[identityClaim === 'username' ? 'username' : identityClaim] ?? (identityClaim === 'username' ? caller.claims?.['cognito:username'] : undefined);
  return typeof v === 'string' ? [v] : [];
}

/** What create stores in an owner field for this caller (`<sub>::<username>` in Gen 2). */
export function ownerValue(caller: Caller, identityClaim = 'sub::username'): string | undefined {
  return ownerClaims(caller, identityClaim)[0];
}

export function itemAllowed(doc: Doc, rules: AuthRule[], caller: Caller): boolean {
  for (const r of rules) {
    if (r.allow === 'owner') {
      const claims = ownerClaims(caller, r.identityClaim);
      const v = doc[r.ownerField!];
      if (Array.isArray(v) ? v.some((x) => claims.includes(x as string)) : claims.includes(v as string)) return true;
    } else if (r.groupsField) {
      const mine = callerGroups(caller, r.groupClaim);
      const v = doc[r.groupsField];
      if (Array.isArray(v) ? v.some((x) => mine.includes(x as string)) : mine.includes(v as string)) return true;
    }
  }
  return false;
}
