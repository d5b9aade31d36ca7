import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { a, defineAuth, defineBackend, defineData, defineStorage, secret, registry, resetRegistry } from './index.js';
import { buildBackendModel } from './model/buildModel.js';
import { resolveSecrets, collectSecretRefs } from './secret.js';

beforeEach(() => resetRegistry());

/** Calls with deliberately wrong (untyped) input, as a JavaScript backend could. */
const loose = <T extends (p: never) => unknown>(fn: T) => fn as unknown as (p: unknown) => ReturnType<T>;
const err = (name: string, option: RegExp) => (e: Error) => e.name === name && option.test(e.message) && typeof (e as { resolution?: string }).resolution === 'string';
const warnings = () => registry().warnings.join('\n');
const schema = a.schema({ Todo: a.model({ content: a.string() }).authorization((allow) => [allow.authenticated()]) });

test('defineAuth: each bad option is a named error', () => {
  const auth = loose(defineAuth);
  const bad = 'InvalidBackendDefinitionError';
  assert.throws(() => auth(undefined), err(bad, /defineAuth: props/));
  assert.throws(() => auth({}), err(bad, /defineAuth: loginWith is missing/));
  assert.throws(() => auth({ loginWith: {} }), err(bad, /loginWith must enable email or phone/));
  assert.throws(() => auth({ loginWith: { email: 'yes' } }), err(bad, /loginWith\.email/));
  assert.throws(() => auth({ loginWith: { phone: 1 } }), err(bad, /loginWith\.phone/));
  assert.throws(() => auth({ loginWith: { email: { verificationEmailStyle: 'SMOKE' } } }), err(bad, /verificationEmailStyle/));
  assert.throws(() => auth({ loginWith: { email: { verificationEmailBody: () => 'no code' } } }), err(bad, /verificationEmailBody must utilize the 'code'/));
  assert.throws(() => auth({ loginWith: { email: { verificationEmailStyle: 'LINK', verificationEmailBody: () => 'no link' } } }), err(bad, /verificationEmailBody must utilize the 'link'/));
  assert.throws(() => auth({ loginWith: { email: { otpLogin: 'y' } } }), err(bad, /otpLogin/));
  assert.throws(() => auth({ loginWith: { phone: { verificationMessage: () => 'hi' } } }), err(bad, /loginWith\.phone\.verificationMessage/));
  assert.throws(() => auth({ loginWith: { email: true, externalProviders: { callbackUrls: [], logoutUrls: ['x'] } } }), err(bad, /externalProviders\.callbackUrls/));
  assert.throws(() => auth({ loginWith: { email: true, externalProviders: { callbackUrls: ['x'], logoutUrls: ['y'], google: { clientId: 'plain', clientSecret: secret('S') } } } }), err(bad, /google\.clientId must be a secret/));
  assert.throws(() => auth({ loginWith: { email: true, externalProviders: { callbackUrls: ['x'], logoutUrls: ['y'], oidc: [{ clientId: secret('a'), clientSecret: secret('b') }] } } }), err(bad, /oidc\[0\]\.issuerUrl/));
  assert.throws(() => auth({ loginWith: { email: true, webAuthn: { userVerification: 'required' } } }), err(bad, /loginWith\.webAuthn/));
  assert.throws(() => auth({ loginWith: { email: true, webAuthn: { relyingPartyId: 'x', userVerification: 'maybe' } } }), err(bad, /webAuthn\.userVerification/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { shoeSize: {} } }), err(bad, /userAttributes\.shoeSize is not a standard attribute/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { locale: { required: 'no' } } }), err(bad, /\['locale'\]\.required/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { locale: { mutable: 1 } } }), err(bad, /\['locale'\]\.mutable/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { 'custom:x': { dataType: 'Date' } } }), err(bad, /\['custom:x'\]\.dataType/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { 'custom:': { dataType: 'String' } } }), err(bad, /not a valid custom attribute name/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { 'custom:x': { dataType: 'Number', minLen: 1 } } }), err(bad, /minLen\/maxLen on a non-String/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { 'custom:x': { dataType: 'String', min: 1 } } }), err(bad, /min\/max on a non-Number/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { 'custom:x': { dataType: 'String', minLen: 5, maxLen: 2 } } }), err(bad, /minLen greater than maxLen/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { 'custom:x': { dataType: 'Number', min: 5, max: 2 } } }), err(bad, /min greater than max/));
  assert.throws(() => auth({ loginWith: { email: true }, userAttributes: { 'custom:x': { dataType: 'Number', max: 'ten' } } }), err(bad, /\.max is "ten"/));
  assert.throws(() => auth({ loginWith: { email: true }, groups: ['has space'] }), err(bad, /groups must be a list of group names/));
  assert.throws(() => auth({ loginWith: { email: true }, groups: 'admin' }), err(bad, /groups/));
  assert.throws(() => auth({ loginWith: { email: true }, groups: ['a', 'a'] }), err(bad, /groups has 'a' twice/));
  assert.throws(() => auth({ loginWith: { email: true }, multifactor: { mode: 'ON' } }), err(bad, /multifactor\.mode/));
  assert.throws(() => auth({ loginWith: { email: true }, multifactor: { mode: 'REQUIRED' } }), err(bad, /multifactor is REQUIRED with no method/));
  assert.throws(() => auth({ loginWith: { email: true }, multifactor: { mode: 'OPTIONAL', totp: 'yes' } }), err(bad, /multifactor\.totp/));
  assert.throws(() => auth({ loginWith: { email: true }, multifactor: { mode: 'OPTIONAL', sms: 'yes' } }), err(bad, /multifactor\.sms/));
  assert.throws(() => auth({ loginWith: { phone: true }, multifactor: { mode: 'REQUIRED', totp: true } }), err(bad, /multifactor\.sms must be enabled when loginWith phone/));
  assert.throws(() => auth({ loginWith: { email: true }, multifactor: { mode: 'OPTIONAL', sms: { smsMessage: () => 'no code' } } }), err(bad, /multifactor\.sms\.smsMessage/));
  assert.throws(() => auth({ loginWith: { email: true }, accountRecovery: 'CARRIER_PIGEON' }), err(bad, /accountRecovery/));
  assert.throws(() => auth({ loginWith: { email: true }, triggers: { onSignUp: {} } }), err(bad, /triggers\.onSignUp is not a Cognito trigger/));
  assert.throws(() => auth({ loginWith: { email: true }, triggers: [] }), err(bad, /triggers must be an object/));
  assert.throws(() => auth({ loginWith: { email: true }, access: {} }), err(bad, /access must be a function/));
  assert.throws(() => auth({ loginWith: { email: true }, senders: { sms: { externalId: 'x' } } }), err(bad, /senders\.sms needs both externalId and snsCallerArn/));
  assert.throws(() => auth({ loginWith: { email: true }, passwordlessOptions: { preferredChallenge: 'EMAIL_OTP' } }), err(bad, /preferredChallenge is "EMAIL_OTP", which is not enabled/));
  assert.throws(() => auth({ loginWith: { email: true }, passwordlessOptions: 'fast' }), err(bad, /passwordlessOptions must be an object/));
  assert.throws(() => auth({ name: '1auth', loginWith: { email: true } }), err('InvalidResourceNameError', /defineAuth: name contains invalid characters/));
});

test('defineAuth: unsupported options are warnings naming them; message templates become Cognito text', () => {
  const auth = defineAuth({
    loginWith: {
      email: { verificationEmailSubject: 'Hi', verificationEmailBody: (code: () => string) => `Code ${code()}`, otpLogin: true, userInvitation: { emailSubject: 'Join', emailBody: (u, c) => `${u()} ${c()}` } },
      webAuthn: true,
    },
    multifactor: { mode: 'OPTIONAL', sms: { smsMessage: (code) => `MFA ${code()}` } },
    triggers: { preSignUp: {} },
    senders: { email: { fromEmail: 'a@example.com' } },
    accountRecovery: 'PHONE_AND_EMAIL',
    access: () => [],
    passwordlessOptions: { preferredChallenge: 'WEB_AUTHN' },
  });
  const w = warnings();
  for (const name of ['loginWith.webAuthn', 'loginWith.email.otpLogin', 'passwordlessOptions', 'triggers (preSignUp)', 'senders (email', "accountRecovery 'PHONE_AND_EMAIL'", 'defineAuth access']) assert.ok(w.includes(name), `${name} in ${w}`);
  defineBackend({ auth });
  const m = buildBackendModel(registry().current!, 'x').auth!;
  assert.deepEqual(m.userVerification, { verificationMechanisms: ['email'], emailStyle: 'CODE', emailSubject: 'Hi', emailBody: 'Code {####}' });
  assert.deepEqual(m.userInvitation, { emailSubject: 'Join', emailBody: '{username} {####}' });
  assert.equal(m.mfa.smsMessage, 'MFA {####}');
  assert.deepEqual(m.passwordless, { emailOtpEnabled: true, smsOtpEnabled: false, webAuthn: { relyingPartyId: 'localhost', userVerification: 'preferred' }, preferredChallenge: 'WEB_AUTHN' });
  assert.equal(m.accountRecovery, 'PHONE_AND_EMAIL');
});

test('defineData: each bad option is a named error', () => {
  const data = loose(defineData);
  const bad = 'InvalidBackendDefinitionError';
  assert.throws(() => data(undefined), err(bad, /defineData: schema is missing/));
  assert.throws(() => data({}), err(bad, /schema is missing/));
  assert.throws(() => data({ schema: 42 }), err(bad, /schema is not a data schema/));
  assert.throws(() => data({ schema: { schemas: [1] } }), err(bad, /schema is not a data schema/));
  assert.throws(() => data({ schema, name: 'my api!' }), err('InvalidResourceNameError', /defineData: name/));
  assert.throws(() => data({ schema, authorizationModes: 'userPool' }), err(bad, /authorizationModes must be an object/));
  assert.throws(() => data({ schema, authorizationModes: { defaultMode: 'userPool' } }), err(bad, /authorizationModes\.defaultMode is not an authorization mode option/));
  assert.throws(() => data({ schema, authorizationModes: { defaultAuthorizationMode: 'cognito' } }), err(bad, /defaultAuthorizationMode is "cognito"/));
  assert.throws(() => data({ schema, authorizationModes: { apiKeyAuthorizationMode: 30 } }), err(bad, /apiKeyAuthorizationMode must be an object/));
  for (const days of [0, 366, 1.5, '7']) {
    assert.throws(() => data({ schema, authorizationModes: { apiKeyAuthorizationMode: { expiresInDays: days } } }), err(bad, /apiKeyAuthorizationMode\.expiresInDays/));
  }
  assert.throws(() => data({ schema, authorizationModes: { apiKeyAuthorizationMode: { description: 5 } } }), err(bad, /apiKeyAuthorizationMode\.description/));
  assert.throws(() => data({ schema, authorizationModes: { lambdaAuthorizationMode: {} } }), err(bad, /lambdaAuthorizationMode\.function is missing/));
  assert.throws(() => data({ schema, authorizationModes: { lambdaAuthorizationMode: { function: {}, timeToLiveInSeconds: 9999 } } }), err(bad, /timeToLiveInSeconds/));
  assert.throws(() => data({ schema, authorizationModes: { oidcAuthorizationMode: { oidcProviderName: 'x' } } }), err(bad, /oidcAuthorizationMode\.oidcIssuerUrl is missing/));
  assert.throws(() => data({ schema, authorizationModes: { oidcAuthorizationMode: { oidcProviderName: 'x', oidcIssuerUrl: 'https://i', tokenExpiryFromAuthInSeconds: 1 } } }), err(bad, /tokenExpireFromIssueInSeconds/));
  assert.throws(() => data({ schema, logging: 'loud' }), err(bad, /defineData: logging/));
  assert.throws(() => data({ schema, logging: { fieldLogLevel: 'verbose' } }), err(bad, /logging\.fieldLogLevel/));
  assert.throws(() => data({ schema, logging: { excludeVerboseContent: 'no' } }), err(bad, /logging\.excludeVerboseContent/));
  assert.throws(() => data({ schema, functions: [] }), err(bad, /functions must be an object/));
  assert.throws(() => data({ schema, migratedAmplifyGen1DynamoDbTableMappings: {} }), err(bad, /migratedAmplifyGen1DynamoDbTableMappings must be a list/));
});

test('defineData: default mode rules at defineBackend (the real DefineDataConfigurationError), unsupported modes warn', () => {
  defineBackend({ data: defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'userPool' } }) });
  assert.throws(() => buildBackendModel(registry().current!, 'x'), err('DefineDataConfigurationError', /defaultAuthorizationMode is 'userPool', which is not configured/));
  resetRegistry();
  defineBackend({ data: defineData({ schema, authorizationModes: { apiKeyAuthorizationMode: {}, oidcAuthorizationMode: { oidcProviderName: 'o', oidcIssuerUrl: 'https://i', tokenExpiryFromAuthInSeconds: 1, tokenExpireFromIssueInSeconds: 1 } } }) });
  assert.throws(() => buildBackendModel(registry().current!, 'x'), { name: 'DefineDataConfigurationError', message: 'A defaultAuthorizationMode is required if multiple authorization modes are configured' });
  assert.match(warnings(), /defineData authorizationModes\.oidcAuthorizationMode \(OpenID Connect\)/);
  resetRegistry();
  defineData({ schema, functions: { fn: {} }, logging: true, schemaConfiguration: {}, authorizationModes: { defaultAuthorizationMode: 'lambda', lambdaAuthorizationMode: { function: {} } } });
  for (const name of ['defineData functions (fn)', 'defineData logging', 'defineData schemaConfiguration', 'lambdaAuthorizationMode']) assert.ok(warnings().includes(name), name);
});

test('defineStorage: each bad option and path rule is a named error with the real messages', () => {
  const storage = loose(defineStorage);
  const bad = 'InvalidBackendDefinitionError';
  const path = 'InvalidStorageAccessPathError';
  assert.throws(() => storage(undefined), err(bad, /defineStorage: props/));
  assert.throws(() => storage({}), err(bad, /defineStorage: name is missing/));
  assert.throws(() => storage({ name: '9lives' }), err('InvalidResourceNameError', /defineStorage: name/));
  assert.throws(() => storage({ name: 's', isDefault: 'yes' }), err(bad, /isDefault/));
  assert.throws(() => storage({ name: 's', versioned: 1 }), err(bad, /versioned/));
  assert.throws(() => storage({ name: 's', access: {} }), err(bad, /access must be a function/));
  assert.throws(() => storage({ name: 's', access: () => [] }), err(bad, /access must return an object/));
  const rules = (r: Record<string, unknown>) => storage({ name: 's', access: (allow: never) => (typeof r === 'function' ? (r as (a: never) => unknown)(allow) : r) });
  assert.throws(() => rules({ '/a/*': [] }), err(path, /must not start with "\/"\. Found \[\/a\/\*\]/));
  assert.throws(() => rules({ 'a/': [] }), err(path, /must end with "\/\*"/));
  assert.throws(() => rules({ 'a//b/*': [] }), err(path, /Path cannot contain "\/\/"/));
  assert.throws(() => rules({ 'a/*/b/*': [] }), err(path, /Wildcards are only allowed as the final part/));
  assert.throws(() => rules({ 'a/*': [], 'a/b/*': [], 'a/b/c/*': [] }), err(path, /only one other path can be a prefix/));
  assert.throws(() => rules({ 'a/*': [], 'a/{entity_id}/*': [] }), err(path, /cannot be a prefix of another path that contains the \{entity_id\} token/));
  assert.throws(() => rules({ 'a/{entity_id}/b/*': [] }), err(path, /must be the path part right before the ending wildcard/));
  assert.throws(() => rules({ '{entity_id}/*': [] }), err(path, /must not be the first path part/));
  assert.throws(() => rules({ 'a/x{entity_id}/*': [] }), err(path, /cannot include any other characters/));
  assert.throws(() => rules({ 'a/{entity_id}/{entity_id}/*': [] }), err(path, /can only appear once/));
  assert.throws(() => rules({ 'a/*': 'all' }), err(bad, /access\['a\/\*'\] must be a list/));
  assert.throws(() => rules({ 'a/*': [{ who: 'guest', actions: ['fly'] }] }), err(bad, /has the action "fly"/));
  assert.throws(() => rules({ 'a/*': [{ who: 'guest', actions: [] }] }), err(bad, /no actions/));
  assert.throws(() => rules({ 'a/*': [{ who: 'guest', actions: ['read', 'get'] }] }), err(bad, /mixes 'read' with 'get'/));
  assert.throws(() => rules({ 'a/*': [{ who: 'groups', groups: [], actions: ['get'] }] }), err(bad, /allow\.groups needs a non-empty list/));
  assert.throws(() => rules({ 'a/*': [{ who: 'entity', entity: 'user', actions: ['get'] }] }), err(bad, /allow\.entity is "user"/));
  assert.throws(() => rules({ 'a/*': [{ who: 'guest', actions: ['get'] }, { who: 'guest', actions: ['list'] }] }), err('InvalidStorageAccessDefinitionError', /guest users specified multiple times/));
  assert.throws(() => rules({ 'a/*': [{ who: 'groups', groups: ['x'], actions: ['get'] }, { who: 'groups', groups: ['x'], actions: ['list'] }] }), err('InvalidStorageAccessDefinitionError', /Group access definition for x specified multiple times/));
  assert.throws(() => storage({ name: 's', triggers: { onChange: {} } }), err(bad, /triggers\.onChange is not a storage trigger/));
  defineStorage({ name: 's', versioned: true, keepOnDelete: true, triggers: { onUpload: {} }, access: (allow) => ({ 'f/*': [allow.resource({}).to(['read'])] }) });
  for (const name of ['defineStorage versioned', 'defineStorage keepOnDelete', 'defineStorage triggers (onUpload)', "allow.resource(...) on 'f/*'"]) assert.ok(warnings().includes(name), name);
});

test('defineBackend: singletons, default storage, reserved names, auth needed by storage rules', () => {
  const auth = defineAuth({ loginWith: { email: true } });
  const s1 = defineStorage({ name: 'one' });
  const s2 = defineStorage({ name: 'two' });
  assert.throws(() => defineBackend({ a1: auth, a2: defineAuth({ loginWith: { email: true } }) }), { name: 'MultipleSingletonResourcesError' });
  resetRegistry();
  assert.throws(() => defineBackend({ d1: defineData({ schema }), d2: defineData({ schema }) }), { name: 'MultipleSingletonResourcesError' });
  resetRegistry();
  assert.throws(() => defineBackend({ s1, s2 }), { name: 'NoDefaultStorageError', message: 'No default storage set in the Amplify project.' });
  resetRegistry();
  assert.throws(() => defineBackend({ s1: defineStorage({ name: 'one', isDefault: true }), s2: defineStorage({ name: 'two', isDefault: true }) }), { name: 'MultipleDefaultStorageError' });
  resetRegistry();
  assert.throws(() => defineBackend({ s1: defineStorage({ name: 'one', isDefault: true }), s2: defineStorage({ name: 'one' }) }), err('InvalidBackendDefinitionError', /two defineStorage calls are named 'one'/));
  resetRegistry();
  assert.throws(() => defineBackend({ addOutput: auth } as never), err('InvalidBackendDefinitionError', /'addOutput' cannot be a resource name/));
  resetRegistry();
  assert.throws(() => (defineBackend as (r: unknown) => unknown)(null), err('InvalidBackendDefinitionError', /expected an object/));
  resetRegistry();
  defineBackend({ auth });
  assert.throws(() => defineBackend({ auth }), { name: 'MultipleDefineBackendError' });
  resetRegistry();
  defineBackend({ s: defineStorage({ name: 'p', access: (allow) => ({ 'p/*': [allow.guest.to(['read'])] }) }) });
  assert.throws(() => buildBackendModel(registry().current!, 'x'), err('InvalidBackendDefinitionError', /Cannot specify auth access for unauthenticatedUserIamRole users without defining auth/));
  resetRegistry();
  const b = defineBackend({ fn: {} as never });
  assert.match(warnings(), /defineBackend resource 'fn'/);
  assert.throws(() => b.addOutput(5 as never), err('InvalidBackendDefinitionError', /backend\.addOutput: expected an object/));
  b.addOutput({ custom: { a: 1 } });
  b.addOutput({ custom: { b: [1] }, version: '1.3' });
  assert.deepEqual(buildBackendModel(registry().current!, 'x').customOutputs, { custom: { a: 1, b: [1] }, version: '1.4' });
  b.addOutput({ custom: { a: 2 } });
  assert.throws(() => buildBackendModel(registry().current!, 'x'), { name: 'OutputEntryAlreadyExistsError' });
});

test('secret(): a serialisable marker, collected deep, resolved at sandbox start; a missing one is SecretNotSetError', async () => {
  assert.deepEqual(JSON.parse(JSON.stringify(secret('GOOGLE_ID'))), { kind: 'secret', name: 'GOOGLE_ID' });
  assert.throws(() => secret('bad name'), err('InvalidBackendDefinitionError', /secret: "bad name" is not a valid secret name/));
  assert.deepEqual(collectSecretRefs({ a: [secret('x'), { b: secret('y') }], c: secret('x') }), ['x', 'y']);
  const store: Record<string, string> = { x: '1' };
  assert.deepEqual(await resolveSecrets(['x'], (n) => store[n]), { x: '1' });
  await assert.rejects(resolveSecrets({ secretRefs: ['x', 'y'] }, (n) => store[n]), {
    name: 'SecretNotSetError',
    message: "The secret 'y' specified in the backend does not exist.",
    resolution: /npx ampx sandbox secret set y/,
  });
  const notFound = Object.assign(new Error('gone'), { name: 'ParameterNotFound' });
  await assert.rejects(resolveSecrets(['z'], () => Promise.reject(notFound)), { name: 'SecretNotSetError', message: "The secret 'z' specified in the backend does not exist." });
  await assert.rejects(resolveSecrets(['z'], () => Promise.reject(new Error('network'))), { message: 'network' });
});
