import type { RequestContext } from '../context.js';
import type { CredentialResolver } from '../iam/credentials.js';
import { adminOnly, callerOf, compileBucketAccess, type AccessAction, type BucketAccess, type S3Caller } from './access.js';
import { AccessDenied } from './errors.js';
import type { ObjectStore } from './store.js';

/**
 * Enforces the `defineStorage` rules per request: the caller comes from the key that signed it (root
 * keys are admin; identity-pool keys are guests or signed-in users with an identity id and groups).
 */
export interface AccessGate {
  caller(ctx: RequestContext): S3Caller;
  allows(ctx: RequestContext, bucket: string, action: AccessAction, subject: string): boolean;
  /** Throws AccessDenied unless allowed. */
  require(ctx: RequestContext, bucket: string, action: AccessAction, subject: string): void;
  /** Bucket-level administration (create/delete/list buckets): root keys only. */
  requireAdmin(ctx: RequestContext): void;
  /** Drops compiled rules (after the rules changed). */
  reload(): void;
}

export function createAccessGate(credentials: CredentialResolver, objects: () => ObjectStore): AccessGate {
  let compiled: Map<string, BucketAccess> | undefined;
  const rules = () => (compiled ??= new Map(objects().storageRules().map((b) => [b.bucketName, compileBucketAccess(b)])));
  const caller = (ctx: RequestContext): S3Caller => {
    const owner = ctx.accessKeyId ? credentials.lookup(ctx.accessKeyId) : undefined;
    return owner ? callerOf(owner) : { kind: 'guest' };
  };
  const gate: AccessGate = {
    caller,
    allows: (ctx, bucket, action, subject) => (rules().get(bucket) ?? adminOnly).allows(caller(ctx), action, subject),
    require(ctx, bucket, action, subject) {
      if (!gate.allows(ctx, bucket, action, subject)) throw new AccessDenied();
    },
    requireAdmin(ctx) {
      if (caller(ctx).kind !== 'admin') throw new AccessDenied();
    },
    reload: () => void (compiled = undefined),
  };
  return gate;
}
