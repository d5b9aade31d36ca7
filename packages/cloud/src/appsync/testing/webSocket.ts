import WebSocket from 'ws';

/**
 * Test-only `globalThis.WebSocket` (Node 20 has none): aws-amplify always dials `wss://<host>/graphql/realtime`;
 * this sends loopback `wss://` URLs to `ws://` on the same port (the `sandlot/register` preload does the same for apps).
 */
export class LoopbackWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    const url = new URL(address.toString());
    if (url.protocol === 'wss:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) url.protocol = 'ws:';
    super(url, protocols);
  }
}

export function installLoopbackWebSocket(): void {
  (globalThis as { WebSocket?: unknown }).WebSocket = LoopbackWebSocket;
}
