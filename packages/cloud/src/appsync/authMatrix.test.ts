import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { richSchema, sdlOf } from './testing/schemas.js';
import { applySchema } from './testing/dataApi.js';
import { graphqlAs, identityPoolCaller, makeUser, rootIamCaller, setUpAuth, USER_POOL_ID, IDENTITY_POOL_ID, type Caller } from './testing/callers.js';
import { encodeKey } from './store.js';

/**
 * Rule kind × operation × caller, each checked against what AppSync (with the Amplify Gen 2 auth
 * transformer's resolvers) answers: `ok`, `denied` (errorType Unauthorized, "Not Authorized to access
 * <field> on type <Type>", data null), and for list `all` (sees the owner's item) or `none` (filtered out).
 */
type Outcome = 'ok' | 'denied';
type ListOutcome = 'all' | 'none' | 'denied';
interface Row { create: Outcome; get: Outcome; list: ListOutcome; update: Outcome; delete: Outcome }
const ALL_OK: Row = { create: 'ok', get: 'ok', list: 'all', update: 'ok', delete: 'ok' };
const DENIED: Row = { create: 'denied', get: 'denied', list: 'denied', update: 'denied', delete: 'denied' };
const READ_ONLY: Row = { create: 'denied', get: 'ok', list: 'all', update: 'denied', delete: 'denied' };
const OTHER_OWNER: Row = { create: 'ok', get: 'denied', list: 'none', update: 'denied', delete: 'denied' };
const OWN_AND_READ: Row = { create: 'ok', get: 'ok', list: 'all', update: 'denied', delete: 'denied' };

type CallerName = 'apiKey' | 'guest' | 'authIam' | 'rootIam' | 'owner' | 'other' | 'admin' | 'editor';

const MATRIX: Record<string, Record<CallerName, Row>> = {
  // allow.publicApiKey(), allow.guest()
  Notebook: { apiKey: ALL_OK, guest: ALL_OK, authIam: DENIED, rootIam: ALL_OK, owner: DENIED, other: DENIED, admin: DENIED, editor: DENIED },
  // allow.owner(), allow.publicApiKey().to(['read']), allow.group('Admins')
  Project: { apiKey: READ_ONLY, guest: DENIED, authIam: DENIED, rootIam: ALL_OK, owner: ALL_OK, other: OTHER_OWNER, admin: ALL_OK, editor: OTHER_OWNER },
  // allow.ownersDefinedIn('editors'), allow.groupDefinedIn('team'), allow.authenticated().to(['read'])
  Task: { apiKey: DENIED, guest: DENIED, authIam: DENIED, rootIam: ALL_OK, owner: ALL_OK, other: OWN_AND_READ, admin: OWN_AND_READ, editor: ALL_OK },
  // allow.group('Admins'), allow.authenticated('identityPool').to(['read'])
  Vault: { apiKey: DENIED, guest: DENIED, authIam: READ_ONLY, rootIam: ALL_OK, owner: DENIED, other: DENIED, admin: ALL_OK, editor: DENIED },
  // allow.owner(), allow.authenticated().to(['read']) (+ ssn: owner only, checked separately)
  Profile: { apiKey: DENIED, guest: DENIED, authIam: DENIED, rootIam: ALL_OK, owner: ALL_OK, other: OWN_AND_READ, admin: OWN_AND_READ, editor: OWN_AND_READ },
};

const FIELDS: Record<string, { input: Record<string, unknown>; select: string }> = {
  Notebook: { input: { name: 'n' }, select: 'id name' },
  Project: { input: { name: 'p' }, select: 'id name owner' },
  Task: { input: { title: 't', team: 'Editors' }, select: 'id title editors team' },
  Vault: { input: { label: 'v' }, select: 'id label' },
  Profile: { input: { name: 'me' }, select: 'id name' },
};

describe('auth rules × operations × callers match AppSync', () => {
  let t: TestCloud;
  const callers = {} as Record<CallerName, Caller>;
  let ownerValue = '';

  before(async () => {
    t = await startTestCloud({ services: ['appsync', 'cognito', 'identity'] });
    setUpAuth(t);
    applySchema(t, sdlOf(richSchema()), { default: 'userPool', userPoolId: USER_POOL_ID, identityPoolId: IDENTITY_POOL_ID });
    const owner = await makeUser(t, 'ada');
    ownerValue = `${owner.sub}::ada`;
    const authUser = await makeUser(t, 'cyd');
    Object.assign(callers, {
      apiKey: { kind: 'apiKey' },
      guest: await identityPoolCaller(t),
      authIam: await identityPoolCaller(t, authUser),
      rootIam: rootIamCaller(t),
      owner,
      other: await makeUser(t, 'bob'),
      admin: await makeUser(t, 'amy', ['Admins']),
      editor: await makeUser(t, 'eve', ['Editors']),
    });
  });
  after(() => t.close());

  /** A row owned by `ada` (owner fields and team set by the IAM admin, as a backend function would). */
  async function ownersItem(model: string): Promise<string> {
    const input = { ...FIELDS[model]!.input, ...(model === 'Project' || model === 'Profile' ? { } : {}), ...(model === 'Task' ? { editors: [ownerValue] } : {}) };
    const r = await graphqlAs(t, callers.rootIam, `mutation($input: Create${model}Input!) { create${model}(input: $input) { id } }`, { input });
    assert.equal(r.json.errors, undefined, JSON.stringify(r.json.errors));
    const id = r.json.data[`create${model}`].id as string;
    if (model === 'Project' || model === 'Profile') {
      // The implicit owner field is not in the create input: write it as the owner's create would have.
      const store = t.cloud.services.appsync.store;
      const doc = store.get('sandlottestapi', model, encodeKey([id]))!;
      store.replace('sandlottestapi', model, encodeKey([id]), { ...doc, owner: ownerValue });
    }
    return id;
  }

  function expectOutcome(r: { status: number; json: any }, field: string, type: string, want: Outcome, label: string) {
    assert.equal(r.status, 200, `${label}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    if (want === 'ok') {
      assert.equal(r.json.errors, undefined, `${label}: ${JSON.stringify(r.json.errors)}`);
      assert.ok(r.json.data[field], `${label}: data`);
    } else {
      assert.equal(r.json.data?.[field] ?? null, null, `${label}: no data on denial`);
      assert.equal(r.json.errors?.[0]?.errorType, 'Unauthorized', `${label}: ${JSON.stringify(r.json)}`);
      assert.equal(r.json.errors[0].message, `Not Authorized to access ${field} on type ${type}`, label);
    }
  }

  for (const model of Object.keys(MATRIX)) {
    it(`${model}: every caller, every operation`, async () => {
      const { input, select } = FIELDS[model]!;
      for (const [name, row] of Object.entries(MATRIX[model]!) as [CallerName, Row][]) {
        const c = callers[name];
        const label = `${model}/${name}`;
        const target = await ownersItem(model);
        expectOutcome(await graphqlAs(t, c, `mutation($input: Create${model}Input!) { create${model}(input: $input) { ${select} } }`, { input }), `create${model}`, 'Mutation', row.create, `${label}/create`);
        expectOutcome(await graphqlAs(t, c, `query($id: ID!) { get${model}(id: $id) { ${select} } }`, { id: target }), `get${model}`, 'Query', row.get, `${label}/get`);
        const list = await graphqlAs(t, c, `query { list${model}s(limit: 1000) { items { id } nextToken } }`);
        if (row.list === 'denied') expectOutcome(list, `list${model}s`, 'Query', 'denied', `${label}/list`);
        else {
          assert.equal(list.json.errors, undefined, `${label}/list: ${JSON.stringify(list.json.errors)}`);
          const ids = list.json.data[`list${model}s`].items.map((i: { id: string }) => i.id);
          assert.equal(ids.includes(target), row.list === 'all', `${label}/list ${row.list}`);
        }
        expectOutcome(await graphqlAs(t, c, `mutation($input: Update${model}Input!) { update${model}(input: $input) { id } }`, { input: { id: target } }), `update${model}`, 'Mutation', row.update, `${label}/update`);
        expectOutcome(await graphqlAs(t, c, `mutation($input: Delete${model}Input!) { delete${model}(input: $input) { id } }`, { input: { id: target } }), `delete${model}`, 'Mutation', row.delete, `${label}/delete`);
      }
    });
  }

  it('owner create stores <sub>::<username>, shows the username, and an owner cannot create for someone else', async () => {
    const r = await graphqlAs(t, callers.owner, 'mutation { createProject(input: {name: "mine"}) { id owner } }');
    assert.equal(r.json.data.createProject.owner, 'ada');
    const stored = t.cloud.services.appsync.store.get('sandlottestapi', 'Project', encodeKey([r.json.data.createProject.id]))!;
    assert.equal(stored.owner, ownerValue);
    const task = await graphqlAs(t, callers.other, 'mutation { createTask(input: {title: "x"}) { editors } }');
    assert.deepEqual(task.json.data.createTask.editors, ['bob']);
    const forged = await graphqlAs(t, callers.other, `mutation($e: [String]) { createTask(input: {title: "x", editors: $e}) { id } }`, { e: [ownerValue] });
    assert.equal(forged.json.errors?.[0]?.errorType, 'Unauthorized');
  });

  it('field-level rules: another user reads the profile but not its owner-only field', async () => {
    const mine = await graphqlAs(t, callers.owner, 'mutation { createProfile(input: {name: "Ada", ssn: "123"}) { id ssn } }');
    assert.equal(mine.json.data.createProfile.ssn, '123');
    const id = mine.json.data.createProfile.id;
    const theirs = await graphqlAs(t, callers.other, 'query($id: ID!) { getProfile(id: $id) { id name ssn } }', { id });
    assert.equal(theirs.json.data.getProfile.name, 'Ada');
    assert.equal(theirs.json.data.getProfile.ssn, null);
    assert.equal(theirs.json.errors[0].message, 'Not Authorized to access ssn on type Profile');
    assert.deepEqual(theirs.json.errors[0].path, ['getProfile', 'ssn']);
    const write = await graphqlAs(t, callers.other, 'mutation { createProfile(input: {name: "Bob", ssn: "9"}) { id } }');
    assert.equal(write.json.errors, undefined, 'the owner of the new item may write its own ssn');
  });

  it('refuses a revoked or foreign token with 401', async () => {
    const bad = await graphqlAs(t, { ...(callers.owner as Extract<Caller, { kind: 'user' }>), accessToken: (callers.owner as Extract<Caller, { kind: 'user' }>).accessToken.slice(0, -4) + 'AAAA' }, '{ listProjects { items { id } } }');
    assert.equal(bad.status, 401);
    assert.equal(bad.json.errors[0].errorType, 'UnauthorizedException');
  });
});
