import type { Database } from '../store/database.js';
import { migrate } from '../store/database.js';

/**
 * Stack records (regional). Sandlot has no CloudFormation engine: the sandbox writes one record per
 * deployed backend — the template `Metadata` and the stack outputs, exactly as amplify-backend's
 * constructs would register them — so tools that read a deployed Amplify backend (the
 * `@aws-amplify/seed` package, `@aws-amplify/client-config`) find it where they look.
 */
const SCHEMA = [
  `CREATE TABLE cfn_stacks (
     name TEXT PRIMARY KEY,
     stack_id TEXT NOT NULL,
     status TEXT NOT NULL,
     metadata_json TEXT NOT NULL,
     outputs_json TEXT NOT NULL,
     tags_json TEXT NOT NULL DEFAULT '{}',
     created_ms INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL
   );`,
  // Was: deployment assets by s3:// URI (now kept in the local S3). Steps are append-only, so it stays.
  `CREATE TABLE cfn_assets (uri TEXT PRIMARY KEY, body TEXT NOT NULL, updated_ms INTEGER NOT NULL);`,
];

export interface StackRecord {
  name: string;
  stackId: string;
  status: string;
  /** Template `Metadata`: `{ "AWS::Amplify::Auth": { version: "1", stackOutputs: [...] }, … }`. */
  metadata: Record<string, unknown>;
  outputs: Record<string, string>;
  tags: Record<string, string>;
  created: Date;
  updated: Date;
}

interface Row {
  name: string;
  stack_id: string;
  status: string;
  metadata_json: string;
  outputs_json: string;
  tags_json: string;
  created_ms: number;
  updated_ms: number;
}

export function createStackStore(db: Database) {
  migrate(db, 'cloudformation', SCHEMA);
  const toRecord = (r: Row): StackRecord => ({
    name: r.name,
    stackId: r.stack_id,
    status: r.status,
    metadata: JSON.parse(r.metadata_json),
    outputs: JSON.parse(r.outputs_json),
    tags: JSON.parse(r.tags_json),
    created: new Date(r.created_ms),
    updated: new Date(r.updated_ms),
  });
  const q = {
    get: db.prepare('SELECT * FROM cfn_stacks WHERE name = ? OR stack_id = ?'),
    all: db.prepare('SELECT * FROM cfn_stacks ORDER BY name'),
    upsert: db.prepare(
      `INSERT INTO cfn_stacks (name, stack_id, status, metadata_json, outputs_json, tags_json, created_ms, updated_ms)
       VALUES (@name, @stack_id, @status, @metadata_json, @outputs_json, @tags_json, @now, @now)
       ON CONFLICT(name) DO UPDATE SET status = excluded.status, metadata_json = excluded.metadata_json,
         outputs_json = excluded.outputs_json, tags_json = excluded.tags_json, updated_ms = excluded.updated_ms`,
    ),
    delete: db.prepare('DELETE FROM cfn_stacks WHERE name = ?'),
  };
  return {
    get: (nameOrId: string): StackRecord | undefined => {
      const row = q.get.get(nameOrId, nameOrId) as Row | undefined;
      return row && toRecord(row);
    },
    list: (): StackRecord[] => (q.all.all() as Row[]).map(toRecord),
    put(r: { name: string; stackId: string; status: string; metadata: Record<string, unknown>; outputs: Record<string, string>; tags?: Record<string, string>; now: Date }): void {
      q.upsert.run({
        name: r.name,
        stack_id: r.stackId,
        status: r.status,
        metadata_json: JSON.stringify(r.metadata),
        outputs_json: JSON.stringify(r.outputs),
        tags_json: JSON.stringify(r.tags ?? {}),
        now: r.now.getTime(),
      });
    },
    delete: (name: string): boolean => q.delete.run(name).changes > 0,
  };
}

export type StackStore = ReturnType<typeof createStackStore>;
