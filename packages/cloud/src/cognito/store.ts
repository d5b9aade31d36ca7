import type { Database } from '../store/database.js';
import { migrate, writeTransactions } from '../store/database.js';
import type { Clock } from '../clock.js';
import type { ResolvedPoolConfig, UserPoolConfig } from './config.js';
import { resolvePoolConfig } from './config.js';

/**
 * User-pool state (regional). Passwords are kept only as the SRP salt/verifier
 * (password.ts); TOTP secrets only sealed. Usernames and aliases compare case-insensitively, as Gen 2 pools do.
 */
const SCHEMA = [
  `CREATE TABLE cognito_pools (id TEXT PRIMARY KEY, client_id TEXT NOT NULL UNIQUE, config TEXT NOT NULL, created_ms INTEGER NOT NULL, modified_ms INTEGER NOT NULL);
   CREATE TABLE cognito_users (
     pool_id TEXT NOT NULL, username TEXT NOT NULL COLLATE NOCASE, sub TEXT NOT NULL, status TEXT NOT NULL, enabled INTEGER NOT NULL,
     attributes TEXT NOT NULL, email TEXT COLLATE NOCASE, phone TEXT,
     password_hash TEXT, srp_salt TEXT, srp_verifier TEXT,
     mfa TEXT NOT NULL, totp_sealed BLOB, totp_pending_sealed BLOB, totp_last_step INTEGER NOT NULL DEFAULT 0,
     created_ms INTEGER NOT NULL, modified_ms INTEGER NOT NULL,
     PRIMARY KEY (pool_id, username));
   CREATE UNIQUE INDEX cognito_users_sub ON cognito_users (pool_id, sub);
   CREATE INDEX cognito_users_email ON cognito_users (pool_id, email);
   CREATE INDEX cognito_users_phone ON cognito_users (pool_id, phone);
   CREATE TABLE cognito_groups (pool_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT, precedence INTEGER, role_arn TEXT, from_config INTEGER NOT NULL,
     created_ms INTEGER NOT NULL, modified_ms INTEGER NOT NULL, PRIMARY KEY (pool_id, name));
   CREATE TABLE cognito_memberships (pool_id TEXT NOT NULL, group_name TEXT NOT NULL, username TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (pool_id, group_name, username));
   CREATE INDEX cognito_memberships_user ON cognito_memberships (pool_id, username);
   CREATE TABLE cognito_codes (pool_id TEXT NOT NULL, username TEXT NOT NULL COLLATE NOCASE, purpose TEXT NOT NULL, code TEXT NOT NULL, expires_ms INTEGER NOT NULL,
     PRIMARY KEY (pool_id, username, purpose));
   CREATE TABLE cognito_refresh_tokens (token_hash TEXT PRIMARY KEY, pool_id TEXT NOT NULL, username TEXT NOT NULL COLLATE NOCASE, client_id TEXT NOT NULL,
     origin_jti TEXT NOT NULL UNIQUE, auth_time INTEGER NOT NULL, expires_ms INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
   CREATE INDEX cognito_refresh_user ON cognito_refresh_tokens (pool_id, username);
   CREATE TABLE cognito_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, pool_id TEXT NOT NULL, username TEXT NOT NULL,
     medium TEXT NOT NULL, destination TEXT NOT NULL, purpose TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL);
   CREATE INDEX cognito_outbox_to ON cognito_outbox (destination);
   CREATE TABLE cognito_signing_keys (name TEXT PRIMARY KEY, kid TEXT NOT NULL, private_sealed BLOB NOT NULL, public_jwk TEXT NOT NULL);`,
  // Earlier builds kept an scrypt hash beside the SRP verifier; the verifier alone is checked now (password.ts).
  `ALTER TABLE cognito_users DROP COLUMN password_hash;`,
];

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';
export type MfaMethod = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

export interface UserMfa {
  enabled: MfaMethod[];
  preferred?: MfaMethod;
}

export interface StoredUser {
  poolId: string;
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
  /** SRP salt and verifier (hex; password.ts); absent when no password was ever set. */
  srpSalt?: string;
  srpVerifier?: string;
  mfa: UserMfa;
  totpSealed?: Buffer;
  totpPendingSealed?: Buffer;
  totpLastStep: number;
  created: Date;
  modified: Date;
}

export interface StoredGroup {
  poolId: string;
  name: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  fromConfig: boolean;
  created: Date;
  modified: Date;
}

export interface StoredRefreshToken {
  poolId: string;
  username: string;
  clientId: string;
  originJti: string;
  authTime: number;
  expiresMs: number;
  revoked: boolean;
}

interface UserRow {
  pool_id: string; username: string; sub: string; status: string; enabled: number; attributes: string;
  srp_salt: string | null; srp_verifier: string | null; mfa: string;
  totp_sealed: Buffer | null; totp_pending_sealed: Buffer | null; totp_last_step: number; created_ms: number; modified_ms: number;
}
interface GroupRow { pool_id: string; name: string; description: string | null; precedence: number | null; role_arn: string | null; from_config: number; created_ms: number; modified_ms: number }

const toUser = (r: UserRow): StoredUser => ({
  poolId: r.pool_id, username: r.username, sub: r.sub, status: r.status as UserStatus, enabled: r.enabled === 1,
  attributes: JSON.parse(r.attributes) as Record<string, string>,
  srpSalt: r.srp_salt ?? undefined, srpVerifier: r.srp_verifier ?? undefined,
  mfa: JSON.parse(r.mfa) as UserMfa, totpSealed: r.totp_sealed ?? undefined, totpPendingSealed: r.totp_pending_sealed ?? undefined,
  totpLastStep: r.totp_last_step, created: new Date(r.created_ms), modified: new Date(r.modified_ms),
});
const toGroup = (r: GroupRow): StoredGroup => ({
  poolId: r.pool_id, name: r.name, description: r.description ?? undefined, precedence: r.precedence ?? undefined,
  roleArn: r.role_arn ?? undefined, fromConfig: r.from_config === 1, created: new Date(r.created_ms), modified: new Date(r.modified_ms),
});

export function createUserPoolStore(db: Database, clock: Clock) {
  migrate(db, 'cognito', SCHEMA);
  const now = () => clock.now().getTime();
  const q = {
    pool: db.prepare('SELECT id, config FROM cognito_pools WHERE id = ?'),
    poolByClient: db.prepare('SELECT id, config FROM cognito_pools WHERE client_id = ?'),
    pools: db.prepare('SELECT id, config FROM cognito_pools ORDER BY id'),
    upsertPool: db.prepare(`INSERT INTO cognito_pools (id, client_id, config, created_ms, modified_ms) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET client_id = excluded.client_id, config = excluded.config, modified_ms = excluded.modified_ms`),
    user: db.prepare('SELECT * FROM cognito_users WHERE pool_id = ? AND username = ?'),
    userBySub: db.prepare('SELECT * FROM cognito_users WHERE pool_id = ? AND sub = ?'),
    userByEmail: db.prepare('SELECT * FROM cognito_users WHERE pool_id = ? AND email = ? ORDER BY created_ms'),
    userByPhone: db.prepare('SELECT * FROM cognito_users WHERE pool_id = ? AND phone = ? ORDER BY created_ms'),
    users: db.prepare('SELECT * FROM cognito_users WHERE pool_id = ? AND username > ? ORDER BY username LIMIT ?'),
    insertUser: db.prepare(`INSERT INTO cognito_users (pool_id, username, sub, status, enabled, attributes, email, phone, srp_salt, srp_verifier, mfa,
      totp_sealed, totp_pending_sealed, totp_last_step, created_ms, modified_ms) VALUES (@poolId, @username, @sub, @status, @enabled, @attributes, @email, @phone,
      @srpSalt, @srpVerifier, @mfa, @totpSealed, @totpPendingSealed, @totpLastStep, @created, @modified)`),
    updateUser: db.prepare(`UPDATE cognito_users SET status = @status, enabled = @enabled, attributes = @attributes, email = @email, phone = @phone,
      srp_salt = @srpSalt, srp_verifier = @srpVerifier, mfa = @mfa, totp_sealed = @totpSealed,
      totp_pending_sealed = @totpPendingSealed, totp_last_step = @totpLastStep, modified_ms = @modified WHERE pool_id = @poolId AND username = @username`),
    deleteUser: db.prepare('DELETE FROM cognito_users WHERE pool_id = ? AND username = ?'),
    deleteMembershipsOfUser: db.prepare('DELETE FROM cognito_memberships WHERE pool_id = ? AND username = ?'),
    deleteCodesOfUser: db.prepare('DELETE FROM cognito_codes WHERE pool_id = ? AND username = ?'),
    revokeAll: db.prepare('UPDATE cognito_refresh_tokens SET revoked = 1 WHERE pool_id = ? AND username = ?'),
    group: db.prepare('SELECT * FROM cognito_groups WHERE pool_id = ? AND name = ?'),
    groups: db.prepare('SELECT * FROM cognito_groups WHERE pool_id = ? AND name > ? ORDER BY name LIMIT ?'),
    upsertGroup: db.prepare(`INSERT INTO cognito_groups (pool_id, name, description, precedence, role_arn, from_config, created_ms, modified_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(pool_id, name) DO UPDATE SET description = excluded.description, precedence = excluded.precedence,
      role_arn = excluded.role_arn, from_config = excluded.from_config, modified_ms = excluded.modified_ms`),
    deleteGroup: db.prepare('DELETE FROM cognito_groups WHERE pool_id = ? AND name = ?'),
    deleteMembershipsOfGroup: db.prepare('DELETE FROM cognito_memberships WHERE pool_id = ? AND group_name = ?'),
    configGroups: db.prepare('SELECT name FROM cognito_groups WHERE pool_id = ? AND from_config = 1'),
    addMember: db.prepare('INSERT OR IGNORE INTO cognito_memberships (pool_id, group_name, username) VALUES (?, ?, ?)'),
    removeMember: db.prepare('DELETE FROM cognito_memberships WHERE pool_id = ? AND group_name = ? AND username = ?'),
    groupsOfUser: db.prepare(`SELECT g.* FROM cognito_memberships m JOIN cognito_groups g ON g.pool_id = m.pool_id AND g.name = m.group_name
      WHERE m.pool_id = ? AND m.username = ? ORDER BY COALESCE(g.precedence, 2147483647), g.name`),
    usersInGroup: db.prepare(`SELECT u.* FROM cognito_memberships m JOIN cognito_users u ON u.pool_id = m.pool_id AND u.username = m.username
      WHERE m.pool_id = ? AND m.group_name = ? AND u.username > ? ORDER BY u.username LIMIT ?`),
    putCode: db.prepare(`INSERT INTO cognito_codes (pool_id, username, purpose, code, expires_ms) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(pool_id, username, purpose) DO UPDATE SET code = excluded.code, expires_ms = excluded.expires_ms`),
    code: db.prepare('SELECT code, expires_ms FROM cognito_codes WHERE pool_id = ? AND username = ? AND purpose = ?'),
    deleteCode: db.prepare('DELETE FROM cognito_codes WHERE pool_id = ? AND username = ? AND purpose = ?'),
    insertRefresh: db.prepare(`INSERT INTO cognito_refresh_tokens (token_hash, pool_id, username, client_id, origin_jti, auth_time, expires_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    refresh: db.prepare('SELECT * FROM cognito_refresh_tokens WHERE token_hash = ?'),
    refreshByJti: db.prepare('SELECT * FROM cognito_refresh_tokens WHERE origin_jti = ?'),
    revoke: db.prepare('UPDATE cognito_refresh_tokens SET revoked = 1 WHERE token_hash = ?'),
  };
  // Resolved configs by the stored text (read-only objects): every request reads its pool, few pools ever change.
  // Keyed by the row's text, not the id, so a pool rewritten by another process is never served stale.
  const resolved = new Map<string, ResolvedPoolConfig>();
  const poolOf = (row: { id: string; config: string } | undefined): ResolvedPoolConfig | undefined => {
    if (!row) return undefined;
    let pool = resolved.get(row.config);
    if (!pool) {
      if (resolved.size >= 64) resolved.clear();
      pool = resolvePoolConfig(JSON.parse(row.config) as UserPoolConfig);
      resolved.set(row.config, pool);
    }
    return pool;
  };
  const userParams = (u: StoredUser) => ({
    poolId: u.poolId, username: u.username, sub: u.sub, status: u.status, enabled: u.enabled ? 1 : 0, attributes: JSON.stringify(u.attributes),
    email: u.attributes.email ?? null, phone: u.attributes.phone_number ?? null, srpSalt: u.srpSalt ?? null,
    srpVerifier: u.srpVerifier ?? null, mfa: JSON.stringify(u.mfa), totpSealed: u.totpSealed ?? null, totpPendingSealed: u.totpPendingSealed ?? null,
    totpLastStep: u.totpLastStep, created: u.created.getTime(), modified: now(),
  });
  const refreshRow = (r: Record<string, unknown> | undefined): StoredRefreshToken | undefined =>
    r && { poolId: r.pool_id as string, username: r.username as string, clientId: r.client_id as string, originJti: r.origin_jti as string,
      authTime: r.auth_time as number, expiresMs: r.expires_ms as number, revoked: r.revoked === 1 };

  return {
    /** `fn` in one write transaction (an operation's lookups, checks and writes together), or a savepoint of the open one. */
    transaction: writeTransactions(db),
    savePool(config: UserPoolConfig): void {
      q.upsertPool.run(config.userPoolId, config.clientId, JSON.stringify(config), now(), now());
    },
    pool: (id: string) => poolOf(q.pool.get(id) as { id: string; config: string } | undefined),
    poolByClient: (clientId: string) => poolOf(q.poolByClient.get(clientId) as { id: string; config: string } | undefined),
    pools: () => (q.pools.all() as { id: string; config: string }[]).map((r) => poolOf(r)!),

    user: (poolId: string, username: string) => { const r = q.user.get(poolId, username) as UserRow | undefined; return r && toUser(r); },
    userBySub: (poolId: string, sub: string) => { const r = q.userBySub.get(poolId, sub) as UserRow | undefined; return r && toUser(r); },
    usersByEmail: (poolId: string, email: string) => (q.userByEmail.all(poolId, email) as UserRow[]).map(toUser),
    usersByPhone: (poolId: string, phone: string) => (q.userByPhone.all(poolId, phone) as UserRow[]).map(toUser),
    users: (poolId: string, after: string, limit: number) => (q.users.all(poolId, after, limit) as UserRow[]).map(toUser),
    insertUser: (u: StoredUser) => void q.insertUser.run(userParams(u)),
    updateUser: (u: StoredUser) => void q.updateUser.run(userParams(u)),
    deleteUser: db.transaction((poolId: string, username: string) => {
      q.deleteMembershipsOfUser.run(poolId, username);
      q.deleteCodesOfUser.run(poolId, username);
      q.revokeAll.run(poolId, username);
      q.deleteUser.run(poolId, username);
    }),

    group: (poolId: string, name: string) => { const r = q.group.get(poolId, name) as GroupRow | undefined; return r && toGroup(r); },
    groups: (poolId: string, after: string, limit: number) => (q.groups.all(poolId, after, limit) as GroupRow[]).map(toGroup),
    putGroup(g: Omit<StoredGroup, 'created' | 'modified'>): void {
      q.upsertGroup.run(g.poolId, g.name, g.description ?? null, g.precedence ?? null, g.roleArn ?? null, g.fromConfig ? 1 : 0, now(), now());
    },
    configGroupNames: (poolId: string) => (q.configGroups.all(poolId) as { name: string }[]).map((r) => r.name),
    deleteGroup: db.transaction((poolId: string, name: string) => {
      q.deleteMembershipsOfGroup.run(poolId, name);
      q.deleteGroup.run(poolId, name);
    }),
    addToGroup: (poolId: string, group: string, username: string) => void q.addMember.run(poolId, group, username),
    removeFromGroup: (poolId: string, group: string, username: string) => void q.removeMember.run(poolId, group, username),
    groupsOfUser: (poolId: string, username: string) => (q.groupsOfUser.all(poolId, username) as GroupRow[]).map(toGroup),
    usersInGroup: (poolId: string, group: string, after: string, limit: number) => (q.usersInGroup.all(poolId, group, after, limit) as UserRow[]).map(toUser),

    putCode: (poolId: string, username: string, purpose: string, code: string, expiresMs: number) => void q.putCode.run(poolId, username, purpose, code, expiresMs),
    code: (poolId: string, username: string, purpose: string) => q.code.get(poolId, username, purpose) as { code: string; expires_ms: number } | undefined,
    deleteCode: (poolId: string, username: string, purpose: string) => void q.deleteCode.run(poolId, username, purpose),

    insertRefresh: (hash: string, t: Omit<StoredRefreshToken, 'revoked'>) =>
      void q.insertRefresh.run(hash, t.poolId, t.username, t.clientId, t.originJti, t.authTime, t.expiresMs),
    refresh: (hash: string) => refreshRow(q.refresh.get(hash) as Record<string, unknown> | undefined),
    refreshByJti: (jti: string) => refreshRow(q.refreshByJti.get(jti) as Record<string, unknown> | undefined),
    revokeRefresh: (hash: string) => void q.revoke.run(hash),
    revokeAllOfUser: (poolId: string, username: string) => void q.revokeAll.run(poolId, username),

    db,
  };
}

export type UserPoolStore = ReturnType<typeof createUserPoolStore>;
