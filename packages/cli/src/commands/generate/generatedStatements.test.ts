import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AMPX_BIN, collect, runAmpx, tempProject } from '../../testing/runAmpx.js';

const examples = resolve(import.meta.dirname, '../../../../../../shared/examples');
const skip = existsSync(examples) ? false : `needs ../shared/examples beside the clone (${examples})`;
const register = fileURLToPath(new URL('../../register.ts', import.meta.url));
const script = fileURLToPath(new URL('../../testing/clients/runGeneratedStatements.ts', import.meta.url));

test('generated queries.ts / mutations.ts run against the sandbox with the real client.graphql', { skip, timeout: 120_000 }, async () => {
  const p = tempProject();
  cpSync(join(examples, 'docs-app'), p.dir, { recursive: true });
  const env = { ...p.env, SANDLOT_PORT: '0' };
  const gen = await runAmpx(['generate', 'graphql-client-code', '--out', 'src/graphql'], { cwd: p.dir, env, timeoutMs: 60_000 });
  assert.equal(gen.code, 0, gen.stderr);
  const sandbox = spawn(process.execPath, [AMPX_BIN, 'sandbox'], { cwd: p.dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stopped = collect(sandbox, 100_000);
  let out = '';
  sandbox.stdout!.on('data', (d) => (out += d));
  await new Promise<void>((r) => { const i = setInterval(() => out.includes('Watching for file changes') && (clearInterval(i), r()), 20); });
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', register, script, join(p.dir, 'amplify_outputs.json'), join(p.dir, 'src/graphql'), 'gen@example.com'], {
      cwd: process.cwd(),
      env: { ...process.env, SANDLOT_ENDPOINT: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const r = await collect(child, 60_000);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').at(-1)!), { created: 'from generated code', got: 'from generated code', listed: 1 });
  } finally {
    sandbox.kill('SIGINT');
    await stopped;
  }
});
