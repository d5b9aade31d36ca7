import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline, Writable } from 'node:stream';
import { FileBody } from './fileBody.js';

const CHUNK = 64 * 1024;

describe('FileBody: a file range as a download stream that reuses its read buffers only where that is safe', () => {
  let dir: string;
  const files: Buffer[] = [];
  const pathOf = (i: number) => join(dir, `f${i}`);
  const open = (i: number, start = 0, end = files[i]!.length - 1) => new FileBody(openSync(pathOf(i), 'r'), start, end, CHUNK);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandlot-filebody-'));
    for (let i = 0; i < 4; i++) {
      files.push(randomBytes(128 * CHUNK + 123 * (i + 1)));
      writeFileSync(pathOf(i), files[i]!);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves whole files and ranges intact to slow concurrent HTTP clients, reusing buffers across downloads', async () => {
    const seen = new Set<ArrayBufferLike>();
    let reused = 0;
    const server: Server = createServer((req, res) => {
      const [i, start, end] = (req.url ?? '').slice(1).split('/').map(Number) as [number, number, number];
      const body = open(i, start, end);
      // A second reader of the same chunks, only to see which memory they live in.
      body.on('data', (c: Buffer) => (seen.has(c.buffer) ? reused++ : seen.add(c.buffer)));
      res.writeHead(200, { 'content-length': String(end - start + 1) });
      pipeline(body, res, () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    // A client that stops reading for a while after the first bytes: the socket buffers fill up, and the
    // server's writes wait with their chunks (which no read may overwrite meanwhile).
    const fetchSlowly = (path: string) =>
      new Promise<Buffer>((resolve, reject) => {
        get({ port, host: '127.0.0.1', path, agent: false }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            if (!parts.length) {
              res.pause();
              setTimeout(() => res.resume(), 150);
            }
            parts.push(c);
          });
          res.on('end', () => resolve(Buffer.concat(parts)));
          res.on('error', reject);
        }).on('error', reject);
      });
    try {
      for (let round = 0; round < 2; round++) {
        const asks = files.map((f, i) => (i % 2 ? [i, 7, f.length - 1 - 5 * CHUNK - 9] : [i, 0, f.length - 1]) as [number, number, number]);
        const got = await Promise.all(asks.map(([i, s, e]) => fetchSlowly(`/${i}/${s}/${e}`)));
        asks.forEach(([i, s, e], k) => assert.ok(got[k]!.equals(files[i]!.subarray(s, e + 1)), `file ${i} bytes ${s}-${e}, round ${round}`));
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    assert.ok(reused > 0, 'later downloads read into the buffers of earlier ones');
  });

  it('gives a writable that keeps its chunks (like the SDK collector in-process) fresh buffers', async () => {
    const kept: Buffer[][] = files.map(() => []);
    await Promise.all(
      files.map(
        (_, i) =>
          new Promise<void>((resolve, reject) => {
            const sink = new Writable({ write: (c: Buffer, _e, cb) => void (kept[i]!.push(c), setImmediate(cb)) });
            pipeline(open(i), sink, (err) => (err ? reject(err) : resolve()));
          }),
      ),
    );
    // Other streams read meanwhile and afterwards; the kept chunks must not change under their holder.
    await Promise.all(files.map((_, i) => new Promise<void>((resolve) => open(i).on('data', () => undefined).on('end', resolve))));
    kept.forEach((chunks, i) => assert.ok(Buffer.concat(chunks).equals(files[i]!), `file ${i}`));
  });

  it('closes its descriptor when destroyed early, and reports a file that shrank as a short body', async () => {
    const body = open(0);
    await new Promise<void>((resolve) => body.once('data', () => resolve()));
    body.destroy();
    await new Promise((r) => body.once('close', r));
    // The range says more than the file holds: the stream ends at the file's end.
    const short = new FileBody(openSync(pathOf(1), 'r'), 0, files[1]!.length + 1000, CHUNK);
    const parts: Buffer[] = [];
    for await (const c of short) parts.push(c as Buffer);
    assert.ok(Buffer.concat(parts).equals(files[1]!));
  });
});
