import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Amplify } from 'aws-amplify';
import { signIn, signOut, fetchAuthSession } from 'aws-amplify/auth';
import { uploadData, downloadData, list, getUrl, getProperties, copy, remove } from 'aws-amplify/storage';
import { CognitoIdentityProviderClient, AdminCreateUserCommand, AdminSetUserPasswordCommand, AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { install } from '../../../cli/src/register/install.js';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID, errorName, setUpPools } from '../cognito/testing/amplifyPools.js';
import { applyStorageConfig, type StorageBucketConfig } from './index.js';

// The real aws-amplify 6.22.1 storage with NO endpoint settings: the `sandlot/register` preload's fetch wrapper
// sends https://<bucket>.s3.us-east-1.amazonaws.com/… to the local cloud with x-forwarded-host (wire-spec §1.3 C).
// The preload also installs a FileReader: storage's multipart upload needs one and Node has none (wire-spec §8.6).
const bucket: StorageBucketConfig = {
  name: 'myStorage',
  bucketName: 'amplify-docsapp-sandbox-mystorage-abc123',
  isDefault: true,
  paths: {
    'pictures/*': { authenticated: ['get', 'list', 'write', 'delete'], guest: ['get', 'list'] },
    'private/${cognito-identity.amazonaws.com:sub}/*': { entityidentity: ['get', 'list', 'write', 'delete'] },
    'admin/*': { groupsADMINS: ['get', 'list', 'write', 'delete'] },
  },
};
const password = 'Passw0rd!';

describe('aws-amplify storage against the local S3 (identity-pool keys, defineStorage rules)', () => {
  let t: TestCloud;
  let uninstall: () => void;

  before(async () => {
    t = await startTestCloud();
    setUpPools(t);
    applyStorageConfig(t.cloud.services, { buckets: [bucket] });
    const idp = new CognitoIdentityProviderClient({ endpoint: t.url, region: 'us-east-1', credentials: t.credentials });
    for (const u of ['ann@example.com', 'bob@example.com']) {
      await idp.send(new AdminCreateUserCommand({ UserPoolId: USER_POOL_ID, Username: u, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: u }] }));
      await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: USER_POOL_ID, Username: u, Password: password, Permanent: true }));
    }
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: USER_POOL_ID, Username: 'bob@example.com', GroupName: 'ADMINS' }));
    idp.destroy();
    uninstall = install({ endpoint: t.url });
    Amplify.configure({
      Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: IDENTITY_POOL_ID, allowGuestAccess: true, loginWith: { email: true } } },
      Storage: { S3: { bucket: bucket.bucketName, region: 'us-east-1', buckets: { myStorage: { bucketName: bucket.bucketName, region: 'us-east-1', paths: bucket.paths } } } },
    });
  });
  after(async () => {
    await signOut().catch(() => undefined);
    uninstall();
    await t.close();
  });

  it('runs the docs storage seed flow: sign in, upload to pictures/, list pictures/', async () => {
    await signIn({ username: 'ann@example.com', password });
    const path = `pictures/${Math.random().toString()}`;
    const content = 'My first content created by ann@example.com';
    const up = await uploadData({ data: content, path }).result;
    assert.equal(up.path, path);
    assert.equal(up.eTag, `"${createHash('md5').update(content).digest('hex')}"`);
    const { items } = await list({ path: 'pictures/', options: { pageSize: 1000 } });
    assert.deepEqual(items.map((i) => i.path), [path]);
    assert.equal(items[0]!.size, Buffer.byteLength(content));
  });

  it('uploads 20 MiB (multipart) to the caller\'s {entity_id} path, downloads it whole and by range, reads properties', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE(i, i);
    const identityId = (await fetchAuthSession()).identityId!;
    const path = `private/${identityId}/big.bin`;
    const up = await uploadData({ data: big, path: ({ identityId: id }) => `private/${id}/big.bin`, options: { contentType: 'application/x-test', metadata: { kind: 'big' } } }).result;
    assert.equal(up.path, path);
    assert.match(up.eTag!, /-4"$/, 'a multipart ETag: 4 parts of 5 MiB');
    const whole = await (await downloadData({ path }).result).body.blob();
    assert.equal(whole.size, big.length);
    assert.ok(Buffer.from(await whole.arrayBuffer()).equals(big));
    const part = await downloadData({ path, options: { bytesRange: { start: 8192, end: 8199 } } }).result;
    assert.deepEqual([...new Uint8Array(await (await part.body.blob()).arrayBuffer())], [0, 0, 32, 0, 0, 0, 0, 0]);
    const props = await getProperties({ path });
    assert.deepEqual([props.size, props.contentType, props.metadata], [big.length, 'application/x-test', { kind: 'big' }]);
  });

  it('lists with paging and excluded sub-paths', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await uploadData({ data: name, path: `pictures/page/${name}.txt` }).result;
    await uploadData({ data: 'deep', path: 'pictures/page/sub/deep.txt' }).result;
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await list({ path: 'pictures/page/', options: { pageSize: 2, nextToken } });
      seen.push(...page.items.map((i) => i.path));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ['pictures/page/a.txt', 'pictures/page/b.txt', 'pictures/page/c.txt', 'pictures/page/d.txt', 'pictures/page/e.txt', 'pictures/page/sub/deep.txt']);
    const shallow = await list({ path: 'pictures/page/', options: { listAll: true, subpathStrategy: { strategy: 'exclude' } } });
    assert.equal(shallow.items.length, 5);
    assert.deepEqual(shallow.excludedSubpaths, ['pictures/page/sub/']);
  });

  it('gives getUrl links that plain fetch downloads, copies, and removes files and folders', async () => {
    const { url } = await getUrl({ path: 'pictures/page/a.txt', options: { validateObjectExistence: true, expiresIn: 300 } });
    assert.match(url.host, /^amplify-docsapp-sandbox-mystorage-abc123\.s3\.us-east-1\.amazonaws\.com$/);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'a');
    assert.equal(await errorName(getUrl({ path: 'pictures/page/missing.txt', options: { validateObjectExistence: true } })), 'NotFound');
    await copy({ source: { path: 'pictures/page/a.txt' }, destination: { path: 'pictures/page/copy.txt' } });
    assert.equal(await (await downloadData({ path: 'pictures/page/copy.txt' }).result).body.text(), 'a');
    await remove({ path: 'pictures/page/copy.txt' });
    assert.equal(await errorName(getProperties({ path: 'pictures/page/copy.txt' })), 'NotFound');
    await remove({ path: 'pictures/page/sub/' });
    assert.equal((await list({ path: 'pictures/page/sub/' })).items.length, 0);
  });

  it("refuses another identity's {entity_id} path, a guest's writes, and non-members' group paths", async () => {
    const annId = (await fetchAuthSession()).identityId!;
    assert.equal(await errorName(uploadData({ data: 'x', path: 'admin/ann.txt' }).result), 'AccessDenied', 'ann is not in ADMINS');
    await signOut();

    await signIn({ username: 'bob@example.com', password });
    const bobId = (await fetchAuthSession()).identityId!;
    assert.notEqual(bobId, annId);
    assert.equal(await errorName(downloadData({ path: `private/${annId}/big.bin` }).result), 'AccessDenied');
    assert.equal(await errorName(list({ path: `private/${annId}/` })), 'AccessDenied');
    assert.equal(await errorName(remove({ path: `private/${annId}/big.bin` }).result), 'AccessDenied');
    await uploadData({ data: 'for admins', path: 'admin/note.txt' }).result;
    await uploadData({ data: 'mine', path: ({ identityId }) => `private/${identityId}/mine.txt` }).result;
    await signOut();

    // Guests (identity-pool unauthenticated keys) may read pictures/ but not write there or anywhere else.
    assert.equal(await (await downloadData({ path: 'pictures/page/b.txt' }).result).body.text(), 'b');
    assert.equal(await errorName(uploadData({ data: 'x', path: 'pictures/guest.txt' }).result), 'AccessDenied');
    assert.equal(await errorName(downloadData({ path: 'admin/note.txt' }).result), 'AccessDenied');
    assert.equal(await errorName(list({ path: 'private/' })), 'AccessDenied');
  });
});
