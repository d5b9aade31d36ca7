import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export type Database = BetterSqlite3.Database;

let addon: string | null | undefined;
/**
 * The addon where an install builds it: handed to better-sqlite3, which then skips the `bindings` package's
 * search through a dozen candidate paths (a noticeable part of a short command like `secret get`). Null when it
 * is elsewhere (better-sqlite3 then searches as usual).
 */
export function sqliteAddon(): string | null {
  if (addon === undefined) {
    try {
      addon = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    } catch {
      addon = null;
    }
  }
  return addon;
}

/** A better-sqlite3 connection with the addon found once ({@link sqliteAddon}). */
export const connect = (file: string): Database => {
  const nativeBinding = sqliteAddon();
  return nativeBinding ? new BetterSqlite3(file, { nativeBinding }) : new BetterSqlite3(file);
};

/**
 * Opens (creating if needed) one sandbox's SQLite database. WAL journal: readers never block the
 * writer, a `kill -9` at any point leaves the last committed state readable, and concurrent CLI
 * processes queue on the busy timeout instead of failing.
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = connect(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoint (copy the WAL into the database and fsync) every ~40 MB of WAL instead of SQLite's ~4 MB:
  // seeding thousands of rows otherwise spends a large share of its commits in checkpoints. A crashed
  // process still loses nothing; the WAL file on disk can grow to that size.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE IF NOT EXISTS sandlot_migrations (service TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  return db;
}

/**
 * Applies a service's schema steps that this database has not seen, each in its own transaction.
 * `steps[i]` brings the service from version i to i+1; steps are append-only.
 */
export function migrate(db: Database, service: string, steps: readonly string[]): void {
  const row = db.prepare('SELECT version FROM sandlot_migrations WHERE service = ?').get(service) as
    | { version: number }
    | undefined;
  let version = row?.version ?? 0;
  if (version >= steps.length) return;
  const apply = db.transaction((sql: string, next: number) => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const current = (db.prepare('SELECT version FROM sandlot_migrations WHERE service = ?').get(service) as
      | { version: number }
      | undefined)?.version ?? 0;
    if (current >= next) return;
    db.exec(sql);
    db.prepare('INSERT INTO sandlot_migrations (service, version) VALUES (?, ?) ON CONFLICT(service) DO UPDATE SET version = excluded.version').run(service, next);
  });
  for (; version < steps.length; version++) apply.immediate(steps[version]!, version + 1);
}

/**
 * `run(fn)`: `fn` in a write transaction (BEGIN IMMEDIATE … COMMIT, rolled back when it throws); inside an
 * open transaction, in a savepoint of it (rolled back to the savepoint when it throws), as better-sqlite3's
 * `db.transaction(fn).immediate()` does, but with the statements prepared once instead of four wrappers
 * built per call (stores run one per request, a document of mutations one per mutation).
 */
export function writeTransactions(db: Database): <T>(fn: () => T) => T {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const savepoint = db.prepare('SAVEPOINT sandlot_write');
  const release = db.prepare('RELEASE sandlot_write');
  const rollbackTo = db.prepare('ROLLBACK TO sandlot_write');
  return <T>(fn: () => T): T => {
    const nested = db.inTransaction;
    (nested ? savepoint : begin).run();
    try {
      const result = fn();
      (nested ? release : commit).run();
      return result;
    } catch (e) {
      if (db.inTransaction) {
        if (nested) {
          rollbackTo.run();
          release.run();
        } else {
          rollback.run();
        }
      }
      throw e;
    }
  };
}
