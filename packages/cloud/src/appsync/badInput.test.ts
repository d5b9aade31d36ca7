import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateClient } from 'aws-amplify/data';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';
import { richSchema, sdlOf } from './testing/schemas.js';
import { API_KEY, applySchema, configureAmplify, postGraphql } from './testing/dataApi.js';
import { applyDataConfig } from './apply.js';

const CREATE_NOTE = 'mutation($input: CreateNoteInput!) { createNote(input: $input) { id title } }';

// Every bad-input rule answers with AppSync's shape: 400 MalformedHttpRequestException, 401 UnauthorizedException,
// or 200 with `data: null` and graphql-java-worded errors.
describe('bad requests get AppSync error shapes', () => {
  let t: TestCloud;
  const sdl = sdlOf(richSchema());

  before(async () => {
    t = await startTestCloud({ services: ['appsync'] });
    applySchema(t, sdl);
  });
  after(() => t.close());

  it('refuses an empty, non-JSON or query-less body with 400 MalformedHttpRequestException', async () => {
    const empty = await postGraphql(t, '');
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.json, { errors: [{ errorType: 'MalformedHttpRequestException', message: 'Request body is empty.' }] });
    for (const body of ['meow', '{}', '[]', '{"query": 5}']) {
      const r = await postGraphql(t, body);
      assert.equal(r.status, 400, body);
      assert.deepEqual(r.json, { errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }] });
    }
  });

  it('refuses an oversized body with 413', async () => {
    const r = await postGraphql(t, { query: CREATE_NOTE, variables: { input: { title: 'x'.repeat(1_100_000) } } });
    assert.equal(r.status, 413);
    assert.equal(r.json.errors[0].errorType, 'PayloadTooLargeException');
  });

  it('answers missing, wrong and expired credentials with 401 UnauthorizedException (and the client shows "Unauthorized")', async () => {
    const none = await postGraphql(t, { query: '{ listNotes { items { id } } }' }, {});
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('x-amzn-errortype'), 'UnauthorizedException');
    assert.equal(none.json.errors[0].errorType, 'UnauthorizedException');
    const wrong = await postGraphql(t, { query: '{ listNotes { items { id } } }' }, { 'x-api-key': 'da2-nope' });
    assert.equal(wrong.status, 401);
    const jwt = await postGraphql(t, { query: '{ listNotes { items { id } } }' }, { authorization: 'eyJhbGciOiJSUzI1NiJ9.e30.x' });
    assert.equal(jwt.status, 401, 'user pool auth is not enabled on this API');
    const sig = await postGraphql(t, { query: '{ listNotes { items { id } } }' }, { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAUNKNOWN/20260101/us-east-1/appsync/aws4_request, SignedHeaders=host, Signature=' + '0'.repeat(64), 'x-amz-date': '20260101T000000Z' });
    assert.equal(sig.status, 401);

    configureAmplify(t, sdl);
    const client: any = generateClient({ authMode: 'apiKey', apiKey: 'da2-nope' } as never);
    const r = await client.models.Note.list();
    assert.equal(r.errors?.[0]?.message, 'Unauthorized');

    applyDataConfig(t.cloud.services, { apiId: 'sandlottestapi', apiName: 'amplifyData', schemaSdl: sdl, authorizationModes: { default: 'apiKey', apiKey: { key: API_KEY, expiresAt: new Date(Date.now() - 1000) } } });
    const expired = await postGraphql(t, { query: '{ listNotes { items { id } } }' });
    assert.equal(expired.status, 401);
    assert.equal(expired.json.errors[0].message, 'API key has expired.');
    applySchema(t, sdl);
  });

  it('answers syntax and validation errors with 200, data null and graphql-java wording', async () => {
    const syntax = await postGraphql(t, { query: '{ listNotes { items { id } }' });
    assert.equal(syntax.status, 200);
    assert.equal(syntax.json.data, null);
    assert.match(syntax.json.errors[0].message, /^Invalid Syntax : /);
    const undef = await postGraphql(t, { query: '{ listNotes { items { id nope } } }' });
    assert.equal(undef.status, 200);
    assert.deepEqual(undef.json, { data: null, errors: [{ path: null, locations: [{ line: 1, column: 26, sourceName: null }], message: "Validation error of type FieldUndefined: Field 'nope' in type 'Note' is undefined @ 'nope'" }] });
    const missingArg = await postGraphql(t, { query: '{ getNote { id } }' });
    assert.match(missingArg.json.errors[0].message, /^Validation error of type MissingFieldArgument: Missing field argument id/);
    const unknownArg = await postGraphql(t, { query: '{ getNote(id: "1", x: 2) { id } }' });
    assert.match(unknownArg.json.errors[0].message, /^Validation error of type UnknownArgument: /);
  });

  it('answers wrong types, unknown fields and missing required fields in variables', async () => {
    const unknown = await postGraphql(t, { query: CREATE_NOTE, variables: { input: { title: 'x', nope: 1 } } });
    assert.equal(unknown.status, 200);
    assert.deepEqual(unknown.json, { data: null, errors: [{ path: null, locations: null, message: "The variables input contains a field that is not defined for input object type 'CreateNoteInput' " }] });
    const missing = await postGraphql(t, { query: CREATE_NOTE, variables: { input: { body: 'no title' } } });
    assert.equal(missing.json.errors[0].message, "Variable 'input' has coerced Null value for NonNull type 'String!'");
    const wrongType = await postGraphql(t, { query: CREATE_NOTE, variables: { input: { title: 'x', priority: 'high' } } });
    assert.equal(wrongType.json.data, null);
    assert.match(wrongType.json.errors[0].message, /^Variable 'input' has an invalid value: /);
    for (const [field, value] of [['email', 'not-an-email'], ['due', '2026-13-45'], ['at', '2026-01-01'], ['site', 'example.com'], ['ip', '300.1.1.1'], ['phone', 'call me'], ['time', '25h'], ['extra', '{bad json'], ['stamp', 1.5], ['status', 'NOPE']] as const) {
      const r = await postGraphql(t, { query: CREATE_NOTE, variables: { input: { title: 'x', [field]: value } } });
      assert.equal(r.json.data, null, `${field}=${value} must be refused`);
      assert.match(r.json.errors[0].message, /^Variable 'input' has an invalid value: /, field);
    }
    const good = await postGraphql(t, { query: CREATE_NOTE, variables: { input: { title: 'ok', email: 'x@y.io', ip: '::1', phone: '(555) 010-0100' } } });
    assert.equal(good.json.errors, undefined, JSON.stringify(good.json.errors));
  });

  it('refuses documents nested deeper than 75 levels', async () => {
    let sel = 'id';
    for (let i = 0; i < 30; i++) sel = `notebook { notes { items { ${sel} } } }`; // 3 levels each
    const r = await postGraphql(t, { query: `{ getNote(id: "x") { ${sel} } }` });
    assert.equal(r.status, 200);
    assert.equal(r.json.data, null);
    assert.match(r.json.errors[0].message, /exceeds the maximum query depth of 75/);
    const shallow = await postGraphql(t, { query: '{ getNote(id: "x") { notebook { notes { items { id } } } } }' });
    assert.deepEqual(shallow.json, { data: { getNote: null } });
  });

  it('refuses subscriptions over HTTP', async () => {
    const r = await postGraphql(t, { query: 'subscription { onCreateNote { id } }' });
    assert.equal(r.json.data, null);
    assert.match(r.json.errors[0].message, /realtime WebSocket/);
  });
});
