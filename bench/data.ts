// bench/data: the local AppSync vs amplify-appsync-simulator (the Gen 1 `amplify mock` engine) vs a bare Node HTTP
// server returning one fixed JSON (the ceiling), each a separate process on loopback, driven with the GraphQL
// documents aws-amplify's generateClient sends (API key auth). Reports create / get / list operations per second
// and the ratios. Run: npx tsx bench/data.ts
// Fairness: one client (node:http, keep-alive agent, the same concurrency) drives every target with the same
// request bodies; the ceiling answers a body of the same shape and size as ours; keep-alive on every side. Each
// operation is measured on the three targets back to back, in ROUNDS rounds; ratios are taken within a round and
// every number printed is a median, so a load change on a shared machine hits all sides alike.
// The simulator is installed on demand into /tmp/sandlot-bench-peers/appsync-simulator (never into the repo; its
// own prefix, so installing it never prunes another bench's peers). It can only store
// rows in DynamoDB (DynamoDB Local, Java), so it serves the same AppSync schema with a NONE data source whose
// templates echo the input / return fixed items: its numbers exclude storage, ours include SQLite writes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { a } from '@aws-amplify/data-schema';
import { buildApi } from '../packages/cloud/src/appsync/schema/buildApi.js';

const PEERS = '/tmp/sandlot-bench-peers';
const API_KEY = 'da2-benchbenchbenchbenchbench';
const OPS = 3000;
const CONCURRENCY = 8;
const LIST_ITEMS = 20;
const WARM_UP = 1500;
const ROUNDS = 5;

const schemaSdl = a
  .schema({ Todo: a.model({ content: a.string(), done: a.boolean() }).authorization((allow) => [allow.publicApiKey()]) })
  .transform().schema;

// The documents data-schema generates (wire-spec §6.2).
const FIELDS = 'id content done createdAt updatedAt';
const CREATE = `mutation ($input: CreateTodoInput!) {\n  createTodo(input: $input) {\n    ${FIELDS.split(' ').join('\n    ')}\n  }\n}\n`;
const GET = `query ($id: ID!) {\n  getTodo(id: $id) {\n    ${FIELDS.split(' ').join('\n    ')}\n  }\n}\n`;
const LIST = `query ($filter: ModelTodoFilterInput, $limit: Int, $nextToken: String) {\n  listTodos(filter: $filter, limit: $limit, nextToken: $nextToken) {\n    items {\n      ${FIELDS.split(' ').join('\n      ')}\n    }\n    nextToken\n    __typename\n  }\n}\n`;

interface Target { name: string; url: string; child: ChildProcess }

async function startChild(name: string, cmd: string, args: string[], cwd?: string): Promise<Target> {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).once('line', res);
    child.once('exit', (code) => rej(new Error(`${name} exited with ${code}`)));
  });
  return { name, url: (JSON.parse(line) as { url: string }).url, child };
}

const SIMULATOR = join(PEERS, 'appsync-simulator');

function installSimulator(): boolean {
  if (existsSync(join(SIMULATOR, 'node_modules', 'amplify-appsync-simulator'))) return true;
  const r = spawnSync('flock', ['/tmp/sandlot-npm.lock', 'npm', 'install', '--no-save', '--no-audit', '--no-fund', '--prefix', SIMULATOR, 'amplify-appsync-simulator'], { stdio: 'inherit' });
  return r.status === 0;
}

/** The simulator serving our served AppSync SDL (its own AWS scalars/directives stripped) with NONE-data-source templates. */
function simulatorScript(): string {
  const api = buildApi({ apiId: 'bench', apiName: 'amplifyData', schemaSdl, authorizationModes: { default: 'apiKey', apiKey: { key: API_KEY, expiresAt: new Date(Date.now() + 86_400_000) } } });
  const sdl = api.sdl.split('\n').filter((l) => !l.startsWith('directive @aws_') && !l.startsWith('scalar AWS')).join('\n');
  const item = (i: string) => `{"id": ${i}, "content": "hello", "done": false, "createdAt": "2026-01-01T00:00:00.000Z", "updatedAt": "2026-01-01T00:00:00.000Z", "__typename": "Todo"}`;
  const resolvers = [
    { fieldName: 'createTodo', typeName: 'Mutation', requestMappingTemplate: '{"version": "2018-05-29", "payload": $util.toJson($ctx.args.input)}', responseMappingTemplate: '#set($r = $ctx.result)\n$util.qr($r.put("id", $util.autoId()))\n$util.qr($r.put("createdAt", $util.time.nowISO8601()))\n$util.qr($r.put("updatedAt", $util.time.nowISO8601()))\n$util.toJson($r)' },
    { fieldName: 'getTodo', typeName: 'Query', requestMappingTemplate: `{"version": "2018-05-29", "payload": ${item('$util.toJson($ctx.args.id)')}}`, responseMappingTemplate: '$util.toJson($ctx.result)' },
    { fieldName: 'listTodos', typeName: 'Query', requestMappingTemplate: `{"version": "2018-05-29", "payload": {"items": [${Array.from({ length: LIST_ITEMS }, (_, i) => item(`"id-${i}"`)).join(', ')}], "nextToken": null}}`, responseMappingTemplate: '$util.toJson($ctx.result)' },
  ].map((r) => ({ kind: 'UNIT', dataSourceName: 'none', ...r }));
  const config = { schema: { content: sdl }, resolvers, dataSources: [{ type: 'NONE', name: 'none' }], appSync: { name: 'bench', defaultAuthenticationType: { authenticationType: 'API_KEY' }, apiKey: API_KEY, additionalAuthenticationProviders: [] } };
  return `import { AmplifyAppSyncSimulator } from 'amplify-appsync-simulator';
import net from 'node:net';
const free = () => new Promise((r) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
const [port, wsPort] = [await free(), await free()];
const sim = new AmplifyAppSyncSimulator({ port, wsPort });
await sim.start();
sim.init(${JSON.stringify(config)});
process.stdout.write(JSON.stringify({ url: 'http://127.0.0.1:' + port + '/graphql' }) + '\\n');
`;
}

// A lean keep-alive client (node:http), so the load generator is not the bottleneck it is with fetch.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(url: string, query: string, variables: object): Promise<any> {
  const body = JSON.stringify({ query, variables });
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json; charset=UTF-8', 'x-api-key': API_KEY, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (res.statusCode !== 200 || json.errors) reject(new Error(`${url}: ${res.statusCode} ${JSON.stringify(json).slice(0, 300)}`));
        else resolve(json);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `OPS` calls with `CONCURRENCY` in flight (bounded), after `WARM_UP` untimed ones the same way; returns calls per second. */
async function rate(fn: (i: number) => Promise<unknown>, round: number): Promise<number> {
  const run = async (count: number, offset: number) => {
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await fn(offset + next++);
    }));
  };
  const base = round * (OPS + WARM_UP);
  await run(WARM_UP, base + OPS); // the JIT of every process reaches steady state first
  const t0 = performance.now();
  await run(OPS, base);
  return OPS / ((performance.now() - t0) / 1000);
}

type Op = 'create' | 'get' | 'list';
const OPERATIONS: Op[] = ['get', 'list', 'create']; // create last in a round: get and list read the seeded rows first
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Seeds LIST_ITEMS rows in ours so list returns as many items as the simulator's fixed page; returns the id to get. */
async function seed(t: Target): Promise<string> {
  const ids: string[] = [];
  if (t.name === 'sandlot') for (let i = 0; i < LIST_ITEMS; i++) ids.push((await post(t.url, CREATE, { input: { content: 'hello', done: false } })).data.createTodo.id);
  return ids[0] ?? 'f3b1c8e2-0000-4000-8000-000000000000';
}

/** One operation against one target (the ceiling answers its fixed body to the get request whatever the operation). */
function measure(t: Target, op: Op, id: string, round: number): Promise<number> {
  if (t.name === 'ceiling') return rate(() => post(t.url, GET, { id: 'f3b1c8e2-0000-4000-8000-000000000000' }), round);
  if (op === 'get') return rate(() => post(t.url, GET, { id }), round);
  // list asks for LIST_ITEMS rows: the same page in every round, however many rows create has added since.
  if (op === 'list') return rate(() => post(t.url, LIST, { limit: LIST_ITEMS }), round);
  return rate((i) => post(t.url, CREATE, { input: { content: `todo ${i}`, done: false } }), round);
}

const dir = mkdtempSync(join(tmpdir(), 'sandlot-bench-data-'));
const targets: Target[] = [];
try {
  const here = fileURLToPath(new URL('.', import.meta.url));
  targets.push(await startChild('sandlot', process.execPath, ['--import', 'tsx', join(here, 'dataCloudServer.ts'), dir, Buffer.from(schemaSdl).toString('base64'), API_KEY]));
  targets.push(await startChild('ceiling', process.execPath, ['--import', 'tsx', join(here, 'dataCeilingServer.ts')]));
  if (installSimulator()) {
    const script = join(SIMULATOR, 'sandlot-data-bench-simulator.mjs');
    writeFileSync(script, simulatorScript());
    targets.push(await startChild('simulator', process.execPath, [script], SIMULATOR));
  } else {
    console.log('amplify-appsync-simulator could not be installed: simulator column skipped');
  }
  const ids = new Map<string, string>();
  for (const t of targets) ids.set(t.name, await seed(t));
  // Each round measures every operation on the targets back to back (ours, the ceiling, the simulator), and
  // the ratios are taken within the round, so load that comes and goes on a shared machine hits both sides.
  const rates = new Map<string, number[]>();
  const ratios = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, v: number) => void m.set(k, [...(m.get(k) ?? []), v]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const op of OPERATIONS) {
      const r: Record<string, number> = {};
      for (const t of targets) r[t.name] = await measure(t, op, ids.get(t.name)!, round);
      for (const t of targets) push(rates, `${t.name}:${op}`, r[t.name]!);
      push(ratios, `ceiling:${op}`, r.sandlot! / r.ceiling!);
      if (r.simulator !== undefined) push(ratios, `simulator:${op}`, r.sandlot! / r.simulator);
    }
  }
  const at = (m: Map<string, number[]>, k: string) => (m.has(k) ? median(m.get(k)!) : undefined);
  const sim = targets.some((t) => t.name === 'simulator');
  console.log(`\n${OPS} calls per operation, ${CONCURRENCY} in flight, API key auth, loopback; medians of ${ROUNDS} rounds (ratios taken within each round). ops/s (higher is better)\n`);
  console.log(`${'operation'.padEnd(10)} ${'sandlot'.padStart(10)} ${'simulator'.padStart(10)} ${'ceiling'.padStart(10)}   ${'vs simulator'.padStart(12)} ${'of ceiling'.padStart(11)}`);
  for (const op of ['create', 'get', 'list'] as const) {
    const vsSim = sim ? `${at(ratios, `simulator:${op}`)!.toFixed(2)}x` : 'n/a';
    const ofCeiling = `${(at(ratios, `ceiling:${op}`)! * 100).toFixed(0)}%`;
    console.log(`${op.padEnd(10)} ${at(rates, `sandlot:${op}`)!.toFixed(0).padStart(10)} ${(sim ? at(rates, `simulator:${op}`)!.toFixed(0) : 'n/a').padStart(10)} ${at(rates, `ceiling:${op}`)!.toFixed(0).padStart(10)}   ${vsSim.padStart(12)} ${ofCeiling.padStart(11)}`);
  }
  console.log('\nGoals: ≥3x the simulator; get within 30% of the ceiling (≥70%). The simulator column has no storage (NONE data source).');
} finally {
  for (const t of targets) t.child.kill();
  rmSync(dir, { recursive: true, force: true });
}
