import type { IncomingMessage } from 'node:http';
import { execute, type ExecutionResult, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../logger.js';
import type { WireRequest } from '../../http/wire.js';
import type { UpgradeHandler } from '../../http/nodeServer.js';
import { resolveCaller, type CallerDeps } from '../auth/resolveCaller.js';
import { allowedTypes } from '../auth/modes.js';
import type { Caller } from '../auth/caller.js';
import { AppSyncError, RequestError, unauthorized } from '../errors.js';
import { matchesFilter, type Filter } from '../filters.js';
import { fieldNames } from '../model/naming.js';
import type { ModelDef } from '../model/types.js';
import type { DataApi, DataDeps, ExecContext } from '../resolvers/context.js';
import { accessFor, allows } from '../resolvers/access.js';
import { executionError } from '../http/format.js';
import { pickOperation, prepareDocument } from '../http/prepare.js';
import type { Subscriber } from './pubsub.js';

/**
 * AppSync's realtime protocol (`graphql-ws` subprotocol) on the cloud's port: auth from the `header-<base64url>`
 * subprotocol (aws-amplify ≥ 6.6) or the `?header=` query (older clients), `connection_init` → `connection_ack`
 * (`connectionTimeoutMs`) and `ka` keep-alives, `start` → `start_ack` / `error`, `data` events filtered by the
 * subscription's `filter` and auth rules (owner-scoped events reach only owners), `stop` → `complete`.
 */
export const CONNECTION_TIMEOUT_MS = 300_000;
export const KEEP_ALIVE_MS = 60_000;

export interface RealtimeDeps {
  deps: DataDeps & CallerDeps;
  current(): DataApi | undefined;
  logger: Logger;
}

export function realtimeUpgradeHandler(r: RealtimeDeps): UpgradeHandler {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false) });
  return (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== '/graphql/realtime' && url.pathname !== '/graphql') return false;
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, req, url, r));
    return true;
  };
}

type Message = { id?: string; type?: string; payload?: { data?: string; extensions?: { authorization?: Record<string, string> } } };

function serveConnection(ws: WebSocket, req: IncomingMessage, url: URL, r: RealtimeDeps): void {
  const send = (m: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(m));
  const subs = new Map<string, Subscriber>();
  let caller: Caller | undefined;
  let keepAlive: NodeJS.Timeout | undefined;
  const connectHeaders = decodeAuthHeader(req, url);
  const apiPath = url.pathname.replace(/\/realtime$/, '');

  const close = () => {
    clearInterval(keepAlive);
    for (const s of subs.values()) r.deps.pubsub.remove(s);
    subs.clear();
  };
  ws.on('close', close);
  ws.on('error', close);
  ws.on('message', (raw) => {
    let msg: Message;
    try {
      msg = JSON.parse(raw.toString()) as Message;
    } catch {
      send({ type: 'error', payload: { errors: [{ errorType: 'BadRequestException', message: 'Messages must be JSON.' }] } });
      return;
    }
    void onMessage(msg).catch((e) => r.logger.error(`realtime: ${(e as Error).stack ?? e}`));
  });

  async function onMessage(msg: Message): Promise<void> {
    const api = r.current();
    if (msg.type === 'connection_init') {
      try {
        if (!api) throw new RequestError(404, 'NotFoundException', 'No data API is deployed to this sandbox.');
        if (!connectHeaders) throw new RequestError(401, 'UnauthorizedException', 'Valid authorization header not provided.');
        caller = await resolveCaller(api, r.deps, headerRequest(connectHeaders, `${apiPath}/connect`, '{}'));
      } catch (e) {
        const err = e instanceof RequestError ? e : new RequestError(401, 'UnauthorizedException', String(e));
        send({ type: 'connection_error', payload: { errors: [{ errorType: err.errorType, message: err.message, errorCode: err.status }] } });
        ws.close(1000);
        return;
      }
      send({ type: 'connection_ack', payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } });
      send({ type: 'ka' });
      keepAlive = setInterval(() => send({ type: 'ka' }), KEEP_ALIVE_MS);
      keepAlive.unref();
      return;
    }
    if (msg.type === 'start' && msg.id) {
      const id = msg.id;
      const fail = (errors: unknown[]): void => void send({ id, type: 'error', payload: { errors } });
      if (!caller || !api) return fail([{ errorType: 'UnauthorizedException', message: 'Send connection_init first.' }]);
      if (subs.has(id)) return fail([{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id ' + id }]);
      try {
        const data = msg.payload?.data ?? '';
        const auth = msg.payload?.extensions?.authorization;
        const startCaller = auth ? await resolveCaller(api, r.deps, headerRequest(auth, apiPath, data)) : caller;
        const sub = startSubscription(api, r.deps, startCaller, data, id, send);
        subs.set(id, sub);
        r.deps.pubsub.add(sub);
        send({ id, type: 'start_ack' });
      } catch (e) {
        if (e instanceof RequestError || e instanceof AppSyncError) fail([{ errorType: e instanceof RequestError ? e.errorType : e.errorType, message: e.message }]);
        else if (e instanceof StartError) fail(e.errors);
        else throw e;
      }
      return;
    }
    if (msg.type === 'stop' && msg.id) {
      const s = subs.get(msg.id);
      if (s) r.deps.pubsub.remove(s);
      subs.delete(msg.id);
      send({ id: msg.id, type: 'complete' });
    }
  }
}

class StartError extends Error {
  constructor(readonly errors: unknown[]) {
    super('start failed');
  }
}

function startSubscription(api: DataApi, deps: DataDeps, caller: Caller, data: string, id: string, send: (m: unknown) => void): Subscriber {
  let body: { query?: string; variables?: Record<string, unknown>; operationName?: string };
  try {
    body = JSON.parse(data);
  } catch {
    throw new StartError([{ errorType: 'BadRequestException', message: 'The subscription data is not JSON.' }]);
  }
  if (typeof body.query !== 'string') throw new StartError([{ errorType: 'BadRequestException', message: 'The subscription data has no query.' }]);
  const prepared = prepareDocument(api, body.query);
  if (!prepared.ok) throw new StartError(prepared.errors);
  const op = pickOperation(prepared.document, body.operationName);
  const field = op?.selectionSet.selections[0] as FieldNode | undefined;
  if (!op || op.operation !== 'subscription' || op.selectionSet.selections.length !== 1 || field?.kind !== 'Field') {
    throw new StartError([{ errorType: 'BadRequestException', message: 'A subscription start needs one subscription operation with one root field.' }]);
  }
  const fieldName = field.name.value;
  const allowed = allowedTypes(api.modes, 'Subscription', fieldName, api.defaultType);
  if (typeof allowed === 'string' ? allowed !== caller.authType : !allowed.has(caller.authType)) throw unauthorized(fieldName, 'Subscription');
  const model = modelOf(api, fieldName);
  if (!model) throw new StartError([{ errorType: 'UnsupportedOperation', message: `Sandlot's local AppSync does not support custom subscriptions (${fieldName}).` }]);
  const ctx: ExecContext = { api, caller, deps, requestId: id };
  const access = accessFor(model.m, 'listen', ctx, fieldName, 'Subscription');
  const args = argumentValues(op, field, body.variables ?? {});
  const filter = args.filter as Filter | undefined;
  const ownerArgs = model.m.rules.filter((r) => r.allow === 'owner' && args[r.ownerField!] !== undefined && args[r.ownerField!] !== null).map((r) => [r.ownerField!, args[r.ownerField!]] as const);
  return {
    apiId: api.config.apiId,
    mutations: [model.mutation],
    deliver(current, doc) {
      if (current.config.apiId !== api.config.apiId || !allows(access, doc, ctx) || !matchesFilter(doc, filter)) return;
      for (const [f, v] of ownerArgs) {
        const stored = doc[f];
        if (stored !== v && (typeof stored !== 'string' || stored.split('::').pop() !== v)) return;
      }
      const result = execute({ schema: api.schema, document: prepared.document, rootValue: { [fieldName]: doc }, contextValue: ctx, variableValues: body.variables, operationName: body.operationName }) as ExecutionResult;
      const payload: Record<string, unknown> = { data: result.data ?? null };
      if (result.errors?.length) payload.errors = result.errors.map(executionError);
      send({ id, type: 'data', payload });
    },
  };
}

function modelOf(api: DataApi, field: string): { m: ModelDef; mutation: string } | undefined {
  for (const m of api.set.models.values()) {
    const n = fieldNames(m);
    if (field === n.onCreate) return { m, mutation: n.create };
    if (field === n.onUpdate) return { m, mutation: n.update };
    if (field === n.onDelete) return { m, mutation: n.delete };
  }
  return undefined;
}

/** The root field's arguments with variables substituted (values are plain JSON here). */
function argumentValues(_op: OperationDefinitionNode, field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const value = (v: import('graphql').ValueNode): unknown => {
    switch (v.kind) {
      case 'Variable':
        return variables[v.name.value];
      case 'ObjectValue':
        return Object.fromEntries(v.fields.map((f) => [f.name.value, value(f.value)]));
      case 'ListValue':
        return v.values.map(value);
      case 'IntValue':
      case 'FloatValue':
        return Number(v.value);
      case 'NullValue':
        return null;
      default:
        return (v as { value: unknown }).value;
    }
  };
  for (const a of field.arguments ?? []) out[a.name.value] = value(a.value);
  return out;
}

/** The connect auth header map: `header-<base64url JSON>` subprotocol, or `?header=<base64 JSON>` on older clients. */
function decodeAuthHeader(req: IncomingMessage, url: URL): Record<string, string> | undefined {
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  const encoded = protocols.find((p) => p.startsWith('header-'))?.slice('header-'.length) ?? url.searchParams.get('header') ?? undefined;
  if (!encoded) return undefined;
  try {
    return JSON.parse(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/** A synthetic request from a realtime auth header map, so HTTP's auth (incl. SigV4 over `POST <api>/connect`) applies. */
function headerRequest(h: Record<string, string>, path: string, body: string): WireRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  return { method: 'POST', path, query: [], headers, body: Buffer.from(body) };
}
