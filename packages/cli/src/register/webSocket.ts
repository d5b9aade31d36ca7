import WebSocket from 'ws';
import { localUrl, shouldRedirect, type Redirect } from './redirect.js';

/**
 * A `ws`-based `globalThis.WebSocket` (Node 20 has none) that sends AppSync realtime's forced
 * `wss://` URLs for AWS hosts or the local cloud's host to `ws://<local cloud>`, keeping the path.
 */
export function localWebSocketClass(r: Redirect) {
  return class SandlotWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[], options?: WebSocket.ClientOptions) {
      const url = new URL(address.toString());
      const local = url.host === r.endpoint.host || url.hostname === r.endpoint.hostname && ['localhost', '127.0.0.1'].includes(url.hostname);
      if (shouldRedirect(r, url) || local) {
        super(localUrl(r, url, 'ws:'), protocols, { ...options, headers: { ...options?.headers, 'x-forwarded-host': url.host } });
      } else {
        super(address, protocols, options);
      }
    }
  };
}
