import { HttpResponse } from '@smithy/core/transport';
import type { HttpHandlerOptions, HttpRequest } from '@smithy/types';
import { Readable } from 'node:stream';
import type { Router } from './router.js';
import type { WireRequest } from './wire.js';

const EMPTY = Buffer.alloc(0);

/**
 * An AWS SDK v3 request handler that hands each request to the local cloud's router in this process:
 * the SDK still builds, signs and parses real wire messages, only the socket is skipped. Swapping it
 * for the default handler (and real credentials) points the same client at AWS. Streamed bodies stay
 * streams both ways (an upload is read as the service consumes it; a download is the service's stream).
 */
export class InProcessHandler {
  constructor(private readonly router: Router) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const query: [string, string][] = [];
    for (const [k, v] of Object.entries(request.query ?? {})) {
      for (const item of Array.isArray(v) ? v : [v]) query.push([k, item ?? '']);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
    headers.host ??= request.hostname + (request.port ? `:${request.port}` : '');
    const wire: WireRequest = { method: request.method, path: request.path, query, headers, body: EMPTY };
    setBody(wire, request.body);
    const out = await this.router.handle(wire);
    return {
      response: new HttpResponse({
        statusCode: out.status,
        headers: out.headers,
        body: out.body instanceof Readable ? out.body : Readable.from([Buffer.isBuffer(out.body) ? out.body : Buffer.from(out.body)]),
      }),
    };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): HttpHandlerOptions {
    return {};
  }
  destroy(): void {}
}

function setBody(wire: WireRequest, body: unknown): void {
  if (body === undefined || body === null) return;
  if (typeof body === 'string') wire.body = Buffer.from(body);
  // Not Buffer.from(body): it calls valueOf(), which the SDK's JSON byte adapter warns about.
  else if (body instanceof Uint8Array) wire.body = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  else if (body instanceof Readable) wire.stream = body;
  else if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') wire.stream = Readable.from(body as AsyncIterable<Uint8Array>, { objectMode: false });
  else throw new Error('InProcessHandler: unsupported request body type');
}
