import type { AuthType } from '../config.js';

/** Who is calling, as AppSync's `$ctx.identity` sees it after the request's auth type was verified. */
export interface Caller {
  authType: AuthType;
  /** User-pool token claims (AMAZON_COGNITO_USER_POOLS). */
  claims?: Record<string, unknown>;
  /** IAM principal: `admin` = keys that are not an identity pool's (root, functions); else the pool's role. */
  iam?: { kind: 'admin' | 'authenticated' | 'unauthenticated'; identityId?: string; principal: string };
}

export const callerSub = (c: Caller): string | undefined => c.claims?.sub as string | undefined;
export const callerUsername = (c: Caller): string | undefined => (c.claims?.username ?? c.claims?.['cognito:username']) as string | undefined;

export function callerGroups(c: Caller, claim = 'cognito:groups'): string[] {
  const g = c.claims?.[claim];
  if (Array.isArray(g)) return g.map(String);
  if (typeof g === 'string') {
    try {
      const parsed = JSON.parse(g);
      return Array.isArray(parsed) ? parsed.map(String) : [g];
    } catch {
      return [g];
    }
  }
  return [];
}

export const isIamAdmin = (c: Caller): boolean => c.authType === 'AWS_IAM' && c.iam?.kind === 'admin';
