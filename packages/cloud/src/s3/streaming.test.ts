import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { InProcessHandler } from '../http/inProcessHandler.js';
import { Sha256 } from '../testing/sha256.js';

const md5Etag = (b: Buffer) => `"${createHash('md5').update(b).digest('hex')}"`;
const sha256Hex = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const crc32Of = (b: Buffer) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(b) >>> 0);
  return out.toString('base64');
};
const EMPTY_SHA256 = sha256Hex('');



describe('S3 request and response bodies stream (socket and in-process)', () => {
  let t: TestCloud;
  let s3: S3Client;
  let port: number;
  const Bucket = 'stream-bucket';
  const tmpFiles = () => {
    try {
      return readdirSync(join(t.dir, 'objects', 'tmp'));
    } catch {
      return [];
    }
  };

  before(async () => {
    t = await startTestCloud();
    port = t.server.port;
    s3 = new S3Client({ endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: t.credentials });
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  after(async () => {
    s3.destroy();
    await t.close();
  });

  /** A raw request signed with the official signer; `payloadHash` is what `x-amz-content-sha256` says. */
  async function signed(key: string, payloadHash: string, extra: Record<string, string> = {}) {
    const signer = new SignatureV4({ credentials: t.credentials, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
    const date = new Date();
    const req = await signer.sign(
      { method: 'PUT', protocol: 'http:', hostname: '127.0.0.1', port, path: `/${Bucket}/${key}`, query: {}, headers: { host: `127.0.0.1:${port}`, 'x-amz-content-sha256': payloadHash, ...extra } },
      { signingDate: date },
    );
    const auth = String(req.headers.authorization);
    const amzDate = String(req.headers['x-amz-date']);
    return {
      headers: req.headers as Record<string, string>,
      seed: /Signature=([0-9a-f]{64})/.exec(auth)![1]!,
      amzDate,
      scope: `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`,
      key: ['us-east-1', 's3', 'aws4_request'].reduce((k, p) => createHmac('sha256', k).update(p).digest(), createHmac('sha256', `AWS4${t.credentials.secretAccessKey}`).update(amzDate.slice(0, 8)).digest()),
    };
  }

  function send(key: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'PUT', path: `/${Bucket}/${key}`, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const read = async (key: string, range?: string) => Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket, Key: key, Range: range }))).Body!.transformToByteArray());

  it('streams a large aws-chunked upload (CRC32 trailer) into place and streams it back, whole and by range', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'big/streamed', Body: Readable.from([data.subarray(0, 1_000_000), data.subarray(1_000_000)]), ContentLength: data.length }));
    assert.equal(put.ETag, md5Etag(data));
    assert.equal(put.ChecksumCRC32, crc32Of(data));
    assert.ok((await read('big/streamed')).equals(data));
    assert.ok((await read('big/streamed', 'bytes=1000000-2999999')).equals(data.subarray(1_000_000, 3_000_000)));
    assert.ok((await read('big/streamed', 'bytes=-10')).equals(data.subarray(data.length - 10)));
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket, Key: 'big/streamed' }))).ContentLength, data.length);
    assert.deepEqual(tmpFiles(), []);
  });

  it('drops a body whose signed SHA-256 or CRC32 does not match: the old object stays, no temp file is left', async () => {
    const old = randomBytes(200_000);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'big/kept', Body: old }));
    const body = randomBytes(300_000);
    const wrongHash = await signed('big/kept', sha256Hex('something else'));
    const res = await send('big/kept', wrongHash.headers, body);
    assert.equal(res.status, 400);
    assert.match(res.text, /<Code>XAmzContentSHA256Mismatch<\/Code>/);
    const wrongCrc = await signed('big/kept', sha256Hex(body), { 'x-amz-checksum-crc32': crc32Of(old) });
    const res2 = await send('big/kept', wrongCrc.headers, body);
    assert.equal(res2.status, 400);
    assert.match(res2.text, /<Code>BadDigest<\/Code>/);
    assert.ok((await read('big/kept')).equals(old));
    assert.deepEqual(tmpFiles(), []);
    const good = await signed('big/kept', sha256Hex(body), { 'x-amz-checksum-crc32': crc32Of(body) });
    assert.equal((await send('big/kept', good.headers, body)).status, 200);
    assert.ok((await read('big/kept')).equals(body));
  });

  /** `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]` framing, each chunk signed over the previous signature. */
  function signedChunks(s: Awaited<ReturnType<typeof signed>>, data: Buffer, chunkSize: number, trailer?: string) {
    const sign = (lines: string[]) => createHmac('sha256', s.key).update(lines.join('\n')).digest('hex');
    const parts: Buffer[] = [];
    let previous = s.seed;
    for (let at = 0; ; at += chunkSize) {
      const chunk = data.subarray(at, Math.min(at + chunkSize, data.length));
      const signature = sign(['AWS4-HMAC-SHA256-PAYLOAD', s.amzDate, s.scope, previous, EMPTY_SHA256, sha256Hex(chunk)]);
      previous = signature;
      parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${signature}\r\n`), chunk, Buffer.from(chunk.length ? '\r\n' : ''));
      if (!chunk.length) break;
    }
    if (trailer === undefined) parts.push(Buffer.from('\r\n'));
    else {
      const signature = sign(['AWS4-HMAC-SHA256-TRAILER', s.amzDate, s.scope, previous, sha256Hex(`${trailer}\n`)]);
      parts.push(Buffer.from(`${trailer}\r\nx-amz-trailer-signature:${signature}\r\n\r\n`));
    }
    return Buffer.concat(parts);
  }

  it('checks every chunk signature of STREAMING-AWS4-HMAC-SHA256-PAYLOAD bodies, and the trailer signature', async () => {
    const data = randomBytes(200_000);
    const headers = { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': String(data.length) };
    const plain = await signed('chunked/plain', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', headers);
    assert.equal((await send('chunked/plain', plain.headers, signedChunks(plain, data, 65536))).status, 200);
    assert.ok((await read('chunked/plain')).equals(data));

    const tampered = await signed('chunked/tampered', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', headers);
    const wire = signedChunks(tampered, data, 65536);
    const second = wire.indexOf('\r\n', wire.indexOf('\r\n') + 2) + 200; // a byte of the second chunk
    wire[second] = wire[second]! ^ 1;
    const refused = await send('chunked/tampered', tampered.headers, wire);
    assert.equal(refused.status, 403);
    assert.match(refused.text, /<Code>SignatureDoesNotMatch<\/Code>/);

    const trailerHeaders = { ...headers, 'x-amz-trailer': 'x-amz-checksum-crc32' };
    const withTrailer = await signed('chunked/trailer', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', trailerHeaders);
    const ok = await send('chunked/trailer', withTrailer.headers, signedChunks(withTrailer, data, 100_000, `x-amz-checksum-crc32:${crc32Of(data)}`));
    assert.equal(ok.status, 200, ok.text);
    const forged = await signed('chunked/forged', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', trailerHeaders);
    const forgedWire = Buffer.from(signedChunks(forged, data, 100_000, `x-amz-checksum-crc32:${crc32Of(data)}`).toString('latin1').replace(/x-amz-trailer-signature:[0-9a-f]{8}/, 'x-amz-trailer-signature:00000000'), 'latin1');
    assert.equal((await send('chunked/forged', forged.headers, forgedWire)).status, 403);
    assert.equal(await s3.send(new HeadObjectCommand({ Bucket, Key: 'chunked/tampered' })).catch((e: Error) => e.name), 'NotFound');
    assert.equal(await s3.send(new HeadObjectCommand({ Bucket, Key: 'chunked/forged' })).catch((e: Error) => e.name), 'NotFound');
    assert.deepEqual(tmpFiles(), []);
  });

  it('leaves no object and no temp file when the client goes away mid-upload', async () => {
    const s = await signed('gone/away', 'UNSIGNED-PAYLOAD');
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, method: 'PUT', path: `/${Bucket}/gone/away`, headers: { ...s.headers, 'content-length': String(4 * 1024 * 1024) } });
      req.on('error', () => resolve());
      req.write(randomBytes(512 * 1024), () => setTimeout(() => req.destroy(), 50));
    });
    for (let i = 0; i < 50 && tmpFiles().length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(tmpFiles(), []);
    assert.equal(await s3.send(new HeadObjectCommand({ Bucket, Key: 'gone/away' })).catch((e: Error) => e.name), 'NotFound');
  });

  it('serves the SDK in-process (InProcessHandler): streamed upload and download, small and large', async () => {
    const local = new S3Client({ region: 'us-east-1', forcePathStyle: true, credentials: t.credentials, endpoint: 'http://sandlot.local', requestHandler: new InProcessHandler(t.cloud.router) });
    const big = randomBytes(5 * 1024 * 1024);
    assert.equal((await local.send(new PutObjectCommand({ Bucket, Key: 'inproc/big', Body: Readable.from([big]), ContentLength: big.length }))).ETag, md5Etag(big));
    assert.equal((await local.send(new PutObjectCommand({ Bucket, Key: 'inproc/small', Body: 'tiny' }))).ETag, md5Etag(Buffer.from('tiny')));
    const got = await local.send(new GetObjectCommand({ Bucket, Key: 'inproc/big' }));
    assert.equal(got.ContentLength, big.length);
    assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(big));
    assert.equal(await (await local.send(new GetObjectCommand({ Bucket, Key: 'inproc/small' }))).Body!.transformToString(), 'tiny');
    assert.ok((await read('inproc/big')).equals(big));
    local.destroy();
  });

  it('lets a process that uploaded in-process exit by itself (the MD5 workers do not hold it)', () => {
    const script = join(t.dir, 'upload-and-exit.mts');
    const src = (f: string) => JSON.stringify(fileURLToPath(new URL(f, import.meta.url)));
    writeFileSync(script, `
      const { S3Client, CreateBucketCommand, PutObjectCommand } = await import(${JSON.stringify(import.meta.resolve('@aws-sdk/client-s3'))});
      const { createCloud } = await import(${src('../createCloud.ts')});
      const { InProcessHandler } = await import(${src('../http/inProcessHandler.ts')});
      const cloud = createCloud({ databaseFile: ${JSON.stringify(join(t.dir, 'exit.db'))}, masterKey: Buffer.alloc(32, 1), services: ['s3'] });
      const s3 = new S3Client({ region: 'us-east-1', forcePathStyle: true, endpoint: 'http://sandlot.local', credentials: cloud.services.rootCredentials, requestHandler: new InProcessHandler(cloud.router) });
      await s3.send(new CreateBucketCommand({ Bucket: 'exit-bucket' }));
      const out = await s3.send(new PutObjectCommand({ Bucket: 'exit-bucket', Key: 'big', Body: Buffer.alloc(3 * 1024 * 1024, 1) }));
      console.log(out.ETag);
      cloud.close();
    `);
    // tsx resolves from the repository, where the test runs.
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: fileURLToPath(new URL('../../../..', import.meta.url)), encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.signal, null, 'the process exits on its own');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), md5Etag(Buffer.alloc(3 * 1024 * 1024, 1)));
  });
});
