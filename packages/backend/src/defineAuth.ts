import { callerLocation, warnUnsupported, type ResourceDefinition } from './registry.js';
import { invalidOption } from './errors.js';
import { isSecret, type BackendSecret } from './secret.js';
import { validateResourceName } from './resourceName.js';

/** `userAttributes` keys for Cognito's standard attributes (CDK `StandardAttributes` names). */
export type StandardAttributeName =
  | 'address' | 'birthdate' | 'email' | 'familyName' | 'gender' | 'givenName' | 'locale' | 'middleName' | 'fullname'
  | 'nickname' | 'phoneNumber' | 'profilePicture' | 'preferredUsername' | 'profilePage' | 'timezone' | 'lastUpdateTime' | 'website';

export interface StandardAttribute { readonly required?: boolean; readonly mutable?: boolean }
interface CustomAttributeBase { mutable?: boolean }
export type CustomAttribute =
  | (CustomAttributeBase & { dataType: 'String'; minLen?: number; maxLen?: number })
  | (CustomAttributeBase & { dataType: 'Number'; min?: number; max?: number })
  | (CustomAttributeBase & { dataType: 'Boolean' })
  | (CustomAttributeBase & { dataType: 'DateTime' });

export type UserAttributes = { [K in StandardAttributeName]?: StandardAttribute } & Record<`custom:${string}`, CustomAttribute>;

export type EmailLoginSettings = (
  | { verificationEmailStyle?: 'LINK'; verificationEmailBody?: (createLink: (text?: string) => string) => string; verificationEmailSubject?: string }
  | { verificationEmailStyle?: 'CODE'; verificationEmailBody?: (createCode: () => string) => string; verificationEmailSubject?: string }
) & {
  userInvitation?: {
    emailSubject?: string;
    emailBody?: (username: () => string, code: () => string) => string;
    smsMessage?: (username: () => string, code: () => string) => string;
  };
  otpLogin?: boolean;
};
export type PhoneNumberLogin = true | { verificationMessage?: (createCode: () => string) => string; otpLogin?: boolean };

type MfaSms = boolean | { smsMessage: (createCode: () => string) => string };
type MfaMethods =
  | { totp?: boolean; sms?: MfaSms; email: boolean }
  | { totp?: boolean; sms: MfaSms; email?: boolean }
  | { totp: boolean; sms?: MfaSms; email?: boolean };
export type MfaSettings = { mode: 'OFF' } | ({ mode: 'OPTIONAL' | 'REQUIRED' } & MfaMethods);

type AttributeMapping = Partial<Record<StandardAttributeName, string>> & { custom?: Record<string, string> };
interface ProviderBase { attributeMapping?: AttributeMapping; scopes?: string[] }
export interface ExternalProviders {
  google?: ProviderBase & { clientId: BackendSecret; clientSecret: BackendSecret };
  facebook?: ProviderBase & { clientId: BackendSecret; clientSecret: BackendSecret; apiVersion?: string };
  loginWithAmazon?: ProviderBase & { clientId: BackendSecret; clientSecret: BackendSecret };
  signInWithApple?: ProviderBase & { clientId: BackendSecret; teamId: BackendSecret; keyId: BackendSecret; privateKey: BackendSecret };
  oidc?: (ProviderBase & {
    clientId: BackendSecret; clientSecret: BackendSecret; issuerUrl: string; name?: string;
    endpoints?: { authorization: string; token: string; userInfo: string; jwksUri: string };
    attributeRequestMethod?: 'GET' | 'POST'; identifiers?: string[];
  })[];
  saml?: { name?: string; metadata: { metadataContent: string; metadataType: 'URL' | 'FILE' }; attributeMapping?: AttributeMapping; identifiers?: string[]; idpSignout?: boolean };
  scopes?: ('PHONE' | 'EMAIL' | 'OPENID' | 'PROFILE' | 'COGNITO_ADMIN')[];
  callbackUrls: string[];
  logoutUrls: string[];
  domainPrefix?: string;
}

export const TRIGGER_EVENTS = [
  'createAuthChallenge', 'customMessage', 'defineAuthChallenge', 'postAuthentication', 'postConfirmation', 'preAuthentication',
  'preSignUp', 'preTokenGeneration', 'userMigration', 'verifyAuthChallengeResponse',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export const ACCOUNT_RECOVERY = ['EMAIL_AND_PHONE_WITHOUT_MFA', 'PHONE_WITHOUT_MFA_AND_EMAIL', 'EMAIL_ONLY', 'PHONE_ONLY_WITHOUT_MFA', 'PHONE_AND_EMAIL', 'NONE'] as const;

export interface AuthProps {
  name?: string;
  loginWith: {
    email?: true | EmailLoginSettings;
    phone?: PhoneNumberLogin;
    webAuthn?: true | { relyingPartyId: string; userVerification?: 'required' | 'preferred' };
    externalProviders?: ExternalProviders;
  };
  userAttributes?: UserAttributes;
  multifactor?: MfaSettings;
  accountRecovery?: (typeof ACCOUNT_RECOVERY)[number];
  groups?: string[];
  triggers?: Partial<Record<TriggerEvent, unknown>>;
  access?: (allow: { resource(other: unknown): { to(actions: string[]): unknown } }) => unknown[];
  senders?: {
    email?: { fromEmail: string; fromName?: string; replyTo?: string } | { handler: unknown; kmsKeyArn?: string };
    sms?: { externalId?: string; snsCallerArn?: string; snsRegion?: string } | { handler: unknown; kmsKeyArn?: string };
  };
  passwordlessOptions?: { preferredChallenge?: 'EMAIL_OTP' | 'SMS_OTP' | 'PASSWORD' | 'WEB_AUTHN' };
}

export type AuthDefinition = ResourceDefinition<'auth', AuthProps>;

/** `userAttributes` key → Cognito attribute name (CDK `StandardAttributeNames`). */
export const STANDARD_ATTRIBUTES: Record<StandardAttributeName, string> = {
  address: 'address', birthdate: 'birthdate', email: 'email', familyName: 'family_name', gender: 'gender', givenName: 'given_name',
  locale: 'locale', middleName: 'middle_name', fullname: 'name', nickname: 'nickname', phoneNumber: 'phone_number',
  profilePicture: 'picture', preferredUsername: 'preferred_username', profilePage: 'profile', timezone: 'zoneinfo',
  lastUpdateTime: 'updated_at', website: 'website',
};

const WHERE = 'defineAuth';
const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const isNum = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));

/** Calls a message template function with a placeholder and checks it was used, as the auth construct does. */
function checkTemplate(option: string, fn: unknown, placeholder: string, problem: string, call: (f: (...a: never[]) => string) => string): void {
  if (fn === undefined) return;
  if (typeof fn !== 'function') throw invalidOption(WHERE, option, 'must be a function', `Write ${option}: (code) => \`Your code is \${code()}\`.`);
  const text = call(fn as (...a: never[]) => string);
  if (typeof text !== 'string' || !text.includes(placeholder)) throw invalidOption(WHERE, option, problem, `Use the parameter in the text, e.g. \`Your code is \${code()}\`.`);
}

function validateUserAttributes(attrs: unknown): void {
  if (attrs === undefined) return;
  if (!isObject(attrs)) throw invalidOption(WHERE, 'userAttributes', 'must be an object', 'Write userAttributes: { locale: { required: false, mutable: true } }.');
  for (const [name, attr] of Object.entries(attrs)) {
    const option = `userAttributes['${name}']`;
    if (!isObject(attr)) throw invalidOption(WHERE, option, 'must be an object', 'Give each attribute an object, e.g. { required: true }.');
    if (!isBool(attr.mutable)) throw invalidOption(WHERE, `${option}.mutable`, `is ${JSON.stringify(attr.mutable)}`, 'Use true or false.');
    if (name.startsWith('custom:')) {
      const bare = name.slice('custom:'.length);
      if (!/^[\w.-]{1,20}$/.test(bare)) throw invalidOption(WHERE, option, 'is not a valid custom attribute name', "Use 1-20 letters, digits, '_', '-' or '.' after 'custom:'.");
      if (!['String', 'Number', 'DateTime', 'Boolean'].includes(attr.dataType as string)) {
        throw invalidOption(WHERE, `${option}.dataType`, `is ${JSON.stringify(attr.dataType)}`, "Use 'String', 'Number', 'DateTime' or 'Boolean'.");
      }
      for (const k of ['minLen', 'maxLen', 'min', 'max'] as const) {
        if (!isNum(attr[k])) throw invalidOption(WHERE, `${option}.${k}`, `is ${JSON.stringify(attr[k])}`, 'Use a number.');
      }
      if ((attr.minLen !== undefined || attr.maxLen !== undefined) && attr.dataType !== 'String') throw invalidOption(WHERE, option, 'has minLen/maxLen on a non-String attribute', "Use minLen/maxLen with dataType 'String' only.");
      if ((attr.min !== undefined || attr.max !== undefined) && attr.dataType !== 'Number') throw invalidOption(WHERE, option, 'has min/max on a non-Number attribute', "Use min/max with dataType 'Number' only.");
      if (Number(attr.minLen ?? 0) > Number(attr.maxLen ?? 2048)) throw invalidOption(WHERE, option, 'has minLen greater than maxLen', 'Make minLen at most maxLen.');
      if (attr.min !== undefined && attr.max !== undefined && Number(attr.min) > Number(attr.max)) throw invalidOption(WHERE, option, 'has min greater than max', 'Make min at most max.');
    } else {
      if (!(name in STANDARD_ATTRIBUTES)) {
        throw invalidOption(WHERE, `userAttributes.${name}`, 'is not a standard attribute', `Use one of ${Object.keys(STANDARD_ATTRIBUTES).join(', ')}, or a custom attribute named 'custom:${name}'.`);
      }
      if (!isBool(attr.required)) throw invalidOption(WHERE, `${option}.required`, `is ${JSON.stringify(attr.required)}`, 'Use true or false.');
    }
  }
}

function validateLoginWith(login: AuthProps['loginWith'] | undefined): void {
  if (!isObject(login)) throw invalidOption(WHERE, 'loginWith', 'is missing', 'Set loginWith: { email: true } (or phone: true).');
  if (!login.email && !login.phone) throw invalidOption(WHERE, 'loginWith', 'must enable email or phone (At least one of email or phone must be enabled.)', 'Set loginWith: { email: true } (or phone: true).');
  if (login.email !== undefined && login.email !== true && !isObject(login.email)) throw invalidOption(WHERE, 'loginWith.email', `is ${JSON.stringify(login.email)}`, 'Use true or an object of email settings.');
  if (login.phone !== undefined && login.phone !== true && !isObject(login.phone)) throw invalidOption(WHERE, 'loginWith.phone', `is ${JSON.stringify(login.phone)}`, 'Use true or an object of phone settings.');
  if (isObject(login.email)) {
    const e = login.email as EmailLoginSettings;
    if (e.verificationEmailStyle !== undefined && !['CODE', 'LINK'].includes(e.verificationEmailStyle)) {
      throw invalidOption(WHERE, 'loginWith.email.verificationEmailStyle', `is ${JSON.stringify(e.verificationEmailStyle)}`, "Use 'CODE' or 'LINK'.");
    }
    if (e.verificationEmailStyle === 'LINK') {
      let linkText = '';
      checkTemplate('loginWith.email.verificationEmailBody', e.verificationEmailBody, '{##', "must utilize the 'link' parameter at least once as a placeholder for the verification link", (f) => {
        const text = (f as unknown as (l: (t?: string) => string) => string)((t?: string) => (linkText = t ? `{##${t}##}` : '{##Verify Email##}'));
        return linkText && text.includes(linkText) ? text : '';
      });
    } else {
      checkTemplate('loginWith.email.verificationEmailBody', e.verificationEmailBody, '{####}', "must utilize the 'code' parameter at least once as a placeholder for the verification code", (f) => (f as unknown as (c: () => string) => string)(() => '{####}'));
    }
    if (e.userInvitation !== undefined && !isObject(e.userInvitation)) throw invalidOption(WHERE, 'loginWith.email.userInvitation', 'must be an object', 'Write userInvitation: { emailSubject, emailBody }.');
    if (!isBool(e.otpLogin)) throw invalidOption(WHERE, 'loginWith.email.otpLogin', `is ${JSON.stringify(e.otpLogin)}`, 'Use true or false.');
  }
  if (isObject(login.phone)) {
    const p = login.phone as Exclude<PhoneNumberLogin, true>;
    checkTemplate('loginWith.phone.verificationMessage', p.verificationMessage, '{####}', "must utilize the 'code' parameter at least once as a placeholder for the verification code", (f) => (f as unknown as (c: () => string) => string)(() => '{####}'));
    if (!isBool(p.otpLogin)) throw invalidOption(WHERE, 'loginWith.phone.otpLogin', `is ${JSON.stringify(p.otpLogin)}`, 'Use true or false.');
  }
  const ext = login.externalProviders;
  if (ext !== undefined) {
    if (!isObject(ext)) throw invalidOption(WHERE, 'loginWith.externalProviders', 'must be an object', 'Write externalProviders: { google: {...}, callbackUrls: [...], logoutUrls: [...] }.');
    for (const key of ['callbackUrls', 'logoutUrls'] as const) {
      const urls = ext[key];
      if (!Array.isArray(urls) || urls.length === 0 || urls.some((u) => typeof u !== 'string')) {
        throw invalidOption(WHERE, `loginWith.externalProviders.${key}`, 'must be a non-empty list of URLs', `You must define ${key} when configuring external login providers.`);
      }
    }
    const needsSecrets: Record<string, string[]> = {
      google: ['clientId', 'clientSecret'], facebook: ['clientId', 'clientSecret'], loginWithAmazon: ['clientId', 'clientSecret'], signInWithApple: ['clientId', 'teamId', 'keyId', 'privateKey'],
    };
    for (const [provider, fields] of Object.entries(needsSecrets)) {
      const conf = ext[provider as keyof ExternalProviders];
      if (conf === undefined) continue;
      for (const f of fields) {
        if (!isSecret((conf as Record<string, unknown>)[f])) throw invalidOption(WHERE, `loginWith.externalProviders.${provider}.${f}`, 'must be a secret', `Use ${f}: secret('${provider.toUpperCase()}_${f.toUpperCase()}') and set it with npx ampx sandbox secret set.`);
      }
    }
    if (ext.oidc !== undefined && !Array.isArray(ext.oidc)) throw invalidOption(WHERE, 'loginWith.externalProviders.oidc', 'must be a list', 'Write oidc: [{ clientId, clientSecret, issuerUrl }].');
    (ext.oidc ?? []).forEach((o, i) => {
      if (typeof o?.issuerUrl !== 'string') throw invalidOption(WHERE, `loginWith.externalProviders.oidc[${i}].issuerUrl`, 'is missing', 'Give the OIDC issuer URL.');
    });
  }
  if (login.webAuthn !== undefined && login.webAuthn !== true) {
    if (!isObject(login.webAuthn) || typeof login.webAuthn.relyingPartyId !== 'string') throw invalidOption(WHERE, 'loginWith.webAuthn', 'must be true or { relyingPartyId }', "Write webAuthn: true or webAuthn: { relyingPartyId: 'example.com' }.");
    if (login.webAuthn.userVerification !== undefined && !['required', 'preferred'].includes(login.webAuthn.userVerification)) {
      throw invalidOption(WHERE, 'loginWith.webAuthn.userVerification', `is ${JSON.stringify(login.webAuthn.userVerification)}`, "Use 'required' or 'preferred'.");
    }
  }
}

function validateMfa(props: AuthProps): void {
  const mfa = props.multifactor;
  if (mfa === undefined) return;
  if (!isObject(mfa) || !['OFF', 'OPTIONAL', 'REQUIRED'].includes(mfa.mode as string)) {
    throw invalidOption(WHERE, 'multifactor.mode', `is ${JSON.stringify((mfa as { mode?: unknown })?.mode)}`, "Use 'OFF', 'OPTIONAL' or 'REQUIRED'.");
  }
  if (mfa.mode === 'OFF') return;
  for (const k of ['totp', 'email'] as const) if (!isBool(mfa[k])) throw invalidOption(WHERE, `multifactor.${k}`, `is ${JSON.stringify(mfa[k])}`, 'Use true or false.');
  if (mfa.sms !== undefined && typeof mfa.sms !== 'boolean' && !isObject(mfa.sms)) throw invalidOption(WHERE, 'multifactor.sms', `is ${JSON.stringify(mfa.sms)}`, 'Use true, false or { smsMessage }.');
  if (!mfa.totp && !mfa.sms && !mfa.email) throw invalidOption(WHERE, 'multifactor', `is ${mfa.mode} with no method`, 'Enable at least one of totp, sms or email.');
  if (props.loginWith.phone && !mfa.sms) {
    throw invalidOption(WHERE, 'multifactor.sms', 'must be enabled when loginWith phone is enabled (Invalid MFA settings. SMS must be enabled in multiFactor if loginWith phone is enabled)', 'Add sms: true to multifactor.');
  }
  if (isObject(mfa.sms)) {
    checkTemplate('multifactor.sms.smsMessage', mfa.sms.smsMessage, '{####}', "must utilize the 'code' parameter at least once as a placeholder for the verification code", (f) => (f as unknown as (c: () => string) => string)(() => '{####}'));
  }
}

function validatePasswordless(props: AuthProps): void {
  const preferred = props.passwordlessOptions?.preferredChallenge;
  if (props.passwordlessOptions !== undefined && !isObject(props.passwordlessOptions)) throw invalidOption(WHERE, 'passwordlessOptions', 'must be an object', "Write passwordlessOptions: { preferredChallenge: 'EMAIL_OTP' }.");
  if (preferred === undefined) return;
  const enabled = ['PASSWORD'];
  if (isObject(props.loginWith.email) && props.loginWith.email.otpLogin) enabled.push('EMAIL_OTP');
  if (isObject(props.loginWith.phone) && props.loginWith.phone.otpLogin) enabled.push('SMS_OTP');
  if (props.loginWith.webAuthn) enabled.push('WEB_AUTHN');
  if (!enabled.includes(preferred)) {
    throw invalidOption(WHERE, 'passwordlessOptions.preferredChallenge', `is "${preferred}", which is not enabled in your authentication configuration (enabled challenges: ${enabled.join(', ')})`, 'Enable it in loginWith (email.otpLogin, phone.otpLogin, webAuthn) or choose an enabled challenge.');
  }
}

/** Records everything Sandlot does not emulate, by option name. */
function warnUnsupportedOptions(props: AuthProps): void {
  const login = props.loginWith;
  const ext = login.externalProviders;
  if (ext) {
    const providers = ['google', 'facebook', 'loginWithAmazon', 'signInWithApple', 'oidc', 'saml'].filter((p) => ext[p as keyof ExternalProviders] !== undefined);
    warnUnsupported(`defineAuth loginWith.externalProviders (${providers.join(', ') || 'hosted UI'}; social sign-in and the hosted UI)`);
  }
  if (login.webAuthn) warnUnsupported('defineAuth loginWith.webAuthn (passkeys)');
  if (isObject(login.email) && login.email.otpLogin) warnUnsupported('defineAuth loginWith.email.otpLogin (passwordless email OTP sign-in)');
  if (isObject(login.phone) && login.phone.otpLogin) warnUnsupported('defineAuth loginWith.phone.otpLogin (passwordless SMS OTP sign-in)');
  if (props.passwordlessOptions) warnUnsupported('defineAuth passwordlessOptions');
  if (props.triggers && Object.keys(props.triggers).length) warnUnsupported(`defineAuth triggers (${Object.keys(props.triggers).join(', ')})`);
  if (props.access) warnUnsupported('defineAuth access (function permissions)');
  if (props.senders) warnUnsupported(`defineAuth senders (${Object.keys(props.senders).join(', ')}; codes and messages go to the local outbox)`);
  if (props.accountRecovery && !['EMAIL_ONLY', 'NONE'].includes(props.accountRecovery)) warnUnsupported(`defineAuth accountRecovery '${props.accountRecovery}' (recovery codes go to the local outbox by email or phone as available)`);
}

/** `defineAuth`: validates the props as the auth factory and construct do and records them for the sandbox. */
export function defineAuth(props: AuthProps): AuthDefinition {
  if (!isObject(props)) throw invalidOption(WHERE, 'props', 'must be an object', 'Call defineAuth({ loginWith: { email: true } }).');
  if (props.name !== undefined) validateResourceName(WHERE, props.name);
  validateLoginWith(props.loginWith);
  validateUserAttributes(props.userAttributes);
  const groups = props.groups ?? [];
  if (!Array.isArray(groups) || groups.some((g) => typeof g !== 'string' || !GROUP_NAME.test(g))) {
    throw invalidOption(WHERE, 'groups', 'must be a list of group names (1-128 characters, no spaces)', "Use names like groups: ['admin', 'editors'].");
  }
  const twice = groups.find((g, i) => groups.indexOf(g) !== i);
  if (twice) throw invalidOption(WHERE, 'groups', `has '${twice}' twice`, 'Give each group once.');
  validateMfa(props);
  if (props.accountRecovery !== undefined && !ACCOUNT_RECOVERY.includes(props.accountRecovery)) {
    throw invalidOption(WHERE, 'accountRecovery', `is ${JSON.stringify(props.accountRecovery)}`, `Use one of ${ACCOUNT_RECOVERY.join(', ')}.`);
  }
  if (props.triggers !== undefined) {
    if (!isObject(props.triggers)) throw invalidOption(WHERE, 'triggers', 'must be an object', 'Write triggers: { preSignUp: myFunction }.');
    const bad = Object.keys(props.triggers).find((k) => !(TRIGGER_EVENTS as readonly string[]).includes(k));
    if (bad) throw invalidOption(WHERE, `triggers.${bad}`, 'is not a Cognito trigger', `Use one of ${TRIGGER_EVENTS.join(', ')}.`);
  }
  if (props.access !== undefined && typeof props.access !== 'function') throw invalidOption(WHERE, 'access', 'must be a function', 'Write access: (allow) => [allow.resource(fn).to([...])].');
  const sms = props.senders?.sms;
  if (isObject(sms) && !('handler' in sms) && Boolean(sms.snsCallerArn) !== Boolean(sms.externalId)) {
    throw invalidOption(WHERE, 'senders.sms', 'needs both externalId and snsCallerArn when providing a custom IAM role', 'Set both externalId and snsCallerArn, or neither.');
  }
  validatePasswordless(props);
  warnUnsupportedOptions(props);
  return Object.freeze({ kind: 'auth' as const, props, definedAt: callerLocation() });
}
