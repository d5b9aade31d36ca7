import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runAmpx, tempProject } from '../../../testing/runAmpx.js';
import { parameterPath, sandboxIdentifier } from '../../../project/backendIdentifier.js';

const secret = (p: { dir: string; env: NodeJS.ProcessEnv }) => ({
  set: (name: string, value: string, extra: string[] = []) => runAmpx(['sandbox', 'secret', 'set', name, ...extra], { cwd: p.dir, env: p.env, input: value }),
  run: (args: string[], input?: string) => runAmpx(['sandbox', 'secret', ...args], { cwd: p.dir, env: p.env, input }),
});

test('set, get, list, remove: the real output shapes', async () => {
  const p = tempProject();
  const s = secret(p);
  const set = await s.set('foo', 'abc123\n');
  assert.equal(set.code, 0, set.stderr);
  assert.equal(set.stdout, 'Successfully created version 1 of secret foo\n');
  assert.equal((await s.set('bar', 'xyz')).code, 0);

  const get = await s.run(['get', 'foo']);
  assert.equal(get.code, 0, get.stderr);
  const lines = get.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.equal(lines[0], 'name: foo');
  assert.equal(lines[1], 'version: 1');
  assert.equal(lines[2], 'value: abc123', 'one trailing newline of piped input is dropped');
  assert.match(lines[3]!, /^lastUpdated: \w{3} \w{3} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4} \(.+\)$/);

  const list = await s.run(['list']);
  assert.equal(list.stdout, ' - bar\n - foo\n\n');

  const removed = await s.run(['remove', 'foo']);
  assert.equal(removed.stdout, 'Successfully removed secret foo\n');
  assert.equal((await s.run(['list'])).stdout, ' - bar\n\n');
  await s.run(['remove', 'bar']);
  assert.equal((await s.run(['list'])).stdout, 'No sandbox secrets found. To create a secret use npx ampx sandbox secret set <secret-name>.\n\n');
});

test('every set makes a new version; older versions stay readable', async () => {
  const p = tempProject();
  const s = secret(p);
  await s.set('token', 'one');
  const second = await s.set('token', 'two');
  assert.equal(second.stdout, 'Successfully created version 2 of secret token\n');
  assert.match((await s.run(['get', 'token'])).stdout, /value: two/);
  assert.match((await s.run(['get', 'token', '--version', '1'])).stdout, /version: 1\nvalue: one/);
  const history = await s.run(['history', 'token']);
  assert.equal(history.code, 0);
  assert.match(history.stdout, /^version 1 .+\nversion 2 .+\n$/);
  assert.doesNotMatch(history.stdout, /one|two/, 'history hides values');
  const missingVersion = await s.run(['get', 'token', '--version', '7']);
  assert.equal(missingVersion.code, 1);
  assert.match(missingVersion.stderr, /^\[SSMParameterNotFoundError\] Failed to get token secret\. ParameterVersionNotFound/);
  const badVersion = await s.run(['get', 'token', '--version', '0']);
  assert.equal(badVersion.code, 1);
  assert.match(badVersion.stderr, /\[InvalidCommandInputError\] Invalid --version provided: 0/);
});

test('piped input: only one trailing line break is dropped; empty input is refused', async () => {
  const p = tempProject();
  const s = secret(p);
  await s.set('multi', 'line1\nline2\n\n');
  assert.equal(JSON.parse((await s.run(['get', 'multi', '--json'])).stdout).value, 'line1\nline2\n');
  await s.set('crlf', 'v\r\n');
  assert.equal(JSON.parse((await s.run(['get', 'crlf', '--json'])).stdout).value, 'v');
  const empty = await s.set('empty', '');
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /^\[InvalidCommandInputError\] The secret value is empty/);
  assert.match(empty.stderr, /Resolution: /);
  assert.equal((await s.run(['list'])).stdout.includes('empty'), false, 'nothing written on a refused set');
});

test('bad names and identifiers are refused with the real error names, no help dump', async () => {
  const p = tempProject();
  const s = secret(p);
  for (const bad of ['a b', 'x/y', 'semi;colon', '$HOME']) {
    const r = await s.set(bad, 'v');
    assert.equal(r.code, 1, bad);
    assert.equal(r.stderr, `[InvalidCommandInputError] Invalid secret name provided: ${bad}\nResolution: Use a secret name that matches [a-zA-Z0-9_.-]+\n`);
    assert.equal(r.stdout, '');
  }
  for (const bad of ['has_underscore', 'waytoolongidentifier', 'a.b']) {
    const r = await s.set('ok', 'v', ['--identifier', bad]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`^\\[InvalidCommandInputError\\] Invalid --identifier provided: ${bad.replace('.', '\\.')}\\nResolution: `));
    assert.doesNotMatch(r.stderr, /Options:/, 'no --help dump');
  }
  const missing = await s.run(['get', 'nope']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^\[SSMParameterNotFoundError\] Failed to get nope secret\. ParameterNotFound: /);
  assert.match(missing.stderr, /Resolution: Make sure that nope has been set \(npx ampx sandbox secret set nope\)/);
  const removeMissing = await s.run(['remove', 'nope']);
  assert.equal(removeMissing.code, 1);
  assert.match(removeMissing.stderr, /^\[SSMParameterNotFoundError\] Failed to remove nope secret\./);
  const neither = await s.run(['remove']);
  assert.equal(neither.code, 1);
  assert.match(neither.stderr, /^\[InvalidCommandInputError\] Either secret-name or all flag must be provided\nResolution: Provide either secret-name or all flag/);
  const noName = await s.run(['set']);
  assert.equal(noName.code, 1);
  assert.match(noName.stderr, /^\[InvalidCommandInputError\] Not enough non-option arguments/);
  const unknown = await s.run(['frobnicate']);
  assert.equal(unknown.code, 1);
});

test('named sandboxes and profiles keep separate secrets; flags work before or after the subcommand', async () => {
  const p = tempProject();
  const s = secret(p);
  await s.set('baz', 'one', ['--identifier', 'feature1sandbox']);
  const before = await runAmpx(['sandbox', '--identifier', 'feature2sandbox', 'secret', 'set', 'baz'], { cwd: p.dir, env: p.env, input: 'two' });
  assert.equal(before.code, 0, before.stderr);
  await s.set('work', 'w', ['--profile', 'work']);
  assert.match((await s.run(['get', 'baz', '--identifier', 'feature1sandbox'])).stdout, /value: one/);
  assert.match((await runAmpx(['sandbox', '--identifier', 'feature2sandbox', 'secret', 'get', 'baz'], { cwd: p.dir, env: p.env })).stdout, /value: two/);
  assert.equal((await s.run(['list'])).stdout.startsWith('No sandbox secrets found'), true, 'default sandbox sees none');
  assert.equal((await s.run(['list', '--identifier', 'feature1sandbox'])).stdout, ' - baz\n\n');
  assert.equal((await s.run(['list', '--profile', 'work'])).stdout, ' - work\n\n');
  assert.equal((await s.run(['get', 'work'])).code, 1, 'a secret of profile work is not seen without --profile');
});

test('remove --all works for any number of secrets', async () => {
  const p = tempProject();
  const s = secret(p);
  const env = Array.from({ length: 23 }, (_, i) => `S${i}=value-${i}`).join('\n');
  writeFileSync(join(p.dir, 'many.env'), env);
  const imported = await s.run(['import', join(p.dir, 'many.env')]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^Imported 23 secrets: /);
  const list = JSON.parse((await s.run(['list', '--json'])).stdout) as { name: string; version: number }[];
  assert.equal(list.length, 23);
  assert.equal(list.some((x) => 'value' in x), false, 'list --json has no values');
  const all = await s.run(['remove', '--all']);
  assert.equal(all.stdout, 'Successfully removed all secrets\n');
  assert.match((await s.run(['list'])).stdout, /^No sandbox secrets found/);
  const none = await s.run(['remove', '--all']);
  assert.equal(none.code, 0);
  const conflict = await s.run(['remove', 'x', '--all']);
  assert.equal(conflict.code, 1);
});

test('import and export round-trip every value, and export refuses a terminal without --reveal', async () => {
  const p = tempProject();
  const s = secret(p);
  const values: Record<string, string> = { PLAIN: 'abc', SPACES: 'a b  c', QUOTES: `he said "hi" it's`, NEWLINES: 'l1\nl2', HASH: 'x # not a comment', BACKSLASH: 'c:\\path\\n' };
  for (const [k, v] of Object.entries(values)) await s.set(k, v);
  const exported = await s.run(['export']);
  assert.equal(exported.code, 0, exported.stderr);
  const q = tempProject();
  writeFileSync(join(q.dir, 'in.env'), '# comment\nexport EXTRA=1\n' + exported.stdout);
  const imp = await secret(q).run(['import', join(q.dir, 'in.env')]);
  assert.equal(imp.code, 0, imp.stderr);
  const back = JSON.parse((await secret(q).run(['export', '--format', 'json'])).stdout) as Record<string, string>;
  assert.deepEqual(back, { ...values, EXTRA: '1' });

  writeFileSync(join(q.dir, 'bad.env'), 'GOOD=1\nnot a line\n');
  const bad = await secret(q).run(['import', join(q.dir, 'bad.env')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /bad\.env:2 is not a KEY=value line/);
  writeFileSync(join(q.dir, 'badname.env'), 'GOOD=1\nBAD NAME=2\n');
  assert.equal((await secret(q).run(['import', join(q.dir, 'badname.env')])).code, 1);
  assert.equal((await secret(q).run(['import', join(q.dir, 'missing.env')])).code, 1);
});

test('secret run passes secrets as environment variables and returns the exit code', async () => {
  const p = tempProject();
  const s = secret(p);
  await s.set('API_KEY', 'k-123');
  const r = await s.run(['run', '--', process.execPath, '-e', 'console.log(process.env.API_KEY); process.exit(3)']);
  assert.equal(r.stdout, 'k-123\n');
  assert.equal(r.code, 3);
  const none = await s.run(['run']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /No command given to run/);
  const missing = await s.run(['run', '--', 'definitely-not-a-command-xyz']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /CommandNotFoundError/);
});

test('the state is git-ignored, outside-key encrypted: the database never holds a value in clear', async () => {
  const p = tempProject();
  const s = secret(p);
  const value = 'super-secret-value-5c1d9a';
  await s.set('dbcheck', value);
  await s.set('dbcheck', value + '-v2');
  const files: string[] = [];
  const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
  walk(join(p.dir, '.amplify'));
  assert.ok(files.some((f) => f.endsWith('sandbox.db')));
  for (const f of files) assert.equal(readFileSync(f).includes(value), false, `${f} holds the value in clear`);
  assert.equal(readFileSync(join(p.dir, '.amplify', 'sandlot', '.gitignore'), 'utf8').includes('*'), true);
  const keyFile = join(p.env.SANDLOT_CONFIG_DIR!, 'master.key');
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  assert.equal(keyFile.startsWith(p.dir), false);
});

test('the secret path is the real /amplify/<ns>/<name>-sandbox-<hash>/<secret>', () => {
  assert.equal(parameterPath(sandboxIdentifier('my-app', 'alice'), 'GOOGLE_CLIENT_ID'), '/amplify/myapp/alice-sandbox-617b6b058d/GOOGLE_CLIENT_ID');
});
