import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, writeTransactions } from './database.js';

test('writeTransactions: commits, rolls back a failed transaction, and rolls a nested one back to its savepoint only', () => {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE t (v TEXT PRIMARY KEY)');
  const write = writeTransactions(db);
  const rows = () => (db.prepare('SELECT v FROM t ORDER BY v').pluck().all() as string[]).join(',');
  const insert = (v: string) => db.prepare('INSERT INTO t (v) VALUES (?)').run(v);

  assert.equal(write(() => (insert('a'), 'result')), 'result');
  assert.equal(db.inTransaction, false);
  assert.throws(() => write(() => { insert('b'); throw new Error('no'); }), /no/);
  assert.equal(rows(), 'a');

  write(() => {
    insert('c');
    assert.throws(() => write(() => { insert('d'); insert('a'); }), /UNIQUE/); // the savepoint: d goes, c stays
    write(() => insert('e'));
    assert.equal(db.inTransaction, true);
  });
  assert.equal(db.inTransaction, false);
  assert.equal(rows(), 'a,c,e');
  db.close();
});
