import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  S3Client, CreateBucketCommand, HeadBucketCommand, ListBucketsCommand, DeleteBucketCommand, GetBucketLocationCommand,
  PutObjectCommand, GetObjectCommand, HeadObjectCommand, DeleteObjectCommand, DeleteObjectsCommand, CopyObjectCommand,
  ListObjectsV2Command, CreateMultipartUploadCommand, UploadPartCommand, CompleteMultipartUploadCommand,
  AbortMultipartUploadCommand, ListPartsCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { localS3Url } from './index.js';

const errorOf = async (p: Promise<unknown>): Promise<{ name: string; status?: number }> => {
  try {
    await p;
  } catch (e) {
    return { name: (e as Error).name, status: (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode };
  }
  return { name: 'no error' };
};

describe('S3 through @aws-sdk/client-s3 (path style, root keys)', () => {
  let t: TestCloud;
  let s3: S3Client;
  const Bucket = 'sdk-bucket';

  before(async () => {
    t = await startTestCloud();
    s3 = new S3Client({ endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: t.credentials });
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  after(async () => {
    s3.destroy();
    await t.close();
  });

  it('creates, heads, lists, locates and deletes buckets; refuses bad names and non-empty deletes', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'other-bucket' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'other-bucket' })); // us-east-1: re-creating your own bucket is a 200
    assert.equal((await s3.send(new HeadBucketCommand({ Bucket: 'other-bucket' }))).BucketRegion, 'us-east-1');
    const names = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
    assert.deepEqual(names, ['other-bucket', Bucket]);
    assert.equal((await s3.send(new GetBucketLocationCommand({ Bucket }))).LocationConstraint, undefined);
    assert.equal((await errorOf(s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })))).name, 'InvalidBucketName');
    await s3.send(new PutObjectCommand({ Bucket: 'other-bucket', Key: 'x', Body: 'x' }));
    assert.equal((await errorOf(s3.send(new DeleteBucketCommand({ Bucket: 'other-bucket' })))).name, 'BucketNotEmpty');
    await s3.send(new DeleteObjectCommand({ Bucket: 'other-bucket', Key: 'x' }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'other-bucket' }));
    assert.deepEqual(await errorOf(s3.send(new HeadBucketCommand({ Bucket: 'other-bucket' }))), { name: 'NotFound', status: 404 });
    assert.equal((await errorOf(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'a' })))).name, 'NoSuchBucket');
  });

  it('puts and gets an object with its metadata, ETag = MD5, ranges and conditionals', async () => {
    const body = 'hello, local cloud';
    const put = await s3.send(new PutObjectCommand({
      Bucket, Key: 'docs/hello world+ü.txt', Body: body, ContentType: 'text/plain', Metadata: { owner: 'ann' },
      CacheControl: 'max-age=60', ContentDisposition: 'inline', ContentLanguage: 'en',
    }));
    assert.equal(put.ETag, `"${createHash('md5').update(body).digest('hex')}"`);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt' }));
    assert.equal(await got.Body!.transformToString(), body);
    assert.deepEqual(
      { type: got.ContentType, len: got.ContentLength, etag: got.ETag, meta: got.Metadata, cc: got.CacheControl, cd: got.ContentDisposition, cl: got.ContentLanguage },
      { type: 'text/plain', len: body.length, etag: put.ETag, meta: { owner: 'ann' }, cc: 'max-age=60', cd: 'inline', cl: 'en' },
    );
    assert.ok(got.LastModified instanceof Date);
    const range = await s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt', Range: 'bytes=7-11' }));
    assert.equal(await range.Body!.transformToString(), 'local');
    assert.equal(range.ContentRange, `bytes 7-11/${body.length}`);
    const tail = await s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt', Range: 'bytes=-5' }));
    assert.equal(await tail.Body!.transformToString(), 'cloud');
    assert.equal((await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt', Range: 'bytes=100-' })))).name, 'InvalidRange');
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt' }));
    assert.equal(head.ContentLength, body.length);
    assert.equal(head.Metadata?.owner, 'ann');
    const overridden = await s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt', ResponseContentType: 'application/json' }));
    assert.equal(overridden.ContentType, 'application/json');
    assert.deepEqual(await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt', IfNoneMatch: put.ETag }))), { name: 'Unknown', status: 304 });
    assert.equal((await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt', IfMatch: '"nope"' })))).name, 'PreconditionFailed');
    assert.equal((await errorOf(s3.send(new PutObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt', Body: 'x', IfNoneMatch: '*' })))).name, 'PreconditionFailed');
    assert.equal((await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'docs/missing' })))).name, 'NoSuchKey');
    assert.deepEqual(await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key: 'docs/missing' }))), { name: 'NotFound', status: 404 });
  });

  it('checks Content-MD5 and the body hash, and refuses over-long keys', async () => {
    const wrongMd5 = createHash('md5').update('other').digest('base64');
    assert.equal((await errorOf(s3.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'data', ContentMD5: wrongMd5 })))).name, 'BadDigest');
    assert.equal((await errorOf(s3.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'data', ContentMD5: 'abc' })))).name, 'InvalidDigest');
    await s3.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'data', ContentMD5: createHash('md5').update('data').digest('base64') }));
    assert.equal((await errorOf(s3.send(new PutObjectCommand({ Bucket, Key: 'k'.repeat(1025), Body: 'x' })))).name, 'KeyTooLongError');
    const res = await fetch(`${t.url}/${Bucket}/raw`, { method: 'PUT', body: 'x' });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /<Code>AccessDenied<\/Code>/);
  });

  it('copies (metadata kept or replaced) and deletes one and many', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'copy/src', Body: 'source', ContentType: 'text/x-src', Metadata: { a: '1' } }));
    const copied = await s3.send(new CopyObjectCommand({ Bucket, Key: 'copy/dst', CopySource: `${Bucket}/copy/src` }));
    assert.equal(copied.CopyObjectResult?.ETag, `"${createHash('md5').update('source').digest('hex')}"`);
    const dst = await s3.send(new HeadObjectCommand({ Bucket, Key: 'copy/dst' }));
    assert.deepEqual([dst.ContentType, dst.Metadata], ['text/x-src', { a: '1' }]);
    await s3.send(new CopyObjectCommand({ Bucket, Key: 'copy/dst2', CopySource: `${Bucket}/copy/src`, MetadataDirective: 'REPLACE', ContentType: 'text/plain', Metadata: { b: '2' } }));
    const dst2 = await s3.send(new HeadObjectCommand({ Bucket, Key: 'copy/dst2' }));
    assert.deepEqual([dst2.ContentType, dst2.Metadata], ['text/plain', { b: '2' }]);
    assert.equal((await errorOf(s3.send(new CopyObjectCommand({ Bucket, Key: 'copy/src', CopySource: `${Bucket}/copy/src` })))).name, 'InvalidRequest');
    assert.equal((await errorOf(s3.send(new CopyObjectCommand({ Bucket, Key: 'copy/x', CopySource: `${Bucket}/copy/none` })))).name, 'NoSuchKey');

    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'copy/dst2' }));
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'copy/never-existed' }));
    const many = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'copy/src' }, { Key: 'copy/dst' }, { Key: 'copy/none' }] } }));
    assert.deepEqual(many.Deleted?.map((d) => d.Key), ['copy/src', 'copy/dst', 'copy/none']);
    const left = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'copy/' }));
    assert.equal(left.KeyCount, 0);
  });

  it('lists with prefix, delimiter, max-keys, continuation tokens, start-after and url encoding', async () => {
    const keys = ['list/a/1', 'list/a/2', 'list/b/1', 'list/c', 'list/d', 'list/e e', 'list/f/x/y', 'list0', 'lisz'];
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
    const flat = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/' }));
    assert.deepEqual(flat.Contents?.map((c) => c.Key), keys.slice(0, 7));
    assert.equal(flat.KeyCount, 7);
    assert.equal(flat.IsTruncated, false);

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/', Delimiter: '/', MaxKeys: 2, ContinuationToken: token }));
      seen.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix!), ...(page.Contents ?? []).map((c) => c.Key!));
      assert.equal(page.KeyCount, (page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0));
      assert.equal(page.IsTruncated, Boolean(page.NextContinuationToken));
      token = page.NextContinuationToken;
      pages++;
    } while (token);
    assert.deepEqual(seen.sort(), ['list/a/', 'list/b/', 'list/c', 'list/d', 'list/e e', 'list/f/'].sort());
    assert.equal(pages, 3);

    const after = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/', StartAfter: 'list/c' }));
    assert.deepEqual(after.Contents?.map((c) => c.Key), ['list/d', 'list/e e', 'list/f/x/y']);
    const encoded = await fetchListXml('');
    assert.match(encoded, /<Key>list\/e%20e<\/Key>/);
    assert.match(encoded, /<EncodingType>url<\/EncodingType>/);

    const first = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/', MaxKeys: 1 }));
    assert.equal((await errorOf(s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'other/', ContinuationToken: first.NextContinuationToken })))).name, 'InvalidArgument');
    assert.equal((await errorOf(s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken: 'garbage' })))).name, 'InvalidArgument');
    const none = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/', MaxKeys: 0 }));
    assert.equal(none.KeyCount, 0);
  });

  it('runs multipart uploads: out-of-order parts, -N ETag, ListParts, and the part rules', async () => {
    const MiB = 1024 * 1024;
    const part1 = Buffer.alloc(5 * MiB, 1);
    const part2 = Buffer.alloc(3 * MiB, 2);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'big/file.bin', ContentType: 'application/x-big', Metadata: { k: 'v' } }));
    const p2 = await s3.send(new UploadPartCommand({ Bucket, Key: 'big/file.bin', UploadId, PartNumber: 2, Body: part2 }));
    const p1 = await s3.send(new UploadPartCommand({ Bucket, Key: 'big/file.bin', UploadId, PartNumber: 1, Body: part1 }));
    const parts = await s3.send(new ListPartsCommand({ Bucket, Key: 'big/file.bin', UploadId }));
    assert.deepEqual(parts.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag]), [[1, 5 * MiB, p1.ETag], [2, 3 * MiB, p2.ETag]]);
    assert.equal((await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key: 'big/file.bin' })))).name, 'NotFound', 'nothing visible before completion');
    assert.equal((await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'big/file.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 2, ETag: p2.ETag }, { PartNumber: 1, ETag: p1.ETag }] } })))).name, 'InvalidPartOrder');
    assert.equal((await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'big/file.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"0000"' }] } })))).name, 'InvalidPart');
    assert.equal((await errorOf(s3.send(new UploadPartCommand({ Bucket, Key: 'big/file.bin', UploadId, PartNumber: 10001, Body: 'x' })))).name, 'InvalidArgument');
    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'big/file.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } }));
    const md5s = createHash('md5').update(Buffer.from(p1.ETag!.slice(1, -1), 'hex')).update(Buffer.from(p2.ETag!.slice(1, -1), 'hex')).digest('hex');
    assert.equal(done.ETag, `"${md5s}-2"`);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'big/file.bin' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    assert.equal(bytes.length, 8 * MiB);
    assert.ok(bytes.subarray(0, 5 * MiB).every((b) => b === 1) && bytes.subarray(5 * MiB).every((b) => b === 2));
    assert.deepEqual([got.ContentType, got.Metadata, got.ETag], ['application/x-big', { k: 'v' }, done.ETag]);
    assert.equal((await errorOf(s3.send(new ListPartsCommand({ Bucket, Key: 'big/file.bin', UploadId })))).name, 'NoSuchUpload');

    const small = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'big/small' }));
    const s1 = await s3.send(new UploadPartCommand({ Bucket, Key: 'big/small', UploadId: small.UploadId, PartNumber: 1, Body: 'tiny' }));
    const s2 = await s3.send(new UploadPartCommand({ Bucket, Key: 'big/small', UploadId: small.UploadId, PartNumber: 2, Body: 'tiny' }));
    assert.equal((await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'big/small', UploadId: small.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: s1.ETag }, { PartNumber: 2, ETag: s2.ETag }] } })))).name, 'EntityTooSmall');
    await s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'big/small', UploadId: small.UploadId }));
    assert.equal((await errorOf(s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'big/small', UploadId: small.UploadId })))).name, 'NoSuchUpload');
  });

  it('serves presigned GET and PUT URLs to plain fetch, and refuses tampered or expired ones', async () => {
    const put = await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: 'signed/a.txt' }), { expiresIn: 60 });
    assert.equal((await fetch(put, { method: 'PUT', body: 'presigned body' })).status, 200);
    const get = await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key: 'signed/a.txt' }), { expiresIn: 60 });
    const res = await fetch(get);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'presigned body');
    const tampered = get.replace('signed/a.txt', 'signed/b.txt');
    const bad = await fetch(tampered);
    assert.equal(bad.status, 403);
    assert.match(await bad.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
    t.cloud.services.clock.advance?.(61_000);
    const expired = await fetch(get);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /Request has expired/);
  });

  it('answers the local form of a virtual-hosted URL (for curl and browsers)', async () => {
    const vhost = new S3Client({ region: 'us-east-1', credentials: t.credentials });
    const url = await getSignedUrl(vhost, new GetObjectCommand({ Bucket, Key: 'docs/hello world+ü.txt' }), { expiresIn: 600 }); // the clock was moved 61 s on above
    assert.match(url, /^https:\/\/sdk-bucket\.s3\.us-east-1\.amazonaws\.com\//);
    const res = await fetch(localS3Url(url, t.url));
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hello, local cloud');
    vhost.destroy();
  });

  it('refuses unknown keys, wrong secrets and unsigned requests as S3 does', async () => {
    const stranger = new S3Client({ endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } });
    assert.deepEqual(await errorOf(stranger.send(new GetObjectCommand({ Bucket, Key: 'md5' }))), { name: 'InvalidAccessKeyId', status: 403 });
    const wrong = new S3Client({ endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: { ...t.credentials, secretAccessKey: 'wrong-secret' } });
    assert.deepEqual(await errorOf(wrong.send(new GetObjectCommand({ Bucket, Key: 'md5' }))), { name: 'SignatureDoesNotMatch', status: 403 });
    assert.deepEqual(await errorOf(wrong.send(new HeadObjectCommand({ Bucket, Key: 'md5' }))), { name: 'Unknown', status: 403 });
    const raw = await fetch(`${t.url}/${Bucket}/md5`);
    assert.equal(raw.status, 403);
    stranger.destroy();
    wrong.destroy();
  });

  async function fetchListXml(_query: string): Promise<string> {
    const signed = await getSignedUrl(s3, new ListObjectsV2Command({ Bucket, Prefix: 'list/', EncodingType: 'url' }), { expiresIn: 60 });
    return (await fetch(signed)).text();
  }
});
