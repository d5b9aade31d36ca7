import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWrappedSource } from './generatorModules.js';

/**
 * A bundled file's source as `loadCommonJs` compiles it: `Module.wrap` of the file read as UTF-8, and the digest
 * its code cache is checked against — read through one reused buffer, an ASCII-only file decoded as Latin-1 with
 * the wrapper in one piece, any other file as UTF-8.
 */
const expected = (file: string) => {
  const bytes = readFileSync(file);
  return { wrapped: Module.wrap(bytes.toString('utf8')), digest: createHash('sha256').update(Module.wrap('')).update(bytes).digest() };
};

test('bundled sources: ASCII files decoded as Latin-1, others as UTF-8, each the same text and digest as Module.wrap of the file', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandlot-generator-modules-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = {
    large: 'module.exports = ' + JSON.stringify('x'.repeat(300_000)) + ';\n',
    small: 'module.exports = 1;\n',
    accented: 'module.exports = "é ✓ \u{1F600}";\n',
    empty: '',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, `${name}.cjs`), text);
  // Bytes that are not UTF-8 (a lone continuation byte, a sequence cut at the end of the file).
  writeFileSync(path.join(dir, 'invalid.cjs'), Buffer.concat([Buffer.from('\x80module.exports = "'), Buffer.from([0xc3, 0x28]), Buffer.from('";'), Buffer.from([0xe2, 0x82])]));

  // In an order where each read reuses the buffer a larger one filled.
  for (const [name, decoded] of [['large', 'latin1'], ['small', 'latin1'], ['accented', 'utf8'], ['empty', 'latin1'], ['invalid', 'utf8'], ['large', 'latin1'], ['small', 'latin1']] as const) {
    const file = path.join(dir, `${name}.cjs`);
    const got = readWrappedSource(file);
    const want = expected(file);
    assert.equal(got.decoded, decoded, name);
    assert.equal(got.wrapped, want.wrapped, name);
    assert.deepEqual(got.digest, want.digest, name);
  }
});

test('bundled sources: a missing file throws as reading it does', () => {
  assert.throws(() => readWrappedSource(path.join(tmpdir(), 'sandlot-no-such-bundle.cjs')), { code: 'ENOENT' });
});
