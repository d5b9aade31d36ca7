import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { silentLogger } from '../logger.js';
import { createRouter } from './router.js';
import { listen, type RunningServer } from './nodeServer.js';
import type { WireRequest, WireResponse } from './wire.js';

// The socket side of the router: how a WireResponse reaches the client (framing, Date) and what a service sees
// of the request. A tiny echo service stands in for the real ones (the http layer does not know them).
describe('the HTTP server frames responses and hands services the request', () => {
  let server: RunningServer;
  const seen: WireRequest[] = [];

  before(async () => {
    const router = createRouter(silentLogger, [{
      name: 'echo',
      matches: () => true,
      async handle(req): Promise<WireResponse> {
        seen.push(req);
        const what = req.path.slice(1);
        if (what === 'stream') return { status: 200, headers: { 'content-type': 'text/plain' }, body: Readable.from([Buffer.from('a'), Buffer.from('b')]) };
        if (what === 'empty') return { status: 204, headers: {}, body: '' };
        if (what === 'sized') return { status: 200, headers: { 'content-length': '7' }, body: '' };
        return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: what === 'buffer' ? Buffer.from('bytes!') : `héllo ${req.body.toString('utf8')} ✓` };
      },
    }]);
    server = await listen(router, 0);
  });
  after(() => server.close());

  function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('sends a whole body with its byte length (multi-byte text too), not chunked, and a Date', async () => {
    const r = await call('POST', '/text', 'wörld');
    assert.equal(r.body, 'héllo wörld ✓');
    assert.equal(r.headers['content-length'], String(Buffer.byteLength('héllo wörld ✓')));
    assert.equal(r.headers['transfer-encoding'], undefined);
    assert.ok(!Number.isNaN(Date.parse(String(r.headers['date']))), 'an HTTP date');
    assert.ok(Math.abs(Date.parse(String(r.headers['date'])) - Date.now()) < 5000, 'the current time');
    const b = await call('GET', '/buffer');
    assert.equal(b.headers['content-length'], '6');
    assert.equal(b.body, 'bytes!');
  });

  it('streams a stream body chunked; leaves 204, HEAD and a service-set length alone', async () => {
    const s = await call('GET', '/stream');
    assert.equal(s.body, 'ab');
    assert.equal(s.headers['transfer-encoding'], 'chunked');
    assert.equal((await call('GET', '/empty')).headers['content-length'], undefined);
    const head = await call('HEAD', '/text');
    assert.equal(head.headers['content-length'], undefined, 'a HEAD answer does not claim an empty GET body');
    const sized = await call('HEAD', '/sized');
    assert.equal(sized.headers['content-length'], '7');
  });

  it('gives the service the body read whole, the headers lower-cased, the query decoded', async () => {
    seen.length = 0;
    await call('POST', '/text?a=1&b=x%20y&a=2', 'payload', { 'X-Custom': 'V', 'Content-Type': 'text/plain' });
    const req = seen[0]!;
    assert.equal(req.body.toString('utf8'), 'payload');
    assert.equal(req.stream, undefined);
    assert.equal(req.headers['x-custom'], 'V');
    assert.deepEqual(req.query, [['a', '1'], ['b', 'x y'], ['a', '2']]);
    assert.equal(req.path, '/text');
  });
});
