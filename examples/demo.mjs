// The README's main job: the docs' story on the example app (examples/notes-app), printed with timings:
// secrets → sandbox up → seed → the real aws-amplify client → outputs → client code → sandbox deleted.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'packages/cli/bin/ampx.mjs');
const app = mkdtempSync(join(tmpdir(), 'sandlot-demo-'));
cpSync(join(repo, 'examples/notes-app'), app, { recursive: true });
const env = { ...process.env, SANDLOT_CONFIG_DIR: process.env.SANDLOT_CONFIG_DIR ?? mkdtempSync(join(tmpdir(), 'sandlot-demo-key-')), npm_config_user_agent: process.env.npm_config_user_agent ?? 'npm' };
let failures = 0;

const show = (text, prefix = '  ') => text.trim() && console.log(text.trimEnd().replace(/^/gm, prefix));
function ampx(args, { input, expectFail = false } = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: app, env, input, encoding: 'utf8' });
  console.log(`\n$ npx ampx ${args.join(' ')}${input !== undefined ? '   (value piped in)' : ''}   [${(performance.now() - t).toFixed(0)} ms, exit ${r.status}]`);
  show(r.stdout);
  show(r.stderr, '  ! ');
  if ((r.status !== 0) !== expectFail) failures++;
  return r;
}

console.log(`Sandlot demo: a copy of examples/notes-app in ${app}`);
console.log('\n== 1. Secrets (the seed script reads username and password)');
ampx(['sandbox', 'secret', 'set', 'username'], { input: 'admin@example.com\n' });
ampx(['sandbox', 'secret', 'set', 'password'], { input: 'Admin-Passw0rd!\n' });
ampx(['sandbox', 'secret', 'list']);
ampx(['sandbox', 'secret', 'get', 'nope'], { expectFail: true });

console.log('\n== 2. The sandbox (watch mode, in the background)');
const t0 = performance.now();
const sandbox = spawn(process.execPath, [bin, 'sandbox'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
sandbox.stdout.on('data', (d) => (log += d));
sandbox.stderr.on('data', (d) => (log += d));
await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${log}`)), 30_000);
  const i = setInterval(() => log.includes('Watching for file changes') && (clearInterval(i), clearTimeout(timer), resolve()), 10);
});
console.log(`$ npx ampx sandbox   [ready in ${(performance.now() - t0).toFixed(0)} ms]`);
show(log);
const url = /listening on (http:\/\/[\d.:]+)/.exec(log)[1];

console.log('\n== 3. Seed (amplify/seed/seed.ts)');
ampx(['sandbox', 'seed']);

console.log('\n== 4. The app, with the real aws-amplify client (node --import sandlot/register)');
const t1 = performance.now();
const client = spawnSync(process.execPath, ['--import', 'sandlot/register', join(repo, 'examples/notes-app/client/useApp.mjs'), join(app, 'amplify_outputs.json')], {
  cwd: repo,
  env: { ...env, SANDLOT_ENDPOINT: url, NODE_NO_WARNINGS: '1' },
  encoding: 'utf8',
});
console.log(`$ node --import sandlot/register client/useApp.mjs   [${(performance.now() - t1).toFixed(0)} ms, exit ${client.status}]`);
show(client.stdout);
show(client.stderr, '  ! ');
if (client.status !== 0) failures++;

console.log('\n== 5. A change to the backend is live without a restart');
const mark = log.length;
const authFile = join(app, 'amplify/auth/resource.ts');
const t2 = performance.now();
const { writeFileSync } = await import('node:fs');
writeFileSync(authFile, readFileSync(authFile, 'utf8').replace("groups: ['admin', 'editors']", "groups: ['admin', 'editors', 'reviewers']"));
await new Promise((resolve) => { const i = setInterval(() => /Deployment completed/.test(log.slice(mark)) && (clearInterval(i), resolve()), 5); });
console.log(`added group 'reviewers' in amplify/auth/resource.ts: live in ${(performance.now() - t2).toFixed(0)} ms; outputs now list groups ${JSON.parse(readFileSync(join(app, 'amplify_outputs.json'), 'utf8')).auth.groups.map((g) => Object.keys(g)[0]).join(', ')}`);

console.log('\n== 6. Outputs and client code');
ampx(['generate', 'outputs', '--format', 'dart', '--out-dir', 'mobile']);
ampx(['generate', 'graphql-client-code', '--out', 'src/graphql']);
ampx(['generate', 'graphql-client-code', '--format', 'modelgen', '--model-target', 'swift', '--out', 'ios/models']);

console.log('\n== 7. The docs page\'s seed scripts, each as amplify/seed/seed.ts of the docs app');
const docsApp = new URL('../../shared/examples/docs-app', `file://${repo}/`).pathname;
if (existsSync(docsApp)) {
  const docs = mkdtempSync(join(tmpdir(), 'sandlot-demo-docs-'));
  cpSync(docsApp, docs, { recursive: true });
  const inDocs = (args, input) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: docs, env, input, encoding: 'utf8' });
    console.log(`\n$ npx ampx ${args.join(' ')}   [docs-app, ${(performance.now() - t).toFixed(0)} ms, exit ${r.status}]`);
    show(r.stdout.split('\n').filter((l) => !/INFO service=/.test(l)).slice(-6).join('\n'));
    show(r.stderr, '  ! ');
    return r;
  };
  inDocs(['sandbox', 'secret', 'set', 'username'], 'docs-admin@example.com');
  inDocs(['sandbox', 'secret', 'set', 'password'], 'Docs-Passw0rd!');
  if (inDocs(['sandbox', '--once']).status !== 0) failures++;
  for (const script of ['admin-user', 'todo', 'storage', 'idempotent-user', 'many-users']) {
    cpSync(join(docsApp, 'seeds', `${script}.ts`), join(docs, 'amplify/seed/seed.ts'));
    console.log(`(seeds/${script}.ts → amplify/seed/seed.ts)`);
    if (inDocs(['sandbox', 'seed']).status !== 0) failures++;
  }
  inDocs(['sandbox', 'delete', '--yes']);
} else {
  console.log(`(skipped: ${docsApp} is not beside the clone)`);
}

console.log('\n== 8. Stop and delete');
sandbox.kill('SIGINT');
await new Promise((r) => sandbox.on('exit', r));
console.log('$ (Ctrl+C)');
show(log.slice(log.lastIndexOf('Stopping')));
ampx(['sandbox', 'delete', '--yes']);
ampx(['sandbox', 'secret', 'list']);
console.log(`\nOutputs file after delete: ${existsSync(join(app, 'amplify_outputs.json')) ? 'still there' : 'removed'}; secrets kept.`);
console.log(failures ? `\n${failures} step(s) did not do what the docs say.` : '\nEvery step did what the docs say.');
process.exitCode = failures ? 1 : 0;
