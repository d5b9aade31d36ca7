import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AMPX_BIN, collect, runAmpx, tempProject } from '../../testing/runAmpx.js';

const withBackend = <T extends { dir: string }>(p: T): T => {
  writeFileSync(join(p.dir, 'amplify', 'backend.ts'), "import { defineBackend } from '@aws-amplify/backend';\ndefineBackend({});\n");
  return p;
};

test('sandbox --once applies, writes the outputs file and exits 0', async () => {
  const p = withBackend(tempProject());
  const r = await runAmpx(['sandbox', '--once'], { cwd: p.dir, env: p.env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /listening on http:\/\/127\.0\.0\.1:\d+/);
  assert.match(r.stdout, /File written: amplify_outputs\.json/);
  assert.equal(JSON.parse(readFileSync(join(p.dir, 'amplify_outputs.json'), 'utf8')).version, '1.5');
});

test('sandbox --once without amplify/backend.ts fails with FileConventionError and exit 1', async () => {
  const p = tempProject();
  const r = await runAmpx(['sandbox', '--once'], { cwd: p.dir, env: p.env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /\[FileConventionError\] Amplify Backend not found in /);
  assert.match(r.stderr, /Resolution: Amplify Backend must be defined in amplify\/backend\.\(ts\|js\|cjs\|mjs\)/);
  assert.ok(existsSync(join(p.dir, 'amplify_outputs.json')), 'the placeholder is still written so a front end compiles');
});

test('flag validation: --dir-to-watch, --identifier, --once conflicts, outputs choices', async () => {
  const p = withBackend(tempProject());
  const missing = await runAmpx(['sandbox', '--dir-to-watch', 'nope'], { cwd: p.dir, env: p.env });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /--dir-to-watch nope does not exist/);
  writeFileSync(join(p.dir, 'afile'), '');
  const file = await runAmpx(['sandbox', '--dir-to-watch', 'afile'], { cwd: p.dir, env: p.env });
  assert.match(file.stderr, /--dir-to-watch afile is not a valid directory/);
  const id = await runAmpx(['sandbox', '--once', '--identifier', 'bad_id'], { cwd: p.dir, env: p.env });
  assert.match(id.stderr, /^\[InvalidCommandInputError\] Invalid --identifier provided: bad_id/);
  const conflict = await runAmpx(['sandbox', '--once', '--exclude', 'x'], { cwd: p.dir, env: p.env });
  assert.equal(conflict.code, 1);
  assert.match(conflict.stderr, /mutually exclusive/);
  const choice = await runAmpx(['sandbox', '--once', '--outputs-version', '9'], { cwd: p.dir, env: p.env });
  assert.equal(choice.code, 1);
  assert.match(choice.stderr, /Invalid values/);
});

test('a second process for the same sandbox is refused; another identifier runs beside it; delete keeps secrets', async () => {
  const p = withBackend(tempProject());
  await runAmpx(['sandbox', 'secret', 'set', 'keep'], { cwd: p.dir, env: p.env, input: 'me' });
  const watch = spawn(process.execPath, [AMPX_BIN, 'sandbox'], { cwd: p.dir, env: { ...process.env, ...p.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const finished = collect(watch, 30_000);
  await new Promise<void>((resolve) => {
    let out = '';
    watch.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Watching for file changes')) resolve();
    });
  });
  const second = await runAmpx(['sandbox', '--once'], { cwd: p.dir, env: p.env });
  assert.equal(second.code, 1);
  assert.match(second.stderr, /^\[MultipleSandboxInstancesError\] Multiple sandbox instances detected/);
  const other = await runAmpx(['sandbox', '--once', '--identifier', 'other'], { cwd: p.dir, env: p.env, input: '' });
  assert.equal(other.code, 0, other.stderr);
  const deleteRunning = await runAmpx(['sandbox', 'delete', '--yes'], { cwd: p.dir, env: p.env });
  assert.equal(deleteRunning.code, 1, 'a running sandbox is not deleted under its feet');

  writeFileSync(join(p.dir, 'amplify', 'backend.ts'), "import { defineBackend } from '@aws-amplify/backend';\ndefineBackend({ });\n");
  watch.kill('SIGINT');
  const stopped = await finished;
  assert.equal(stopped.code, 0);
  assert.match(stopped.stdout, /Stopping the sandbox process\. To delete the sandbox, run npx ampx sandbox delete/);

  const noTty = await runAmpx(['sandbox', 'delete'], { cwd: p.dir, env: p.env });
  assert.equal(noTty.code, 1);
  assert.match(noTty.stderr, /--yes/);
  const del = await runAmpx(['sandbox', 'delete', '--yes'], { cwd: p.dir, env: p.env });
  assert.equal(del.code, 0, del.stderr);
  assert.match(del.stdout, /\[Sandbox\] Deleting all the resources in the sandbox environment\.\.\.\n.*File removed: amplify_outputs\.json\n.*\[Sandbox\] Finished deleting\./s);
  assert.equal(existsSync(join(p.dir, 'amplify_outputs.json')), false);
  assert.match((await runAmpx(['sandbox', 'secret', 'get', 'keep'], { cwd: p.dir, env: p.env })).stdout, /value: me/, 'secrets survive delete');
  const otherStillThere = await runAmpx(['sandbox', 'seed', 'generate-policy', '--identifier', 'other'], { cwd: p.dir, env: p.env });
  assert.doesNotMatch(otherStillThere.stderr, /StackDoesNotExistError/, 'the other sandbox was not deleted');
});

test('--outputs-out-dir creates the folder; --name is an alias of --identifier', async () => {
  const p = withBackend(tempProject());
  mkdirSync(join(p.dir, 'amplify', 'seed'), { recursive: true });
  writeFileSync(join(p.dir, 'amplify', 'seed', 'seed.ts'), '');
  const r = await runAmpx(['sandbox', '--once', '--outputs-out-dir', 'app/src/main/res/raw', '--name', 'feature1'], { cwd: p.dir, env: p.env });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(p.dir, 'app/src/main/res/raw/amplify_outputs.json')));
  const del = await runAmpx(['sandbox', 'delete', '--name', 'feature1', '--yes'], { cwd: p.dir, env: p.env });
  assert.equal(del.code, 0, del.stderr);
  assert.equal(existsSync(join(p.dir, 'app/src/main/res/raw/amplify_outputs.json')), false);
});

test('with amplify/tsconfig.json, a type error fails --once with file:line, as the real type check gate', { timeout: 90_000 }, async () => {
  const p = tempProject();
  writeFileSync(join(p.dir, 'amplify', 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'es2022', moduleResolution: 'bundler', strict: true, skipLibCheck: true } }));
  writeFileSync(join(p.dir, 'amplify', 'backend.ts'), "import { defineBackend } from '@aws-amplify/backend';\nconst n: number = 'not a number';\ndefineBackend({});\n");
  const bad = await runAmpx(['sandbox', '--once'], { cwd: p.dir, env: p.env, timeoutMs: 60_000 });
  assert.equal(bad.code, 1, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /\[SyntaxError\] TypeScript validation check failed\./);
  assert.match(bad.stderr, /Details: amplify\/backend\.ts:2:\d+ - error TS2322/);
  writeFileSync(join(p.dir, 'amplify', 'backend.ts'), "import { defineBackend } from '@aws-amplify/backend';\nconst n: number = 1;\ndefineBackend({});\n");
  const good = await runAmpx(['sandbox', '--once'], { cwd: p.dir, env: p.env, timeoutMs: 60_000 });
  assert.equal(good.code, 0, good.stderr);
  assert.match(good.stdout, /✔ Type checks completed/);
});

test('watch mode ignores --exclude globs and .gitignore paths, and reacts to other changes', { timeout: 90_000 }, async () => {
  const p = withBackend(tempProject());
  mkdirSync(join(p.dir, 'amplify', 'drafts'));
  mkdirSync(join(p.dir, 'amplify', 'generated'));
  writeFileSync(join(p.dir, '.gitignore'), 'amplify/generated/\n');
  const child = spawn(process.execPath, [AMPX_BIN, 'sandbox', '--exclude', 'amplify/drafts/**'], { cwd: p.dir, env: { ...process.env, ...p.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = collect(child, 60_000);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const until = (re: RegExp) => new Promise<void>((r) => { const i = setInterval(() => re.test(out) && (clearInterval(i), r()), 20); });
  await until(/Watching for file changes/);
  writeFileSync(join(p.dir, 'amplify', 'drafts', 'note.ts'), 'export {};\n');
  writeFileSync(join(p.dir, 'amplify', 'generated', 'x.ts'), 'export {};\n');
  await new Promise((r) => setTimeout(r, 800));
  assert.doesNotMatch(out, /Change detected/, 'excluded and git-ignored files are not triggers');
  writeFileSync(join(p.dir, 'amplify', 'backend.ts'), "import { defineBackend } from '@aws-amplify/backend';\ndefineBackend({});\n// edited\n");
  await until(/Change detected: amplify\/backend\.ts/);
  child.kill('SIGINT');
  assert.equal((await done).code, 0);
});
