import type { Database } from '../store/database.js';
import { migrate } from '../store/database.js';
import type { SealedBox } from '../crypto/sealedBox.js';
import type { Clock } from '../clock.js';
import { InvalidKeyId } from './errors.js';

/**
 * Parameter Store state (regional: one sandbox database = one account and region). Every value is
 * sealed with AES-256-GCM bound to (name, version); plain values never touch disk. Every put adds a
 * version row; the newest MAX_VERSIONS are kept, as SSM keeps 100.
 */
export const MAX_VERSIONS = 100;

const SCHEMA = [
  `CREATE TABLE ssm_parameter_versions (
     name TEXT NOT NULL,
     version INTEGER NOT NULL,
     type TEXT NOT NULL,
     description TEXT,
     sealed_value BLOB NOT NULL,
     last_modified_ms INTEGER NOT NULL,
     last_modified_user TEXT,
     PRIMARY KEY (name, version)
   );
   CREATE TABLE ssm_parameters (
     name TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     parent TEXT NOT NULL
   );
   CREATE INDEX ssm_parameters_by_parent ON ssm_parameters (parent, name);`,
];

export interface StoredParameter {
  name: string;
  version: number;
  type: string;
  description?: string;
  value: string;
  lastModified: Date;
  lastModifiedUser?: string;
}

export interface PutParameter {
  name: string;
  value: string;
  type: string;
  description?: string;
  overwrite: boolean;
  user?: string;
}

export type PutResult = { version: number } | { exists: true };

interface VersionRow {
  name: string;
  version: number;
  type: string;
  description: string | null;
  sealed_value: Buffer;
  last_modified_ms: number;
  last_modified_user: string | null;
}

export const parentOf = (name: string): string => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) || '/' : '');

export function createParameterStore(db: Database, box: SealedBox, clock: Clock) {
  migrate(db, 'ssm', SCHEMA);
  const sealContext = (name: string, version: number) => `ssm:${name}#${version}`;
  const openValue = (row: VersionRow): string => {
    try {
      return box.open(row.sealed_value, sealContext(row.name, row.version));
    } catch {
      throw new InvalidKeyId(row.name);
    }
  };
  const open = (row: VersionRow): StoredParameter => ({
    name: row.name,
    version: row.version,
    type: row.type,
    description: row.description ?? undefined,
    value: openValue(row),
    lastModified: new Date(row.last_modified_ms),
    lastModifiedUser: row.last_modified_user ?? undefined,
  });

  const q = {
    current: db.prepare('SELECT version FROM ssm_parameters WHERE name = ?'),
    row: db.prepare('SELECT * FROM ssm_parameter_versions WHERE name = ? AND version = ?'),
    insertVersion: db.prepare(
      'INSERT INTO ssm_parameter_versions (name, version, type, description, sealed_value, last_modified_ms, last_modified_user) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    upsertCurrent: db.prepare(
      'INSERT INTO ssm_parameters (name, version, parent) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version',
    ),
    trim: db.prepare('DELETE FROM ssm_parameter_versions WHERE name = ? AND version <= ?'),
    deleteCurrent: db.prepare('DELETE FROM ssm_parameters WHERE name = ?'),
    deleteVersions: db.prepare('DELETE FROM ssm_parameter_versions WHERE name = ?'),
    maxVersion: db.prepare('SELECT MAX(version) AS v FROM ssm_parameter_versions WHERE name = ?'),
    children: db.prepare(
      `SELECT v.* FROM ssm_parameters p JOIN ssm_parameter_versions v ON v.name = p.name AND v.version = p.version
       WHERE p.parent = ? AND p.name > ? ORDER BY p.name LIMIT ?`,
    ),
    descendants: db.prepare(
      `SELECT v.* FROM ssm_parameters p JOIN ssm_parameter_versions v ON v.name = p.name AND v.version = p.version
       WHERE p.name > ? AND p.name > ? AND p.name < ? ORDER BY p.name LIMIT ?`,
    ),
    history: db.prepare('SELECT * FROM ssm_parameter_versions WHERE name = ? ORDER BY version'),
  };

  const putTx = db.transaction((p: PutParameter): PutResult => {
    const current = q.current.get(p.name) as { version: number } | undefined;
    if (current && !p.overwrite) return { exists: true };
    const version = current ? current.version + 1 : 1;
    q.insertVersion.run(p.name, version, p.type, p.description ?? null, box.seal(p.value, sealContext(p.name, version)), clock.now().getTime(), p.user ?? null);
    q.upsertCurrent.run(p.name, version, parentOf(p.name));
    if (version > MAX_VERSIONS) q.trim.run(p.name, version - MAX_VERSIONS);
    return { version };
  });

  const deleteTx = db.transaction((name: string): boolean => {
    const found = q.deleteCurrent.run(name).changes > 0;
    if (found) q.deleteVersions.run(name);
    return found;
  });

  return {
    /** Writes a new version under the database write lock, so concurrent writers each get their own version. */
    put: (p: PutParameter): PutResult => putTx.immediate(p),

    /** The current version, or a specific one; undefined when absent. */
    get(name: string, version?: number): StoredParameter | undefined {
      const v = version ?? (q.current.get(name) as { version: number } | undefined)?.version;
      if (v === undefined) return undefined;
      if (version !== undefined && !q.current.get(name)) return undefined;
      const row = q.row.get(name, v) as VersionRow | undefined;
      return row && open(row);
    },

    exists: (name: string): boolean => q.current.get(name) !== undefined,

    /** Current parameters below `path`, ordered by name, after `after` (exclusive). */
    byPath(path: string, recursive: boolean, after: string, limit: number): StoredParameter[] {
      const base = path === '/' ? '' : path.replace(/\/+$/, '');
      const rows = recursive
        ? (q.descendants.all(after, base + '/', base + '0', limit) as VersionRow[]) // '0' is the char after '/'
        : (q.children.all(base === '' ? '/' : base, after, limit) as VersionRow[]);
      return rows.map(open);
    },

    history: (name: string): StoredParameter[] => (q.history.all(name) as VersionRow[]).map(open),

    delete: (name: string): boolean => deleteTx.immediate(name),
  };
}

export type ParameterStore = ReturnType<typeof createParameterStore>;
