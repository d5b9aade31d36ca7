import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, type Duplex } from 'node:stream';
import type { Router } from './router.js';
import type { WireRequest, WireResponse } from './wire.js';

const EMPTY = Buffer.alloc(0);
/** Statuses that never carry a body (RFC 9110 §6.4.1): no Content-Length of our making (nor for HEAD, whose length is GET's). */
const BODILESS = new Set([204, 304]);

/**
 * A Node request as a WireRequest whose body is still on the socket (`stream`; the router reads it
 * whole for the services that want it so). A request without a body (no Content-Length, no
 * Transfer-Encoding, RFC 9112 §6.3) gets an empty `body` and no stream.
 */
export function wireRequestOf(req: IncomingMessage): WireRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const end = url.indexOf('#') < 0 ? url.length : url.indexOf('#'); // a fragment is never a query (clients do not send one)
  // Node's own header object (lower-cased names, repeats already joined) unless a header came as a list (set-cookie).
  let headers = req.headers as Record<string, string>;
  if (req.headers['set-cookie'] !== undefined) {
    headers = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  }
  const length = headers['content-length'];
  const hasBody = headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 || q > end ? [] : [...new URLSearchParams(url.slice(q + 1, end)).entries()],
    headers,
    body: EMPTY,
    stream: hasBody ? req : undefined,
  };
}

/**
 * Writes a WireResponse: buffers in one write with their Content-Length (not chunked), streams piped (and
 * closed when the client goes away).
 */
function send(res: ServerResponse, out: WireResponse): void {
  const body = out.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const headers = out.headers;
    if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined && !BODILESS.has(out.status) && res.req.method !== 'HEAD') {
      headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
    }
    res.writeHead(out.status, headers);
    res.end(body);
    return;
  }
  res.writeHead(out.status, out.headers);
  pipeline(body, res, () => undefined); // errors destroy both ends; the client sees a cut-off body, as from S3
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Takes a WebSocket upgrade (returns true) or leaves it to the next handler (false). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/** Serves the router on `host:port` (127.0.0.1 unless asked; port 0 picks a free one); `onUpgrade` handles WebSockets. */
export async function listen(router: Router, port: number, host = '127.0.0.1', onUpgrade: UpgradeHandler[] = []): Promise<RunningServer> {
  const server = createServer((req, res) => {
    router
      .handle(wireRequestOf(req))
      .then((out) => send(res, out))
      .catch((err) => {
        if (res.headersSent) return void res.destroy();
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
  });
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req, socket, head) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    if (!onUpgrade.some((h) => h(req, socket, head))) socket.destroy();
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy(); // WebSockets are not the HTTP server's connections any more
        server.close(() => resolve());
      }),
  };
}
