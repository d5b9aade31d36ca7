import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestCloud } from '../testing/startTestCloud.js';

test('POST /_sandlot/clock advances the sandbox clock; bad input is a 400, never a move backwards', async () => {
  const t = await startTestCloud();
  try {
    const before = t.cloud.services.clock.now().getTime();
    const post = (body: string) => fetch(`${t.url}/_sandlot/clock`, { method: 'POST', body });
    const ok = await post(JSON.stringify({ advanceMs: 35_000 }));
    assert.equal(ok.status, 200);
    const { now } = (await ok.json()) as { now: string };
    assert.ok(Date.parse(now) - before >= 35_000);
    assert.ok(t.cloud.services.clock.now().getTime() - before >= 35_000);
    for (const bad of ['{"advanceMs":-5}', '{"advanceMs":0}', '{"advanceMs":1.5}', '{"advanceMs":"9"}', '{"advanceMs":86400001}', 'not json', '{}']) {
      const r = await post(bad);
      assert.equal(r.status, 400, bad);
      assert.equal(((await r.json()) as { __type: string }).__type, 'InvalidParameterException');
    }
    const got = (await (await fetch(`${t.url}/_sandlot/clock`)).json()) as { now: string };
    assert.ok(Date.parse(got.now) - before < 40_000, 'bad requests did not move it');
  } finally {
    await t.close();
  }
});
