// bench/seed: what a user runs. `ampx sandbox seed` (the built CLI) runs a seed script that creates 1,000 Password
// users (createAndSignUpUsers), adds them to group "admin" (addUsersToGroup), signs in as one of them
// (signInUser) and creates 10,000 todos of the docs' schema (Todo, allow.authenticated(), user-pool auth) through
// the script's own aws-amplify data client (createItems: aliased createTodo mutations, each checked by the API's
// auth rules like client.models.Todo.create). The script times itself (users, todos) and its own CPU; for
// reference (not in the totals) it also creates 500 todos one request each (client.models.Todo.create, 8 in flight).
// Two topologies, alternating, each round a new sandbox (its own --identifier, so a fresh database) and a new
// process (cold, as a user's run is): no sandbox running (`ampx sandbox --once` first; the seed serves the
// sandbox's cloud itself) and `ampx sandbox` running in another process (every call over loopback HTTP; its CPU
// read from /proc and added). Goal: under 5 s for the set. The project is written here (the docs' auth with group
// "admin" and the docs' Todo schema); nothing else is needed.
// Run: npm run build && npx tsx bench/seed.ts   (SEED_BENCH_USERS / SEED_BENCH_TODOS change the set,
// SEED_BENCH_ROUNDS=N rounds per topology (default 3, the median shown), SEED_BENCH_ONLY=in | own one topology)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const USERS = Number(process.env.SEED_BENCH_USERS ?? 1000);
const TODOS = Number(process.env.SEED_BENCH_TODOS ?? 10_000);
const ROUNDS = Math.max(1, Number(process.env.SEED_BENCH_ROUNDS ?? 3));
const ONE_BY_ONE = 500;
const GOAL_S = 5;
const bin = fileURLToPath(new URL('../packages/cli/bin/ampx.mjs', import.meta.url));

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'seed-bench', version: '1.0.0', type: 'module' }),
  'amplify/backend.ts': `import { defineBackend } from "@aws-amplify/backend";
import { auth } from "./auth/resource";
import { data } from "./data/resource";
defineBackend({ auth, data });
`,
  'amplify/auth/resource.ts': `import { defineAuth } from "@aws-amplify/backend";
export const auth = defineAuth({ loginWith: { email: true }, groups: ["admin"] });
`,
  'amplify/data/resource.ts': `import { a, defineData, type ClientSchema } from "@aws-amplify/backend";
const schema = a.schema({
  Todo: a.model({ content: a.string(), isDone: a.boolean() }).authorization((allow) => [allow.authenticated()]),
});
export type Schema = ClientSchema<typeof schema>;
export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: "userPool" } });
`,
  // The script prints one line: SEED_BENCH {json}. CPU: this process (user + system) plus, when the bench names it,
  // the running sandbox's process (/proc, USER_HZ = 100).
  'amplify/seed/seed.ts': `import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { addUsersToGroup, createAndSignUpUsers, createItems, mapConcurrently, signInUser } from "@aws-amplify/seed";
import { Amplify } from "aws-amplify";
import { signOut } from "aws-amplify/auth";
import { generateClient } from "aws-amplify/data";
import type { Schema } from "../data/resource";
Amplify.configure(JSON.parse(await readFile(new URL("../../amplify_outputs.json", import.meta.url), "utf8")));
const USERS = Number(process.env.SEED_BENCH_USERS);
const TODOS = Number(process.env.SEED_BENCH_TODOS);
const cloudPid = process.env.SEED_BENCH_CLOUD_PID;
const cpu = () => {
  const own = process.cpuUsage();
  const fields = cloudPid ? readFileSync("/proc/" + cloudPid + "/stat", "utf8").split(") ")[1].split(" ") : undefined;
  return (own.user + own.system) / 1e6 + (fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0);
};
const PASSWORD = "Bench-Passw0rd!";
const users = Array.from({ length: USERS }, (_, i) => ({ username: "user" + i + "@example.com", password: PASSWORD, signInFlow: "Password" as const, signInAfterCreation: false }));
const cpu0 = cpu();
const t0 = performance.now();
await createAndSignUpUsers(users);
await addUsersToGroup(users, "admin");
const t1 = performance.now();
const cpu1 = cpu();
await signInUser({ username: users[0].username, password: PASSWORD, signInFlow: "Password" });
const client = generateClient<Schema>();
const created = await createItems(client, "Todo", Array.from({ length: TODOS }, (_, i) => ({ content: "todo " + i, isDone: i % 2 === 0 })));
const t2 = performance.now();
const cpu2 = cpu();
if (created.length !== TODOS || !created.every((t) => typeof t.id === "string")) throw new Error("createItems returned " + created.length + " items, wanted " + TODOS);
const t3 = performance.now();
await mapConcurrently(Array.from({ length: ${ONE_BY_ONE} }, (_, i) => i), 8, async (i) => {
  const r = await client.models.Todo.create({ content: "one by one " + i, isDone: false });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
});
const oneByOneMs = (performance.now() - t3) / ${ONE_BY_ONE};
await signOut();
console.log("SEED_BENCH " + JSON.stringify({ users: (t1 - t0) / 1000, todos: (t2 - t1) / 1000, cpuUsers: cpu1 - cpu0, cpu: cpu2 - cpu0, oneByOneMs }));
`,
};

interface Run { users: number; todos: number; cpu: number; cpuUsers: number; oneByOneMs: number }
type Topology = 'in' | 'own';
const TOPOLOGIES: Record<Topology, string> = { in: 'no sandbox running (seed serves the cloud)', own: '`ampx sandbox` running (own process)' };

const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-seed-'));
for (const [file, text] of Object.entries(FILES)) {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
}
const env: NodeJS.ProcessEnv = { ...process.env, SANDLOT_CONFIG_DIR: join(dir, '.sandlot-key'), SEED_BENCH_USERS: String(USERS), SEED_BENCH_TODOS: String(TODOS) };
// As bench/sandbox: a default Node setup parses no extra certificate bundle at every start.
delete env.NODE_EXTRA_CA_CERTS;

/** `ampx <args>` in the project; its stdout (throws with both streams on a non-zero exit). */
function ampx(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((res, rej) => child.once('exit', (code) => (code === 0 ? res(out) : rej(new Error(`ampx ${args.join(' ')} exited with ${code}\n${out}\n${err}`)))));
}

const runOf = (out: string): Run => {
  const line = /^SEED_BENCH (.*)$/m.exec(out);
  if (!line) throw new Error(`the seed script printed no result:\n${out}`);
  return JSON.parse(line[1]!) as Run;
};

async function noSandboxRunning(identifier: string): Promise<Run> {
  await ampx(['sandbox', '--once', '--identifier', identifier]);
  return runOf(await ampx(['sandbox', 'seed', '--identifier', identifier]));
}

async function sandboxRunning(identifier: string): Promise<Run> {
  const sandbox: ChildProcess = spawn(process.execPath, [bin, 'sandbox', '--identifier', identifier], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let out = '';
    await new Promise<void>((res, rej) => {
      sandbox.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('Watching for file changes')) res();
      });
      sandbox.once('exit', (code) => rej(new Error(`ampx sandbox exited with ${code}:\n${out}`)));
    });
    return runOf(await ampx(['sandbox', 'seed', '--identifier', identifier], { SEED_BENCH_CLOUD_PID: String(sandbox.pid) }));
  } finally {
    const exited = new Promise((r) => sandbox.once('exit', r));
    sandbox.kill('SIGINT');
    await exited;
  }
}

const only = process.env.SEED_BENCH_ONLY as Topology | undefined;
const chosen = (['in', 'own'] as const).filter((t) => !only || t === only);
const runs = new Map<Topology, Run[]>(chosen.map((t) => [t, []]));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of chosen) runs.get(t)!.push(await (t === 'in' ? noSandboxRunning : sandboxRunning)(`bench${t}${round}`));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const totalOf = (r: Run) => r.users + r.todos;
const n = (x: number) => x.toLocaleString('en-US');
console.log(`\n\`ampx sandbox seed\`: ${n(USERS)} users into group "admin" + ${n(TODOS)} Todo items (docs' schema, user-pool auth), loopback.`);
console.log(`Seconds (lower is better), median of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'} per topology (alternating; each a new sandbox and process)\n`);
console.log(`${'topology'.padEnd(44)} ${'users'.padStart(6)} ${'todos'.padStart(6)} ${'total'.padStart(6)} ${'range'.padStart(10)} ${'cpu u+t'.padStart(8)} ${'ms/user'.padStart(8)} ${'ms/todo'.padStart(8)} ${'1-by-1 ms/todo'.padStart(15)}`);
for (const [topology, list] of runs) {
  const sorted = [...list].sort((x, y) => totalOf(x) - totalOf(y));
  const r = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const total = totalOf(r);
  const range = `${totalOf(sorted[0]!).toFixed(2)}-${totalOf(sorted.at(-1)!).toFixed(2)}`;
  const cpu = `${r.cpuUsers.toFixed(1)}+${(r.cpu - r.cpuUsers).toFixed(1)}`;
  console.log(`${TOPOLOGIES[topology].padEnd(44)} ${r.users.toFixed(2).padStart(6)} ${r.todos.toFixed(2).padStart(6)} ${total.toFixed(2).padStart(6)} ${range.padStart(10)} ${cpu.padStart(8)} ${((r.users * 1000) / USERS).toFixed(2).padStart(8)} ${((r.todos * 1000) / TODOS).toFixed(3).padStart(8)} ${r.oneByOneMs.toFixed(2).padStart(15)}${total < GOAL_S ? '' : '  ✖ over the goal'}`);
}
console.log(`\nGoal: total < ${GOAL_S} s. users = createAndSignUpUsers + addUsersToGroup; todos = signInUser + createItems (aliased createTodo`);
console.log(`mutations, 100 per request, 4 in flight); ms/user = the script's time per user; cpu u+t = CPU seconds of the seed process (and`);
console.log(`the running sandbox's) over users, todos; 1-by-1 = client.models.Todo.create per todo, 8 in flight (${ONE_BY_ONE} todos, not in the totals).`);
