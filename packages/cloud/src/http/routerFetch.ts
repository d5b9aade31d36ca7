import { Readable } from 'node:stream';
import type { Router } from './router.js';
import type { WireRequest } from './wire.js';

const EMPTY = Buffer.alloc(0);
/** Statuses and methods whose responses carry no body (a Response refuses one). */
const BODILESS = new Set([101, 204, 205, 304]);

/**
 * A `fetch` that answers requests for the local cloud at `origin` from its router in this process, and passes
 * every other request to `next`: what the fetch-based clients (aws-amplify's Cognito and GraphQL calls) use when
 * the process serves the cloud itself (`ampx sandbox seed` without a running sandbox), as the SDK clients use
 * `InProcessHandler`. The request is the one the client built (method, path, query, headers, body, signature);
 * only the loopback socket and HTTP parsing on both sides are skipped. Bodies are read whole (these clients
 * send JSON); responses keep their status, headers and body (a stream stays a stream).
 */
export function routerFetch(router: Router, origin: string, next: typeof fetch): typeof fetch {
  const local = new URL(origin).origin;
  return async function sandlotRouterFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (url.origin !== local) return next(input, init);
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers.host ??= url.host; // what the client signed (fetch sets it from the URL; a Request does not expose it)
    const wire: WireRequest = {
      method: request.method,
      path: url.pathname,
      query: [...new URLSearchParams(url.search.slice(1)).entries()],
      headers,
      body: request.body ? Buffer.from(await request.arrayBuffer()) : EMPTY,
    };
    const out = await router.handle(wire);
    const body: BodyInit | null =
      BODILESS.has(out.status) || request.method === 'HEAD'
        ? null
        : out.body instanceof Readable
          ? (Readable.toWeb(out.body) as ReadableStream)
          : (out.body as unknown as BodyInit); // a string or a Buffer (a Uint8Array): both are fetch bodies
    return new Response(body, { status: out.status, headers: out.headers });
  };
}
