import { migrate, writeTransactions, type Database } from '../store/database.js';

/**
 * AppSync state in the sandbox database: the applied API definitions (API key sealed) and every model
 * row as a JSON document keyed by (api, model, primary key). The key column is the JSON array of the
 * primary-key values, so a get is one index lookup and a scan pages in key order.
 */
const SCHEMA = [
  `CREATE TABLE appsync_apis (
     api_id TEXT PRIMARY KEY,
     config TEXT NOT NULL,
     sealed_api_key BLOB,
     updated_ms INTEGER NOT NULL
   );
   CREATE TABLE appsync_items (
     api_id TEXT NOT NULL,
     model TEXT NOT NULL,
     pk TEXT NOT NULL,
     doc TEXT NOT NULL,
     PRIMARY KEY (api_id, model, pk)
   ) WITHOUT ROWID;`,
];

export type Doc = Record<string, unknown>;
export interface Row {
  pk: string;
  doc: Doc;
}

export interface StoredApi {
  apiId: string;
  config: string;
  sealedApiKey?: Buffer;
}

export function createItemStore(db: Database) {
  migrate(db, 'appsync', SCHEMA);
  const q = {
    get: db.prepare('SELECT doc FROM appsync_items WHERE api_id = ? AND model = ? AND pk = ?').pluck(),
    insert: db.prepare('INSERT OR IGNORE INTO appsync_items (api_id, model, pk, doc) VALUES (?, ?, ?, ?)'),
    replace: db.prepare('INSERT OR REPLACE INTO appsync_items (api_id, model, pk, doc) VALUES (?, ?, ?, ?)'),
    del: db.prepare('DELETE FROM appsync_items WHERE api_id = ? AND model = ? AND pk = ?'),
    scan: db.prepare('SELECT pk, doc FROM appsync_items WHERE api_id = ? AND model = ? AND pk > ? ORDER BY pk LIMIT ?'),
    scanDesc: db.prepare('SELECT pk, doc FROM appsync_items WHERE api_id = ? AND model = ? AND pk < ? ORDER BY pk DESC LIMIT ?'),
    all: db.prepare('SELECT pk, doc FROM appsync_items WHERE api_id = ? AND model = ? ORDER BY pk'),
    byField: db.prepare('SELECT pk, doc FROM appsync_items WHERE api_id = ? AND model = ? AND json_extract(doc, ?) = ?'),
    dropModel: db.prepare('DELETE FROM appsync_items WHERE api_id = ? AND model = ?'),
    models: db.prepare('SELECT DISTINCT model FROM appsync_items WHERE api_id = ?').pluck(),
    count: db.prepare('SELECT COUNT(*) FROM appsync_items WHERE api_id = ? AND model = ?').pluck(),
    api: db.prepare('SELECT api_id AS apiId, config, sealed_api_key AS sealedApiKey FROM appsync_apis WHERE api_id = ?'),
    apis: db.prepare('SELECT api_id AS apiId, config, sealed_api_key AS sealedApiKey FROM appsync_apis ORDER BY updated_ms'),
    putApi: db.prepare('INSERT OR REPLACE INTO appsync_apis (api_id, config, sealed_api_key, updated_ms) VALUES (?, ?, ?, ?)'),
  };
  const rows = (list: { pk: string; doc: string }[]): Row[] => list.map((r) => ({ pk: r.pk, doc: JSON.parse(r.doc) as Doc }));
  const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as string | number));
  return {
    db,
    /** `fn` in one write transaction, or in a savepoint of the open one (a document of mutations: resolvers/documentTransaction.ts). */
    transaction: writeTransactions(db),
    get(apiId: string, model: string, pk: string): Doc | undefined {
      const doc = q.get.get(apiId, model, pk) as string | undefined;
      return doc === undefined ? undefined : (JSON.parse(doc) as Doc);
    },
    /** false when a row with that key exists. */
    insert: (apiId: string, model: string, pk: string, doc: Doc): boolean => q.insert.run(apiId, model, pk, JSON.stringify(doc)).changes > 0,
    replace: (apiId: string, model: string, pk: string, doc: Doc): void => void q.replace.run(apiId, model, pk, JSON.stringify(doc)),
    delete: (apiId: string, model: string, pk: string): boolean => q.del.run(apiId, model, pk).changes > 0,
    /** Rows after `after` in key order (before, descending). */
    scan: (apiId: string, model: string, after: string | undefined, limit: number, desc = false): Row[] =>
      rows((desc ? q.scanDesc.all(apiId, model, after ?? '\uffff', limit) : q.scan.all(apiId, model, after ?? '', limit)) as { pk: string; doc: string }[]),
    all: (apiId: string, model: string): Row[] => rows(q.all.all(apiId, model) as { pk: string; doc: string }[]),
    byField: (apiId: string, model: string, field: string, value: unknown): Row[] =>
      rows(q.byField.all(apiId, model, `$."${field.replace(/"/g, '')}"`, sqlValue(value)) as { pk: string; doc: string }[]),
    dropModel: (apiId: string, model: string) => void q.dropModel.run(apiId, model),
    storedModels: (apiId: string): string[] => q.models.all(apiId) as string[],
    count: (apiId: string, model: string): number => q.count.get(apiId, model) as number,
    getApi: (apiId: string) => (q.api.get(apiId) as StoredApi | undefined) ?? undefined,
    listApis: () => q.apis.all() as StoredApi[],
    putApi: (apiId: string, config: string, sealedApiKey: Buffer | null, nowMs: number) => void q.putApi.run(apiId, config, sealedApiKey, nowMs),
  };
}

export type ItemStore = ReturnType<typeof createItemStore>;

/** The key column value of an item: the JSON array of its primary-key values. */
export const encodeKey = (values: unknown[]): string => JSON.stringify(values);
