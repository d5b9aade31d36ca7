import type { KeyOwner } from '../iam/credentials.js';
import { IDENTITY_VARIABLE, type StorageBucketConfig, type StorageAction } from './config.js';

/** The action an S3 request needs, in `defineStorage` terms. */
export type AccessAction = 'get' | 'list' | 'write' | 'delete';

/** Who signed a request, as the rules see it. Root/admin keys bypass the rules (CLI, seed). */
export type S3Caller =
  | { kind: 'admin' }
  | { kind: 'guest'; identityId?: string }
  | { kind: 'authenticated'; identityId?: string; groups: string[] };

export function callerOf(owner: KeyOwner): S3Caller {
  if (owner.kind === 'unauthenticated') return { kind: 'guest', identityId: owner.identityId };
  if (owner.kind === 'authenticated') return { kind: 'authenticated', identityId: owner.identityId, groups: owner.groups ?? [] };
  return { kind: 'admin' };
}

interface Grant {
  /** e.g. `guest`, `authenticated`, `groupsAdmin`: one IAM role of the real deployment. */
  acceptor: string;
  action: AccessAction;
  path: string;
}

/**
 * A bucket's rules compiled the way amplify-backend turns them into IAM policies
 * (storage_access_arbiter / storage_access_policy_factory): each acceptor (guest role, authenticated
 * role — which also carries `entity` grants — and one role per group) is allowed its paths per action,
 * and is denied any sub-path of an allowed path that it is not explicitly granted ("deny by default"
 * on nested paths). `get`/`write`/`delete` match the object key against `bucket/<path>`; `list` matches
 * the request's `prefix` against `<path>` and `<path without its trailing *>`.
 */
export interface BucketAccess {
  allows(caller: S3Caller, action: AccessAction, keyOrPrefix: string): boolean;
}

const expand = (a: StorageAction): AccessAction[] => (a === 'read' ? ['get', 'list'] : [a]);

export function compileBucketAccess(config: StorageBucketConfig): BucketAccess {
  const grants: Grant[] = [];
  for (const [rawPath, rule] of Object.entries(config.paths ?? {})) {
    for (const [ruleKey, actions] of Object.entries(rule ?? {})) {
      if (ruleKey === 'resource') continue; // function access: no function signs S3 calls locally
      const entity = ruleKey.startsWith('entity');
      const acceptor = entity ? 'authenticated' : ruleKey;
      // `{entity_id}` (defineStorage form) becomes the identity variable for entity rules and `*` for others.
      const path = rawPath.replace('{entity_id}', entity ? IDENTITY_VARIABLE : '*').replace(/\/\*\/\*$/, '/*');
      for (const a of (actions as StorageAction[]).flatMap(expand)) grants.push({ acceptor, action: a, path });
    }
  }
  const paths = [...new Set(grants.map((g) => g.path))];
  const parentOf = (p: string) => paths.find((q) => q !== p && p.startsWith(q.replaceAll('*', '')));
  // acceptor → action → { allow, deny }
  const table = new Map<string, Map<AccessAction, { allow: Set<string>; deny: Set<string> }>>();
  for (const g of grants) {
    const byAction = table.get(g.acceptor) ?? new Map();
    table.set(g.acceptor, byAction);
    const entry = byAction.get(g.action) ?? { allow: new Set<string>(), deny: new Set<string>() };
    byAction.set(g.action, entry);
    entry.allow.add(g.path);
  }
  for (const p of paths) {
    const parent = parentOf(p);
    if (!parent) continue;
    for (const byAction of table.values()) {
      for (const entry of byAction.values()) if (entry.allow.has(parent) && !entry.allow.has(p)) entry.deny.add(p);
    }
  }
  const cache = new Map<string, RegExp>();
  const pattern = (path: string, identityId: string | undefined): RegExp | undefined => {
    if (path.includes(IDENTITY_VARIABLE) && !identityId) return undefined;
    const id = `${path}\0${identityId ?? ''}`;
    let re = cache.get(id);
    if (!re) {
      const concrete = path.split(IDENTITY_VARIABLE).map(glob).join(escape(identityId ?? ''));
      re = new RegExp(`^${concrete}$`, 's');
      if (cache.size > 10_000) cache.clear();
      cache.set(id, re);
    }
    return re;
  };
  const matches = (action: AccessAction, path: string, subject: string, identityId: string | undefined): boolean => {
    const candidates = action === 'list' ? [path, path.replace(/\*$/, '')] : [path];
    return candidates.some((c) => pattern(c, identityId)?.test(subject) ?? false);
  };

  return {
    allows(caller, action, subject) {
      if (caller.kind === 'admin') return true;
      const acceptors = caller.kind === 'guest' ? ['guest'] : ['authenticated', ...caller.groups.map((g) => `groups${g}`)];
      return acceptors.some((a) => {
        const entry = table.get(a)?.get(action);
        if (!entry) return false;
        if ([...entry.deny].some((p) => matches(action, p, subject, caller.identityId))) return false;
        return [...entry.allow].some((p) => matches(action, p, subject, caller.identityId));
      });
    },
  };
}

/** No rules for a bucket (created through the SDK, or storage removed): only admin keys get in. */
export const adminOnly: BucketAccess = { allows: (caller) => caller.kind === 'admin' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** IAM wildcards: `*` any run of characters (slashes too), `?` one character. */
const glob = (s: string) => s.split('*').map((part) => part.split('?').map(escape).join('.')).join('.*');
