import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Router } from './router.js';
import type { WireRequest } from './wire.js';

/** Reads a Node request into a WireRequest (whole body buffered; S3 streams come later). */
export async function readWireRequest(req: IncomingMessage): Promise<WireRequest> {
  // Events, not `for await`: the async iterator costs several event-loop turns per request on the hot path.
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', resolve);
    req.once('error', reject);
  });
  const url = new URL(req.url ?? '/', 'http://local');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  return {
    method: req.method ?? 'GET',
    path: (req.url ?? '/').split('?')[0]!,
    query: [...url.searchParams.entries()],
    headers,
    body: Buffer.concat(chunks),
  };
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
    readWireRequest(req)
      .then((wire) => router.handle(wire))
      .then((out) => {
        res.writeHead(out.status, out.headers);
        res.end(out.body);
      })
      .catch((err) => {
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
