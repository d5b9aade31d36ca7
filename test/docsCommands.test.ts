// Issue 9: every `npx ampx …` command line of the two docs pages runs as written, in a copy of
// ../shared/examples/docs-app, through a pseudo-terminal (so prompts appear as a user sees them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AMPX_BIN, collect, runAmpx } from '../packages/cli/src/testing/runAmpx.js';
import { docsCommands, type DocsCommand } from './docsPages.js';

const shared = resolve(import.meta.dirname, '../../shared');
const hasScript = spawnSync('script', ['--version']).status === 0;
const skip = !existsSync(join(shared, 'seeds')) ? `needs ../shared beside the clone (${shared})` : !hasScript ? 'needs util-linux `script` for a pseudo-terminal' : false;
const commands = skip ? [] : docsCommands(join(shared, 'seeds'));

let dir: string;
let env: NodeJS.ProcessEnv;
before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'sandlot-docs-'));
  cpSync(join(shared, 'examples/docs-app'), dir, { recursive: true });
  env = { ...process.env, SANDLOT_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'sandlot-docs-key-')), npm_config_user_agent: 'npm/11 node/v20' };
  // The page's story starts with a sandbox that has been deployed once.
  const first = await runAmpx(['sandbox', '--once'], { cwd: dir, env });
  assert.equal(first.code, 0, first.stderr);
});
after(() => {
  if (!skip) rmSync(dir, { recursive: true, force: true });
});

/**
 * `script` runs the command with `$SHELL -c`. The shell `exec`s it, so Ctrl+C reaches only the command and
 * its exit status is the command's: dash (CI's /bin/sh) otherwise stays as the parent, dies of the SIGINT
 * meant for the command and reports 130 whatever the command did. SHELL is fixed so every machine agrees.
 */
function spawnInTerminal(commandLine: string, cwd: string, environment: NodeJS.ProcessEnv) {
  return spawn('script', ['-qfec', `stty cols 250 rows 50; exec ${commandLine}`, '/dev/null'], { cwd, env: { ...environment, SHELL: '/bin/sh' }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/**
 * Runs `ampx <args>` in a pseudo-terminal with the shell, feeding `answers` when `prompt` text appears,
 * optionally stopping it with Ctrl+C once `stopWhen` appears.
 */
function inTerminal(command: string, o: { answers?: [RegExp, string][]; stopWhen?: RegExp; timeoutMs?: number } = {}) {
  // A wide terminal, so long prompts are not wrapped.
  const child = spawnInTerminal(command.replace(/^npx ampx/, `${process.execPath} ${AMPX_BIN}`), dir, env);
  let seen = '';
  const pending = [...(o.answers ?? [])];
  let stopped = false;
  child.stdout!.on('data', (d) => {
    seen += d;
    const plain = seen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    if (pending.length && pending[0]![0].test(plain)) child.stdin!.write(pending.shift()![1]);
    if (o.stopWhen && !stopped && o.stopWhen.test(plain)) {
      stopped = true;
      child.stdin!.write('\x03');
    }
  });
  return collect(child, o.timeoutMs ?? 30_000).then((r) => ({ ...r, screen: r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '') }));
}

/** Page commands not built yet: reported as todo (not failures) until their issue lands. */
const PENDING: Record<string, string> = {};

function runner(c: DocsCommand): () => Promise<void> {
  const t = c.text;
  if (/^npx ampx sandbox( --identifier \w+)? secret set \w+/.test(t)) {
    return async () => {
      const r = await inTerminal(t, { answers: [[/Enter secret value:/, 'abc123\r']] });
      assert.equal(r.code, 0, r.screen);
      assert.match(r.screen, /\? Enter secret value: ######/);
      assert.match(r.screen, /Successfully created version \d+ of secret \w+/);
    };
  }
  if (t === 'npx ampx sandbox secret get foo') {
    return async () => {
      const r = await inTerminal(t);
      assert.equal(r.code, 0, r.screen);
      assert.match(r.screen.trim(), /^name: foo\nversion: \d+\nvalue: abc123\nlastUpdated: \w{3} \w{3} \d{2} \d{4} [\d:]{8} GMT[+-]\d{4} \(.+\)$/);
    };
  }
  if (t === 'npx ampx sandbox secret list') return async () => assert.match((await inTerminal(t)).screen, / - foo\n/);
  if (t.startsWith('npx ampx sandbox secret remove ')) return async () => assert.match((await inTerminal(t)).screen, /Successfully removed secret foo/);
  if (/^npx ampx sandbox( --identifier \w+)?$/.test(t) || t.startsWith('npx ampx sandbox --outputs-format')) {
    return async () => {
      const r = await inTerminal(t, { stopWhen: /Watching for file changes/, answers: [[/delete all the resources/, '\r']] });
      assert.equal(r.code, 0, `exit ${r.code}: ${r.screen.slice(-600)}`);
      assert.match(r.screen, /Would you like to delete all the resources in your sandbox environment \(This cannot be undone\)\? \(y\/N\)/);
      assert.match(r.screen, /Stopping the sandbox process/);
      if (t.includes('json-mobile')) assert.equal(JSON.parse(readFileSync(join(dir, 'app/src/main/res/raw/amplify_outputs.json'), 'utf8')).version, '1.5');
    };
  }
  if (t.startsWith('npx ampx generate outputs --app-id <app-id> --branch main')) {
    return async () => {
      await runAmpx(['sandbox', '--once', '--identifier', 'main', '--outputs-out-dir', '.main'], { cwd: dir, env });
      const r = await inTerminal(t.replace('<app-id>', 'd1a2b3c4example'));
      assert.equal(r.code, 0, r.screen);
      const where = t.includes('--out-dir') ? 'app/src/main/res/raw/amplify_outputs.json' : 'amplify_outputs.json';
      assert.match(r.screen, new RegExp(`File written: ${where.replace(/[/.]/g, '\\$&')}`));
      assert.match(readFileSync(join(dir, where), 'utf8'), /"user_pool_id"/);
    };
  }
  if (t === 'npx ampx generate graphql-client-code') {
    return async () => {
      const formats = /choices: (.*)\]/.exec(c.continuation.join(' '))?.[1]?.match(/"([\w-]+)"/g)?.map((f) => f.slice(1, -1)) ?? [];
      assert.deepEqual(formats, ['modelgen', 'graphql-codegen', 'introspection'], 'the page lists three formats');
      assert.equal((await inTerminal(t, { timeoutMs: 60_000 })).code, 0);
      for (const f of formats) {
        const r = await inTerminal(`${t} --format ${f} --out gen-${f}`, { timeoutMs: 60_000 });
        assert.equal(r.code, 0, r.screen);
        assert.match(r.screen, /File written: /);
      }
    };
  }
  if (t.startsWith('npx ampx sandbox delete')) {
    return async () => {
      const name = t.endsWith('--name') ? ' feature1sandbox' : '';
      const r = await inTerminal(t + name, { answers: [[/Are you sure you want to delete all the resources in your sandbox environment \(This can't be undone\)\?/, 'y\r']] });
      assert.equal(r.code, 0, r.screen);
      assert.match(r.screen, /Finished deleting\./);
    };
  }
  if (t === 'npx ampx sandbox seed generate-policy > seed-policy.json') {
    return async () => {
      // The page's step 1: "Have an active sandbox environment deployed" (the features page deleted it).
      await runAmpx(['sandbox', '--once'], { cwd: dir, env });
      const r = await inTerminal(t);
      assert.equal(r.code, 0, r.screen);
      const policy = JSON.parse(readFileSync(join(dir, 'seed-policy.json'), 'utf8'));
      assert.equal(policy.Version, '2012-10-17');
      assert.deepEqual(policy.Statement[0].Action, ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup']);
    };
  }
  if (t === 'npx ampx sandbox seed') return seedRunner(c);
  return async () => {
    const r = await inTerminal(t, { timeoutMs: 60_000 });
    assert.equal(r.code, 0, r.screen);
  };
}

/**
 * `npx ampx sandbox seed` runs the seed script the page shows just above it: the matching docs example
 * (docs-totp, docs-email-mfa) or docs-app with the matching `seeds/*.ts` as `amplify/seed/seed.ts`.
 */
function seedRunner(c: DocsCommand): () => Promise<void> {
  const ctx = c.context;
  const scenario = /models\.Todo\.create/.test(ctx) ? 'todo' : /uploadData/.test(ctx) ? 'storage' : /TOTP/.test(ctx) ? 'docs-totp' : /Email MFA/.test(ctx) ? 'docs-email-mfa' : 'admin-user';
  return async () => {
    const app = mkdtempSync(join(tmpdir(), `sandlot-docs-seed-${scenario}-`));
    const example = scenario.startsWith('docs-') ? scenario : 'docs-app';
    cpSync(join(shared, 'examples', example), app, { recursive: true });
    if (!scenario.startsWith('docs-')) cpSync(join(shared, 'examples/docs-app/seeds', `${scenario}.ts`), join(app, 'amplify/seed/seed.ts'));
    const local = { cwd: app, env: { ...env, SANDLOT_PORT: '0' } };
    for (const [name, value] of [['username', scenario === 'docs-email-mfa' ? 'mfa-user@example.com' : 'seed-user@example.com'], ['password', 'Seed-Passw0rd!']]) {
      assert.equal((await runAmpx(['sandbox', 'secret', 'set', name!], { ...local, input: value })).code, 0);
    }
    assert.equal((await runAmpx(['sandbox', '--once'], local)).code, 0, 'the page asks for a deployed sandbox first');
    if (scenario === 'todo' || scenario === 'storage') {
      // These scripts sign in an existing user: the page's admin-user script created it first.
      cpSync(join(shared, 'examples/docs-app/seeds/admin-user.ts'), join(app, 'amplify/seed/seed.ts'));
      assert.equal((await runAmpx(['sandbox', 'seed'], { ...local, timeoutMs: 60_000 })).code, 0);
      cpSync(join(shared, 'examples/docs-app/seeds', `${scenario}.ts`), join(app, 'amplify/seed/seed.ts'));
    }
    const r = await new Promise<{ code: number | null; screen: string }>((resolveRun, reject) => {
      const child = spawnInTerminal(`${process.execPath} ${AMPX_BIN} sandbox seed`, app, local.env);
      let seen = '';
      let answered = 0;
      child.stdout!.on('data', (d) => {
        seen += d;
        // The email MFA script asks on the terminal: answer each prompt once with the code the local
        // outbox printed just above it, as a user reads their mail.
        const plain = seen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
        const codes = [...plain.matchAll(/Your authentication code is (\d{6})[\s\S]*?one-time password from EMAIL/g)].map((m) => m[1]!);
        if (codes.length > answered) {
          answered = codes.length;
          child.stdin!.write(`${codes.at(-1)}\r`);
        }
      });
      collect(child, 90_000).then((x) => resolveRun({ code: x.code, screen: x.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '') }), reject);
    });
    assert.equal(r.code, 0, r.screen);
    assert.match(r.screen, /seed is running\.\.\./);
    assert.match(r.screen, /✔ seed has successfully completed/);
    rmSync(app, { recursive: true, force: true });
  };
}

test('the pages hold the commands this test expects to find', { skip }, () => {
  assert.ok(commands.length >= 20, `found ${commands.length}`);
  assert.ok(commands.some((c) => c.text === 'npx ampx sandbox delete --name'));
});

for (const c of commands) {
  const todo = PENDING[c.text];
  test(`${c.page}:${c.line} ${c.text}`, { skip, todo, timeout: 90_000 }, runner(c));
}
