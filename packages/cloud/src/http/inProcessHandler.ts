import { HttpResponse } from '@smithy/core/transport';
import type { HttpHandlerOptions, HttpRequest } from '@smithy/types';
import { Readable } from 'node:stream';
import type { Router } from './router.js';

/**
 * An AWS SDK v3 request handler that hands each request to the local cloud's router in this process:
 * the SDK still builds, signs and parses real wire messages, only the socket is skipped. Swapping it
 * for the default handler (and real credentials) points the same client at AWS.
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
    const body = await toBuffer(request.body);
    const out = await this.router.handle({ method: request.method, path: request.path, query, headers, body });
    return {
      response: new HttpResponse({
        statusCode: out.status,
        headers: out.headers,
        body: Readable.from([Buffer.isBuffer(out.body) ? out.body : Buffer.from(out.body)]),
      }),
    };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): HttpHandlerOptions {
    return {};
  }
  destroy(): void {}
}

async function toBuffer(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  // Not Buffer.from(body): it calls valueOf(), which the SDK's JSON byte adapter warns about.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Readable || typeof (body as AsyncIterable<Buffer>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const c of body as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    return Buffer.concat(chunks);
  }
  throw new Error('InProcessHandler: unsupported request body type');
}
