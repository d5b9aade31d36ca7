import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AMPX_BIN, collect, runAmpx, tempProject } from '../../../testing/runAmpx.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

test('on a terminal, set asks `? Enter secret value:` and masks what is typed', { skip: !hasScript && 'needs util-linux `script` for a pseudo-terminal' }, async () => {
  const p = tempProject();
  // `script` gives the CLI a real pseudo-terminal; its stdin is what we "type".
  const child = spawn('script', ['-qfec', `${process.execPath} ${AMPX_BIN} sandbox secret set typed`, '/dev/null'], { cwd: p.dir, env: { ...process.env, ...p.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let seen = '';
  child.stdout!.on('data', (d) => {
    seen += d;
    if (seen.includes('Enter secret value:') && !seen.includes('#')) child.stdin!.write('hunter2\r');
  });
  const r = await collect(child, 20_000);
  const screen = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  assert.match(screen, /\? Enter secret value: #######/);
  assert.doesNotMatch(screen, /hunter2/, 'the typed value is never echoed');
  assert.match(screen, /Successfully created version 1 of secret typed/);
  assert.match((await runAmpx(['sandbox', 'secret', 'get', 'typed'], { cwd: p.dir, env: p.env })).stdout, /value: hunter2/);
});

test('on a terminal, export refuses to print values unless --reveal is given', { skip: !hasScript && 'needs util-linux `script` for a pseudo-terminal' }, async () => {
  const p = tempProject();
  await runAmpx(['sandbox', 'secret', 'set', 'TOKEN'], { cwd: p.dir, env: p.env, input: 'tty-secret-42' });
  const run = (extra: string) => {
    const child = spawn('script', ['-qfec', `${process.execPath} ${AMPX_BIN} sandbox secret export${extra}`, '/dev/null'], { cwd: p.dir, env: { ...process.env, ...p.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.end();
    return collect(child, 20_000);
  };
  const refused = await run('');
  assert.notEqual(refused.code, 0);
  assert.match(refused.stdout, /Refusing to print secret values to a terminal/);
  assert.doesNotMatch(refused.stdout, /tty-secret-42/);
  const revealed = await run(' --reveal');
  assert.equal(revealed.code, 0, revealed.stdout);
  assert.match(revealed.stdout, /TOKEN="tty-secret-42"/);
});

test('two concurrent `secret set` processes both succeed and both versions are kept', async () => {
  const p = tempProject();
  await runAmpx(['sandbox', 'secret', 'set', 'warm'], { cwd: p.dir, env: p.env, input: 'x' }); // creates key + db
  const runs = await Promise.all(
    Array.from({ length: 6 }, (_, i) => runAmpx(['sandbox', 'secret', 'set', 'race'], { cwd: p.dir, env: p.env, input: `value-${i}` })),
  );
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  const versions = runs.map((r) => Number(/version (\d+)/.exec(r.stdout)![1])).sort((a, b) => a - b);
  assert.deepEqual(versions, [1, 2, 3, 4, 5, 6]);
  const history = JSON.parse((await runAmpx(['sandbox', 'secret', 'history', 'race', '--json'], { cwd: p.dir, env: p.env })).stdout) as unknown[];
  assert.equal(history.length, 6);
  for (let v = 1; v <= 6; v++) {
    const got = JSON.parse((await runAmpx(['sandbox', 'secret', 'get', 'race', '--version', String(v), '--json'], { cwd: p.dir, env: p.env })).stdout);
    assert.match(got.value, /^value-\d$/);
  }
});

test('a writer killed with SIGKILL mid-write leaves a readable, consistent store', async () => {
  const p = tempProject();
  const first = await runAmpx(['sandbox', 'secret', 'set', 'stable'], { cwd: p.dir, env: p.env, input: 'kept' });
  assert.equal(first.code, 0, first.stderr);
  // A shell loop of sets, killed while it is writing.
  const loop = spawn('bash', ['-c', `for i in $(seq 1 200); do echo "v$i" | ${process.execPath} ${AMPX_BIN} sandbox secret set churn >/dev/null || exit 9; done`], {
    cwd: p.dir,
    env: { ...process.env, ...p.env },
    detached: true,
  });
  await new Promise((r) => setTimeout(r, 1500));
  process.kill(-loop.pid!, 'SIGKILL');
  await new Promise((r) => loop.on('exit', r));
  const db = new BetterSqlite3(join(p.dir, '.amplify/sandlot/default', (await import('node:fs')).readdirSync(join(p.dir, '.amplify/sandlot/default'))[0]!, 'sandbox.db'), { readonly: true });
  assert.equal((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check, 'ok');
  db.close();
  const stable = await runAmpx(['sandbox', 'secret', 'get', 'stable'], { cwd: p.dir, env: p.env });
  assert.match(stable.stdout, /value: kept/);
  const churn = await runAmpx(['sandbox', 'secret', 'get', 'churn', '--json'], { cwd: p.dir, env: p.env });
  assert.equal(churn.code, 0, churn.stderr);
  const { value, version } = JSON.parse(churn.stdout);
  assert.equal(value, `v${version}`, 'the newest version is whole: its value matches its number');
  const after = await runAmpx(['sandbox', 'secret', 'set', 'churn'], { cwd: p.dir, env: p.env, input: 'after' });
  assert.equal(after.code, 0, after.stderr);
});

test('an in-process writer killed with SIGKILL inside its write loop leaves the store whole', async () => {
  const p = tempProject();
  await runAmpx(['sandbox', 'secret', 'set', 'stable'], { cwd: p.dir, env: p.env, input: 'kept' });
  const writer = spawn(process.execPath, ['--import', 'tsx', new URL('../../../testing/churnWriter.ts', import.meta.url).pathname, p.dir, 'hot'], {
    cwd: process.cwd(), // where `--import tsx` resolves
    env: { ...process.env, ...p.env },
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    writer.stdout!.on('data', (d) => {
      out += d;
      if (/\n\d+\n\d+\n/.test(out)) resolve(); // at least two progress lines: it is writing hard
    });
    writer.on('exit', () => reject(new Error('writer exited early: ' + out)));
  });
  writer.kill('SIGKILL');
  await new Promise((r) => writer.on('close', r));
  const got = await runAmpx(['sandbox', 'secret', 'get', 'hot', '--json'], { cwd: p.dir, env: p.env });
  assert.equal(got.code, 0, got.stderr);
  const { value, version } = JSON.parse(got.stdout);
  assert.equal(value, 'x'.repeat(2000) + (version - 1), 'newest committed version is complete');
  assert.match((await runAmpx(['sandbox', 'secret', 'get', 'stable'], { cwd: p.dir, env: p.env })).stdout, /value: kept/);
  const after = await runAmpx(['sandbox', 'secret', 'set', 'hot'], { cwd: p.dir, env: p.env, input: 'after' });
  assert.equal(after.code, 0, after.stderr);
  assert.match(after.stdout, new RegExp(`version ${version + 1} `));
});
