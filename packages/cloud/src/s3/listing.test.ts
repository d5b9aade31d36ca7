import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { S3Client, CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { createCloud } from '../createCloud.js';
import { errorName } from '../cognito/testing/amplifyPools.js';
import { prefixSuccessor } from './listing.js';

const Bucket = 'big-bucket';
const N = 100_000;

describe('ListObjectsV2 over 100k objects, and what a crash leaves behind', () => {
  let t: TestCloud;
  let s3: S3Client;

  before(async () => {
    t = await startTestCloud();
    s3 = new S3Client({ endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: t.credentials });
    await s3.send(new CreateBucketCommand({ Bucket }));
    // One real body shared by 100k rows written through the store (100k PUTs would time the disk, not the listing).
    const { objects, db, clock } = t.cloud.services;
    const blob = await objects.blobs.write([Buffer.from('x')]);
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const key = `user-${String(i % 1000).padStart(4, '0')}/photo-${String(i).padStart(6, '0')}.jpg`;
        objects.putObject({ bucket: Bucket, key, size: 1, etag: '"9dd4e461268c8034f5c8564e155c67a6"', modified: clock.now(), blob: blob.id, headers: {}, metadata: {} });
      }
    })();
  });
  after(async () => {
    s3.destroy();
    await t.close();
  });

  it('pages through all 100k keys in order (speed is measured by bench/storage)', async () => {
    let token: string | undefined;
    let count = 0;
    let last = '';
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken: token }));
      for (const c of page.Contents ?? []) {
        assert.ok(c.Key! > last, 'keys come in order, never twice');
        last = c.Key!;
      }
      count += page.KeyCount!;
      token = page.NextContinuationToken;
    } while (token);
    assert.equal(count, N);
  });

  it('rolls 100k keys up into 1000 common prefixes, and lists one deep prefix', async () => {
    const prefixes: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', ContinuationToken: token, MaxKeys: 300 }));
      prefixes.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
      assert.equal(page.Contents, undefined);
      token = page.NextContinuationToken;
    } while (token);
    assert.equal(prefixes.length, 1000);
    assert.equal(new Set(prefixes).size, 1000);
    const one = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'user-0042/' }));
    assert.equal(one.KeyCount, 100);
    assert.ok(one.Contents!.every((c) => c.Key!.startsWith('user-0042/')));
  });

  it('computes the key just past a prefix', () => {
    assert.equal(prefixSuccessor('a/'), 'a0');
    assert.equal(prefixSuccessor('x|'), 'x}');
    assert.equal(prefixSuccessor('p😀'), 'p😁');
  });

  it('shows no partial object after a crash mid-upload, and sweeps the half-written body at start', async () => {
    const dir = join(t.dir, 'crash');
    const cloud = createCloud({ databaseFile: join(dir, 'sandbox.db'), masterKey: Buffer.alloc(32, 7) });
    const server = await cloud.listen(0);
    const client = new S3Client({ endpoint: server.url, region: 'us-east-1', forcePathStyle: true, credentials: cloud.services.rootCredentials });
    await client.send(new CreateBucketCommand({ Bucket: 'crash-bucket' }));
    await client.send(new PutObjectCommand({ Bucket: 'crash-bucket', Key: 'kept', Body: 'committed' })); // small: a database row
    await client.send(new PutObjectCommand({ Bucket: 'crash-bucket', Key: 'kept-big', Body: Buffer.alloc(100_000, 5) })); // large: a file
    // What a crash between "body written" and "row committed" leaves: a body in tmp/, no row.
    mkdirSync(join(dir, 'objects', 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'objects', 'tmp', 'deadbeef'), 'half written');
    client.destroy();
    await server.close();
    cloud.close();

    const again = createCloud({ databaseFile: join(dir, 'sandbox.db'), masterKey: Buffer.alloc(32, 7) });
    const server2 = await again.listen(0);
    const c2 = new S3Client({ endpoint: server2.url, region: 'us-east-1', forcePathStyle: true, credentials: again.services.rootCredentials });
    assert.equal(await (await c2.send(new GetObjectCommand({ Bucket: 'crash-bucket', Key: 'kept' }))).Body!.transformToString(), 'committed');
    assert.equal((await (await c2.send(new GetObjectCommand({ Bucket: 'crash-bucket', Key: 'kept-big' }))).Body!.transformToByteArray()).length, 100_000);
    assert.equal((await c2.send(new ListObjectsV2Command({ Bucket: 'crash-bucket' }))).KeyCount, 2);
    assert.equal(await errorName(c2.send(new GetObjectCommand({ Bucket: 'crash-bucket', Key: 'deadbeef' }))), 'NoSuchKey');
    assert.equal(existsSync(join(dir, 'objects', 'tmp', 'deadbeef')), false, 'the half-written body is swept');
    assert.equal(readdirSync(join(dir, 'objects', 'blobs')).length, 1);
    c2.destroy();
    await server2.close();
    again.close();
  });
});
