import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  S3Client, PutObjectCommand, GetObjectCommand, ListObjectsV2Command, DeleteObjectsCommand, CopyObjectCommand,
  ListBucketsCommand, CreateBucketCommand, DeleteObjectCommand,
} from '@aws-sdk/client-s3';
import { CognitoIdentityClient, GetIdCommand, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, errorName, setUpPools } from '../cognito/testing/amplifyPools.js';
import { applyStorageConfig, type StorageConfig } from './index.js';

const Bucket = 'rules-bucket';
// `defineStorage` form (`{entity_id}`, `read`): the same object the sandbox writes to the outputs.
const config: StorageConfig = {
  buckets: [{
    name: 'rules',
    bucketName: Bucket,
    isDefault: true,
    paths: {
      'media/*': { guest: ['read'], authenticated: ['read', 'write', 'delete'] },
      'media/secret/*': { authenticated: ['read'] },
      'private/{entity_id}/*': { entityidentity: ['read', 'write', 'delete'] },
    },
  }],
};

describe('defineStorage rules on S3 requests signed with identity-pool keys', () => {
  let t: TestCloud;
  let admin: S3Client;
  let guest: S3Client;
  let ann: { s3: S3Client; id: string };
  let bob: { s3: S3Client; id: string };

  const client = (c: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string }) =>
    new S3Client({ endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken } });

  before(async () => {
    t = await startTestCloud();
    setUpPools(t);
    applyStorageConfig(t.cloud.services, config);
    admin = new S3Client({ endpoint: t.url, region: 'us-east-1', forcePathStyle: true, credentials: t.credentials });
    const identity = new CognitoIdentityClient({ endpoint: t.url, region: 'us-east-1' });
    const idp = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });
    const g = await identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID }));
    guest = client((await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: g.IdentityId }))).Credentials!);
    const user = async (email: string) => {
      await idp.send(new AdminCreateUserCommand({ UserPoolId: USER_POOL_ID, Username: email, MessageAction: 'SUPPRESS' }));
      await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: USER_POOL_ID, Username: email, Password: 'Passw0rd!', Permanent: true }));
      const auth = await idp.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: 'Passw0rd!' } }));
      const Logins = { [`cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`]: auth.AuthenticationResult!.IdToken! };
      const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins }));
      return { s3: client((await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }))).Credentials!), id: IdentityId! };
    };
    ann = await user('ann@example.com');
    bob = await user('bob@example.com');
    for (const Key of ['media/a.txt', 'media/secret/s.txt', `private/${bob.id}/b.txt`]) await admin.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
  });
  after(async () => {
    for (const c of [admin, guest, ann.s3, bob.s3]) c.destroy();
    await t.close();
  });

  it('lets guests read only what they are granted, and denies nested paths by default', async () => {
    assert.equal(await (await guest.send(new GetObjectCommand({ Bucket, Key: 'media/a.txt' }))).Body!.transformToString(), 'media/a.txt');
    assert.equal((await guest.send(new ListObjectsV2Command({ Bucket, Prefix: 'media/' }))).KeyCount, 2);
    assert.equal(await errorName(guest.send(new GetObjectCommand({ Bucket, Key: 'media/secret/s.txt' }))), 'AccessDenied');
    assert.equal(await errorName(guest.send(new ListObjectsV2Command({ Bucket, Prefix: 'media/secret/' }))), 'AccessDenied');
    assert.equal(await errorName(guest.send(new ListObjectsV2Command({ Bucket, Prefix: 'med' }))), 'AccessDenied');
    assert.equal(await errorName(guest.send(new ListObjectsV2Command({ Bucket }))), 'AccessDenied');
    assert.equal(await errorName(guest.send(new PutObjectCommand({ Bucket, Key: 'media/g.txt', Body: 'x' }))), 'AccessDenied');
    assert.equal(await errorName(guest.send(new DeleteObjectCommand({ Bucket, Key: 'media/a.txt' }))), 'AccessDenied');
  });

  it('scopes {entity_id} paths to the caller\'s identity and nested grants to what they list', async () => {
    await ann.s3.send(new PutObjectCommand({ Bucket, Key: `private/${ann.id}/mine.txt`, Body: 'ann' }));
    assert.equal((await ann.s3.send(new ListObjectsV2Command({ Bucket, Prefix: `private/${ann.id}/` }))).KeyCount, 1);
    assert.equal(await errorName(ann.s3.send(new GetObjectCommand({ Bucket, Key: `private/${bob.id}/b.txt` }))), 'AccessDenied');
    assert.equal(await errorName(ann.s3.send(new PutObjectCommand({ Bucket, Key: `private/${bob.id}/x.txt`, Body: 'x' }))), 'AccessDenied');
    assert.equal(await errorName(ann.s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'private/' }))), 'AccessDenied');
    assert.equal(await (await ann.s3.send(new GetObjectCommand({ Bucket, Key: 'media/secret/s.txt' }))).Body!.transformToString(), 'media/secret/s.txt');
    assert.equal(await errorName(ann.s3.send(new PutObjectCommand({ Bucket, Key: 'media/secret/w.txt', Body: 'x' }))), 'AccessDenied', 'write on media/* does not reach media/secret/*');
  });

  it('checks DeleteObjects key by key and copy as read source + write destination', async () => {
    await ann.s3.send(new PutObjectCommand({ Bucket, Key: 'media/ann.txt', Body: 'x' }));
    const out = await ann.s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'media/ann.txt' }, { Key: `private/${bob.id}/b.txt` }] } }));
    assert.deepEqual(out.Deleted?.map((d) => d.Key), ['media/ann.txt']);
    assert.deepEqual(out.Errors?.map((e) => [e.Key, e.Code]), [[`private/${bob.id}/b.txt`, 'AccessDenied']]);
    await ann.s3.send(new CopyObjectCommand({ Bucket, Key: `private/${ann.id}/copy.txt`, CopySource: `${Bucket}/media/secret/s.txt` }));
    assert.equal(await errorName(ann.s3.send(new CopyObjectCommand({ Bucket, Key: `private/${ann.id}/stolen.txt`, CopySource: `${Bucket}/private/${bob.id}/b.txt` }))), 'AccessDenied');
    assert.equal(await errorName(ann.s3.send(new CopyObjectCommand({ Bucket, Key: 'media/secret/c.txt', CopySource: `${Bucket}/media/a.txt` }))), 'AccessDenied');
  });

  it('keeps bucket administration and unconfigured buckets to the root keys', async () => {
    await admin.send(new CreateBucketCommand({ Bucket: 'plain-bucket' }));
    assert.equal(await errorName(ann.s3.send(new ListBucketsCommand({}))), 'AccessDenied');
    assert.equal(await errorName(ann.s3.send(new CreateBucketCommand({ Bucket: 'mine-bucket' }))), 'AccessDenied');
    assert.equal(await errorName(ann.s3.send(new PutObjectCommand({ Bucket: 'plain-bucket', Key: 'media/a.txt', Body: 'x' }))), 'AccessDenied');
  });

  it('applies the config again idempotently (objects kept) and drops rules of removed buckets', async () => {
    applyStorageConfig(t.cloud.services, config);
    assert.equal((await admin.send(new ListObjectsV2Command({ Bucket, Prefix: 'media/' }))).KeyCount, 2);
    applyStorageConfig(t.cloud.services, { buckets: [] });
    assert.equal(await errorName(guest.send(new GetObjectCommand({ Bucket, Key: 'media/a.txt' }))), 'AccessDenied');
    assert.equal((await admin.send(new ListObjectsV2Command({ Bucket, Prefix: 'media/' }))).KeyCount, 2);
    applyStorageConfig(t.cloud.services, config);
    assert.equal(await (await guest.send(new GetObjectCommand({ Bucket, Key: 'media/a.txt' }))).Body!.transformToString(), 'media/a.txt');
    assert.throws(() => applyStorageConfig(t.cloud.services, { buckets: [{ name: 'x', bucketName: 'Bad_Name', paths: {} }] }), /not a valid S3 bucket name/);
    assert.throws(() => applyStorageConfig(t.cloud.services, { buckets: [{ name: 'x', bucketName: 'ok-bucket', paths: { 'a/*': { someone: ['get'] } as never } }] }), /unknown rule key/);
    assert.throws(() => applyStorageConfig(t.cloud.services, { buckets: [{ name: 'x', bucketName: 'ok-bucket', paths: { 'a/*': { guest: ['fly'] } as never } }] }), /must list actions/);
    assert.throws(() => applyStorageConfig(t.cloud.services, { buckets: [{ name: 'x', bucketName: 'ok-one', paths: {} }, { name: 'y', bucketName: 'ok-two', paths: {} }] }), /Exactly one storage bucket must be isDefault/);
  });
});
