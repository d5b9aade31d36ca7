// The README's main job: runs the docs' story against the example app, printing what happened.
// Grows with Sandlot; today: secrets in a named sandbox.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../packages/cli/bin/ampx.mjs', import.meta.url));
const app = mkdtempSync(join(tmpdir(), 'sandlot-demo-'));
cpSync(fileURLToPath(new URL('./notes-app', import.meta.url)), app, { recursive: true });
const env = { ...process.env, SANDLOT_CONFIG_DIR: process.env.SANDLOT_CONFIG_DIR ?? mkdtempSync(join(tmpdir(), 'sandlot-demo-key-')) };

const step = (title, args, input) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: app, env, input, encoding: 'utf8' });
  const ms = (performance.now() - t).toFixed(0);
  console.log(`\n$ npx ampx ${args.join(' ')}${input !== undefined ? '   (value piped in)' : ''}   [${ms} ms, exit ${r.status}]`);
  process.stdout.write(r.stdout.replace(/^/gm, '  '));
  if (r.stderr.trim()) process.stdout.write(r.stderr.replace(/^/gm, '  ! '));
  if (r.status !== 0 && !title.startsWith('expect-fail')) process.exitCode = 1;
  return r;
};

console.log(`Sandlot demo in a copy of examples/notes-app at ${app}`);
step('set', ['sandbox', 'secret', 'set', 'username'], 'demo-admin@example.com\n');
step('set', ['sandbox', 'secret', 'set', 'password'], 'Passw0rd!-demo\n');
step('set', ['sandbox', '--identifier', 'feature1sandbox', 'secret', 'set', 'baz'], 'only-in-feature1');
step('list', ['sandbox', 'secret', 'list']);
step('get', ['sandbox', 'secret', 'get', 'username']);
step('list', ['sandbox', 'secret', 'list', '--identifier', 'feature1sandbox']);
step('history', ['sandbox', 'secret', 'history', 'password']);
step('expect-fail', ['sandbox', 'secret', 'get', 'nope']);
step('remove', ['sandbox', 'secret', 'remove', 'baz', '--identifier', 'feature1sandbox']);
