import type { Database } from '../store/database.js';
import { migrate } from '../store/database.js';
import type { Clock } from '../clock.js';
import type { SealedBox } from '../crypto/sealedBox.js';
import type { KeyOwner } from '../iam/credentials.js';
import type { IdentityPoolConfig } from './config.js';

/**
 * Identity-pool state (regional): pools, identities (guest, or linked to one user-pool login), and the
 * temporary keys handed out, whose secrets are sealed. On start every unexpired key is put back in the
 * key ring, so SigV4 with them keeps working across restarts.
 */
const SCHEMA = [
  `CREATE TABLE identity_pools (id TEXT PRIMARY KEY, config TEXT NOT NULL);
   CREATE TABLE identity_identities (id TEXT PRIMARY KEY, pool_id TEXT NOT NULL, login TEXT, created_ms INTEGER NOT NULL);
   CREATE UNIQUE INDEX identity_identities_login ON identity_identities (pool_id, login);
   CREATE TABLE identity_credentials (access_key_id TEXT PRIMARY KEY, identity_id TEXT NOT NULL, secret_sealed BLOB NOT NULL, session_sealed BLOB NOT NULL,
     owner TEXT NOT NULL, expires_ms INTEGER NOT NULL);
   CREATE INDEX identity_credentials_expiry ON identity_credentials (expires_ms);`,
];

export interface StoredIdentity {
  id: string;
  poolId: string;
  /** `<provider>:<sub>` for an authenticated identity. */
  login?: string;
}

type KeyRing = { add(accessKeyId: string, owner: KeyOwner): void };

export function createIdentityStore(db: Database, box: SealedBox, clock: Clock, keyring: KeyRing) {
  migrate(db, 'identity', SCHEMA);
  const q = {
    pool: db.prepare('SELECT config FROM identity_pools WHERE id = ?'),
    putPool: db.prepare('INSERT INTO identity_pools (id, config) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET config = excluded.config'),
    identity: db.prepare('SELECT id, pool_id, login FROM identity_identities WHERE id = ?'),
    byLogin: db.prepare('SELECT id, pool_id, login FROM identity_identities WHERE pool_id = ? AND login = ?'),
    insert: db.prepare('INSERT INTO identity_identities (id, pool_id, login, created_ms) VALUES (?, ?, ?, ?)'),
    link: db.prepare('UPDATE identity_identities SET login = ? WHERE id = ? AND login IS NULL'),
    putKey: db.prepare('INSERT INTO identity_credentials (access_key_id, identity_id, secret_sealed, session_sealed, owner, expires_ms) VALUES (?, ?, ?, ?, ?, ?)'),
    liveKeys: db.prepare('SELECT * FROM identity_credentials WHERE expires_ms > ?'),
    purge: db.prepare('DELETE FROM identity_credentials WHERE expires_ms <= ?'),
  };
  const toIdentity = (r: { id: string; pool_id: string; login: string | null } | undefined): StoredIdentity | undefined =>
    r && { id: r.id, poolId: r.pool_id, login: r.login ?? undefined };

  const restore = () => {
    q.purge.run(clock.now().getTime());
    for (const r of q.liveKeys.all(clock.now().getTime()) as Record<string, unknown>[]) {
      const id = r.access_key_id as string;
      const owner = JSON.parse(r.owner as string) as Omit<KeyOwner, 'secretAccessKey' | 'sessionToken' | 'expiration'>;
      keyring.add(id, {
        ...owner,
        secretAccessKey: box.open(r.secret_sealed as Buffer, `identity-key:${id}`),
        sessionToken: box.open(r.session_sealed as Buffer, `identity-session:${id}`),
        expiration: new Date(r.expires_ms as number),
      });
    }
  };
  restore();

  return {
    pool: (id: string) => { const r = q.pool.get(id) as { config: string } | undefined; return r && (JSON.parse(r.config) as IdentityPoolConfig); },
    putPool: (c: IdentityPoolConfig) => void q.putPool.run(c.identityPoolId, JSON.stringify(c)),
    identity: (id: string) => toIdentity(q.identity.get(id) as never),
    identityByLogin: (poolId: string, login: string) => toIdentity(q.byLogin.get(poolId, login) as never),
    insertIdentity: (i: StoredIdentity) => void q.insert.run(i.id, i.poolId, i.login ?? null, clock.now().getTime()),
    /** Turns a guest identity into the login's identity; false when it already had a login. */
    link: (id: string, login: string) => q.link.run(login, id).changes > 0,
    /** Persists a key (secret and session token sealed) and adds it to the key ring. */
    putKey(accessKeyId: string, owner: KeyOwner & { expiration: Date; sessionToken: string }): void {
      const { secretAccessKey, sessionToken, expiration, ...rest } = owner;
      q.putKey.run(accessKeyId, owner.identityId ?? '', box.seal(secretAccessKey, `identity-key:${accessKeyId}`),
        box.seal(sessionToken, `identity-session:${accessKeyId}`), JSON.stringify(rest), expiration.getTime());
      keyring.add(accessKeyId, owner);
    },
  };
}

export type IdentityStore = ReturnType<typeof createIdentityStore>;
