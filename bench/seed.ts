// bench/seed: seeding through Sandlot's seed library against a local cloud on loopback, the issue's set:
// 1,000 Password users created (createAndSignUpUsers) and added to a group (addUsersToGroup), then, signed
// in as one of them (signInUser), 10,000 todos of the docs' schema (Todo, allow.authenticated(), user-pool
// auth) through the script's own aws-amplify data client (createItems: aliased createTodo mutations, each
// item checked by the API's auth rules like client.models.Todo.create). Two topologies, each on a fresh
// cloud: the seed serving the local cloud in its own process (`ampx sandbox seed` with no sandbox running:
// the library's SDK calls then use the cloud's in-process request handler, as the runner sets it up) and
// the cloud in a separate process (`ampx sandbox` running: everything over loopback HTTP). For reference (not in the totals): the
// time per todo of client.models.Todo.create one by one (8 in flight). Goal: under 5 s in all.
// Run: npx tsx bench/seed.ts   (SEED_BENCH_USERS / SEED_BENCH_TODOS change the set for quick tries; SEED_BENCH_ONLY=in | own runs
// one topology; SEED_BENCH_CLOUD_PROF=<dir> writes a CPU profile of the separate cloud process there)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { a } from '@aws-amplify/data-schema';
import { generateClient } from 'aws-amplify/data';
import { signOut } from 'aws-amplify/auth';
import { pointSeedAt, startSeedSandbox } from '../packages/seed/src/testing/seedTestSandbox.js';
import { addUsersToGroup, createAndSignUpUsers, createItems, mapConcurrently, signInUser } from '../packages/seed/src/index.js';

const USERS = Number(process.env.SEED_BENCH_USERS ?? 1000);
const TODOS = Number(process.env.SEED_BENCH_TODOS ?? 10_000);
const ONE_BY_ONE = 500;
const GOAL_S = 5;
const PASSWORD = 'Bench-Passw0rd!';

// The docs' seed example schema (sandbox-seed "Data").
const schemaSdl = a.schema({ Todo: a.model({ content: a.string(), isDone: a.boolean() }).authorization((allow) => [allow.authenticated()]) }).transform().schema;

interface Run { users: number; todos: number; cpu: number; cpuUsers: number; oneByOneMs: number }

/** CPU seconds (user + system) of this process and, on Linux, of the cloud's process (/proc, USER_HZ = 100). */
function cpuSeconds(cloudPid?: number): number {
  const own = process.cpuUsage();
  let other = 0;
  if (cloudPid) {
    try {
      const fields = readFileSync(`/proc/${cloudPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      other = (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      other = NaN;
    }
  }
  return (own.user + own.system) / 1e6 + other;
}

/** The issue's set against whatever cloud the seed environment points at; seconds per phase. */
async function seedTheSet(cloudPid?: number): Promise<Run> {
  const users = Array.from({ length: USERS }, (_, i) => ({ username: `user${i}@example.com`, password: PASSWORD, signInFlow: 'Password' as const, signInAfterCreation: false }));
  const cpu0 = cpuSeconds(cloudPid);
  const t0 = performance.now();
  await createAndSignUpUsers(users);
  await addUsersToGroup(users, 'admin');
  const t1 = performance.now();
  const cpuUsers = cpuSeconds(cloudPid) - cpu0;
  await signInUser({ username: users[0]!.username, password: PASSWORD, signInFlow: 'Password' });
  const client = generateClient();
  const created = await createItems(client, 'Todo', Array.from({ length: TODOS }, (_, i) => ({ content: `todo ${i}`, isDone: i % 2 === 0 })));
  const t2 = performance.now();
  const cpu = cpuSeconds(cloudPid) - cpu0;
  if (created.length !== TODOS || !created.every((t) => typeof t.id === 'string')) throw new Error(`createItems returned ${created.length} items, wanted ${TODOS}`);
  // Reference only: what the same todos cost one request each.
  const t3 = performance.now();
  await mapConcurrently(Array.from({ length: ONE_BY_ONE }, (_, i) => i), 8, async (i) => {
    const r = await (client as any).models.Todo.create({ content: `one by one ${i}`, isDone: false });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  });
  const oneByOneMs = (performance.now() - t3) / ONE_BY_ONE;
  await signOut();
  return { users: (t1 - t0) / 1000, todos: (t2 - t1) / 1000, cpu, cpuUsers, oneByOneMs };
}

async function inProcess(): Promise<Run> {
  const t = await startSeedSandbox({}, { dataSchemaSdl: schemaSdl, inProcessSdk: true });
  try {
    return await seedTheSet();
  } finally {
    await t.close();
  }
}

async function separateProcess(): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-seed-'));
  const here = fileURLToPath(new URL('.', import.meta.url));
  // SEED_BENCH_CLOUD_PROF=<dir>: a CPU profile of the cloud process (node --cpu-prof) into that folder.
  const prof = process.env.SEED_BENCH_CLOUD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SEED_BENCH_CLOUD_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...prof, '--import', 'tsx', join(here, 'seedCloudServer.ts'), dir, Buffer.from(schemaSdl).toString('base64')], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((res, rej) => {
      createInterface({ input: child.stdout! }).once('line', res);
      child.once('exit', (code) => rej(new Error(`the cloud process exited with ${code}`)));
    });
    pointSeedAt(JSON.parse(line) as { url: string; credentials: { accessKeyId: string; secretAccessKey: string } }, { dataSchemaSdl: schemaSdl });
    return await seedTheSet(child.pid);
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

// SEED_BENCH_ONLY=in | own: one topology only (quick tries).
const only = process.env.SEED_BENCH_ONLY;
const rows: [string, Run][] = [];
if (only !== 'own') rows.push(['seed serves the cloud (no sandbox running)', await inProcess()]);
if (only !== 'in') rows.push(['cloud in its own process (sandbox running)', await separateProcess()]);
const n = (x: number) => x.toLocaleString('en-US');
console.log(`\n${n(USERS)} users into group "admin" + ${n(TODOS)} Todo items (docs' schema, user-pool auth), loopback. Seconds (lower is better)\n`);
console.log(`${'topology'.padEnd(44)} ${'users'.padStart(7)} ${'todos'.padStart(7)} ${'total'.padStart(7)} ${'cpu u+t'.padStart(11)} ${'ms/user'.padStart(8)} ${'ms/todo'.padStart(8)} ${'1-by-1 ms/todo'.padStart(15)}`);
for (const [name, r] of rows) {
  const total = r.users + r.todos;
  console.log(`${name.padEnd(44)} ${r.users.toFixed(2).padStart(7)} ${r.todos.toFixed(2).padStart(7)} ${total.toFixed(2).padStart(7)} ${`${r.cpuUsers.toFixed(1)}+${(r.cpu - r.cpuUsers).toFixed(1)}`.padStart(11)} ${((r.users * 1000) / USERS).toFixed(2).padStart(8)} ${((r.todos * 1000) / TODOS).toFixed(3).padStart(8)} ${r.oneByOneMs.toFixed(2).padStart(15)}${total < GOAL_S ? '' : '  ✖ over the goal'}`);
}
console.log(`\nGoal: total < ${GOAL_S} s. users = createAndSignUpUsers + addUsersToGroup; todos = signInUser + createItems (aliased createTodo`);
console.log(`mutations, 100 per request, 4 in flight); cpu u+t = CPU seconds of seed + cloud over users, todos (a busy machine inflates`);
console.log(`the wall times, much less this); 1-by-1 = client.models.Todo.create per todo, 8 in flight (${ONE_BY_ONE} todos, not in the totals).`);
