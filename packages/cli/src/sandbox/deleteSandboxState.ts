import { connect } from '@sandlot/cloud/store/database.js';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxLocation } from '../project/sandboxLocation.js';

/** Tables that survive `sandbox delete`: the secrets (SSM) and the migration ledger. */
const KEEP = (table: string) => table.startsWith('ssm_') || table === 'sandlot_migrations' || table.startsWith('sqlite_');

export const writtenOutputsRecord = (stateDir: string) => join(stateDir, 'outputs-file.txt');

/**
 * Removes everything a sandbox holds except its secrets, in one transaction (a crash leaves either
 * the old state or the new, never half), then its stored files and the outputs file it last wrote.
 * Returns the outputs file removed, if any.
 */
export function deleteSandboxState(loc: SandboxLocation): string | undefined {
  if (existsSync(loc.databaseFile)) {
    const db = connect(loc.databaseFile);
    db.pragma('busy_timeout = 10000');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    db.transaction(() => {
      db.pragma('foreign_keys = OFF');
      for (const t of tables) if (!KEEP(t)) db.exec(`DROP TABLE IF EXISTS "${t.replace(/"/g, '""')}"`);
      if (tables.includes('sandlot_migrations')) db.prepare("DELETE FROM sandlot_migrations WHERE service <> 'ssm'").run();
    }).immediate();
    db.exec('VACUUM');
    db.close();
  }
  for (const f of ['objects', 'cloud.log', 'endpoint.json']) rmSync(join(loc.stateDir, f), { recursive: true, force: true });
  let outputs: string | undefined;
  try {
    outputs = readFileSync(writtenOutputsRecord(loc.stateDir), 'utf8').trim() || undefined;
  } catch {
    outputs = undefined;
  }
  if (outputs && existsSync(outputs)) rmSync(outputs, { force: true });
  rmSync(writtenOutputsRecord(loc.stateDir), { force: true });
  return outputs;
}
