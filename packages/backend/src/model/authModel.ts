import type { AuthProps, EmailLoginSettings, ExternalProviders, PhoneNumberLogin } from '../defineAuth.js';
import { STANDARD_ATTRIBUTES, type StandardAttributeName } from '../defineAuth.js';
import { isSecret, type BackendSecret } from '../secret.js';
import type { AuthModel, CognitoStandardAttribute } from './types.js';

/** Gen 2 auth construct defaults (`auth-construct/src/defaults.ts`). */
const PASSWORD_POLICY: AuthModel['passwordPolicy'] = { minLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true };

const CODE = '{####}';
const INVITE_USERNAME = '{username}';

type TextFn = (...args: never[]) => string;
const call = (fn: unknown, ...args: unknown[]): string | undefined => (typeof fn === 'function' ? (fn as (...a: unknown[]) => string)(...args) : undefined);

/** The Cognito text of the verification email: code `{####}`, link `{##text##}` (placeholders the construct injects). */
function verificationEmail(e: EmailLoginSettings): { style: 'CODE' | 'LINK'; body?: string } {
  if (e.verificationEmailStyle === 'LINK') return { style: 'LINK', body: call(e.verificationEmailBody, (text?: string) => (text ? `{##${text}##}` : '{##Verify Email##}')) };
  return { style: 'CODE', body: call(e.verificationEmailBody, () => CODE) };
}

function secretsOf(ext: ExternalProviders): Record<string, BackendSecret> {
  const out: Record<string, BackendSecret> = {};
  const visit = (prefix: string, v: unknown) => {
    if (isSecret(v)) out[prefix] = v;
    else if (Array.isArray(v)) v.forEach((x, i) => visit(`${prefix}[${i}]`, x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(prefix ? `${prefix}.${k}` : k, x);
  };
  visit('', ext);
  return out;
}

/** What the auth construct would create for these props, as data (`construct.ts` getUserPoolProps + outputs). */
export function buildAuthModel(props: AuthProps): AuthModel {
  const login = props.loginWith;
  const email = Boolean(login.email);
  const phone = Boolean(login.phone);
  // CDK schema order: email and phone (required when they sign in) first, then the user's attributes in key order.
  const standard = new Map<CognitoStandardAttribute, { required: boolean; mutable: boolean }>();
  if (email) standard.set('email', { required: true, mutable: true });
  if (phone) standard.set('phone_number', { required: true, mutable: true });
  const customAttributes: AuthModel['customAttributes'] = [];
  for (const [key, attr] of Object.entries(props.userAttributes ?? {})) {
    if (key.startsWith('custom:')) {
      const c = attr as { dataType: AuthModel['customAttributes'][number]['dataType']; mutable?: boolean; minLen?: number; maxLen?: number; min?: number; max?: number };
      customAttributes.push({
        name: key as `custom:${string}`, dataType: c.dataType, mutable: c.mutable ?? true,
        ...(c.minLen !== undefined && { minLen: c.minLen }), ...(c.maxLen !== undefined && { maxLen: c.maxLen }),
        ...(c.min !== undefined && { min: c.min }), ...(c.max !== undefined && { max: c.max }),
      });
    } else {
      const name = STANDARD_ATTRIBUTES[key as StandardAttributeName] as CognitoStandardAttribute;
      const a = attr as { required?: boolean; mutable?: boolean };
      standard.set(name, { required: a.required ?? false, mutable: a.mutable ?? true });
    }
  }
  const standardAttributes = [...standard].map(([name, a]) => ({ name, ...a }));
  const mfa = props.multifactor;
  const on = mfa !== undefined && mfa.mode !== 'OFF';
  const sms = on ? (mfa as { sms?: boolean | { smsMessage: TextFn } }).sms : undefined;
  const emailSettings = typeof login.email === 'object' ? login.email : undefined;
  const phoneSettings = typeof login.phone === 'object' ? (login.phone as Exclude<PhoneNumberLogin, true>) : undefined;
  const verification = emailSettings ? verificationEmail(emailSettings) : { style: 'CODE' as const, body: undefined };
  const invitation = emailSettings?.userInvitation;
  const ext = login.externalProviders;
  const webAuthn = login.webAuthn;
  const emailOtp = Boolean(emailSettings?.otpLogin);
  const smsOtp = Boolean(phoneSettings?.otpLogin);
  const model: AuthModel = {
    name: props.name ?? 'amplifyAuth',
    loginWith: { email, phone },
    usernameAttributes: [...(email ? ['email' as const] : []), ...(phone ? ['phone_number' as const] : [])],
    standardAttributes,
    requiredAttributes: standardAttributes.filter((a) => a.required).map((a) => a.name),
    customAttributes,
    passwordPolicy: { ...PASSWORD_POLICY },
    mfa: {
      mode: mfa?.mode ?? 'OFF',
      totp: on && Boolean((mfa as { totp?: boolean }).totp),
      sms: on && Boolean(sms),
      email: on && Boolean((mfa as { email?: boolean }).email),
      ...(typeof sms === 'object' && { smsMessage: call(sms.smsMessage, () => CODE) }),
    },
    groups: (props.groups ?? []).map((name, precedence) => ({ name, precedence })),
    userVerification: {
      verificationMechanisms: [...(email ? ['email' as const] : []), ...(phone ? ['phone_number' as const] : [])],
      emailStyle: verification.style,
      ...(emailSettings?.verificationEmailSubject !== undefined && { emailSubject: emailSettings.verificationEmailSubject }),
      ...(verification.body !== undefined && { emailBody: verification.body }),
      ...(phoneSettings?.verificationMessage && { smsMessage: call(phoneSettings.verificationMessage, () => CODE) }),
    },
    accountRecovery: props.accountRecovery ?? (email ? 'EMAIL_ONLY' : 'PHONE_ONLY_WITHOUT_MFA'),
    selfSignUp: true,
    allowUnauthenticatedIdentities: true,
    triggers: Object.keys(props.triggers ?? {}),
  };
  if (invitation) {
    model.userInvitation = {
      ...(invitation.emailSubject !== undefined && { emailSubject: invitation.emailSubject }),
      ...(invitation.emailBody && { emailBody: call(invitation.emailBody, () => INVITE_USERNAME, () => CODE) }),
      ...(invitation.smsMessage && { smsMessage: call(invitation.smsMessage, () => INVITE_USERNAME, () => CODE) }),
    };
  }
  if (emailOtp || smsOtp || webAuthn || props.passwordlessOptions?.preferredChallenge) {
    model.passwordless = {
      emailOtpEnabled: emailOtp,
      smsOtpEnabled: smsOtp,
      ...(webAuthn && {
        webAuthn: webAuthn === true ? { relyingPartyId: 'localhost', userVerification: 'preferred' as const } : { relyingPartyId: webAuthn.relyingPartyId, userVerification: webAuthn.userVerification ?? 'preferred' },
      }),
      ...(props.passwordlessOptions?.preferredChallenge && { preferredChallenge: props.passwordlessOptions.preferredChallenge }),
    };
  }
  if (ext) {
    const providers = [
      ...(ext.google ? ['GOOGLE'] : []), ...(ext.facebook ? ['FACEBOOK'] : []), ...(ext.signInWithApple ? ['SIGN_IN_WITH_APPLE'] : []), ...(ext.loginWithAmazon ? ['LOGIN_WITH_AMAZON'] : []),
      ...(ext.oidc ?? []).map((o, i) => o.name ?? `OIDC${i}`), ...(ext.saml ? [ext.saml.name ?? 'SAML'] : []),
    ];
    model.externalProviders = { providers, callbackUrls: [...ext.callbackUrls], logoutUrls: [...ext.logoutUrls], scopes: [...(ext.scopes ?? ['PHONE', 'EMAIL', 'OPENID', 'PROFILE', 'COGNITO_ADMIN'])], secrets: secretsOf(ext) };
  }
  return model;
}
