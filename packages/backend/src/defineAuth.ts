import { callerLocation, warnUnsupported, type ResourceDefinition } from './registry.js';
import { invalidOption } from './errors.js';
import type { BackendSecret } from './secret.js';

export type StandardAttributeName =
  | 'address' | 'birthdate' | 'email' | 'familyName' | 'gender' | 'givenName' | 'locale' | 'middleName' | 'fullname'
  | 'nickname' | 'phoneNumber' | 'profilePicture' | 'preferredUsername' | 'profilePage' | 'timezone' | 'lastUpdateTime' | 'website';

export interface StandardAttribute { required?: boolean; mutable?: boolean }
export interface CustomAttribute { dataType: 'String' | 'Number' | 'DateTime' | 'Boolean'; mutable?: boolean; minLen?: number; maxLen?: number; min?: number; max?: number }

export type MfaSettings =
  | { mode: 'OFF' }
  | { mode: 'OPTIONAL' | 'REQUIRED'; totp?: boolean; sms?: boolean | { smsMessage?: (code: string) => string }; email?: boolean | { emailMessage?: unknown; emailSubject?: string } };

export interface AuthProps {
  name?: string;
  loginWith: {
    email?: true | { verificationEmailStyle?: 'CODE' | 'LINK'; verificationEmailSubject?: string; verificationEmailBody?: unknown; userInvitation?: unknown; otpLogin?: boolean };
    phone?: true | { verificationMessage?: unknown; otpLogin?: boolean };
    externalProviders?: Record<string, unknown> & { callbackUrls?: string[]; logoutUrls?: string[]; google?: { clientId: BackendSecret; clientSecret: BackendSecret } };
    webAuthn?: unknown;
  };
  userAttributes?: Partial<Record<StandardAttributeName, StandardAttribute>> & Record<`custom:${string}`, CustomAttribute>;
  multifactor?: MfaSettings;
  accountRecovery?: 'EMAIL_AND_PHONE_WITHOUT_MFA' | 'PHONE_WITHOUT_MFA_AND_EMAIL' | 'EMAIL_ONLY' | 'PHONE_ONLY_WITHOUT_MFA' | 'PHONE_AND_EMAIL' | 'NONE';
  groups?: string[];
  triggers?: Record<string, unknown>;
  access?: unknown;
  senders?: unknown;
  passwordlessOptions?: unknown;
}

export type AuthDefinition = ResourceDefinition<'auth', AuthProps>;

export const STANDARD_ATTRIBUTES: Record<StandardAttributeName, string> = {
  address: 'address', birthdate: 'birthdate', email: 'email', familyName: 'family_name', gender: 'gender', givenName: 'given_name',
  locale: 'locale', middleName: 'middle_name', fullname: 'name', nickname: 'nickname', phoneNumber: 'phone_number',
  profilePicture: 'picture', preferredUsername: 'preferred_username', profilePage: 'profile', timezone: 'zoneinfo',
  lastUpdateTime: 'updated_at', website: 'website',
};

const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

/** `defineAuth`: validates what Sandlot can check now and records the props for the sandbox to apply. */
export function defineAuth(props: AuthProps): AuthDefinition {
  const where = 'defineAuth';
  if (!props || typeof props !== 'object') throw invalidOption(where, 'props', 'must be an object', 'Call defineAuth({ loginWith: { email: true } }).');
  const login = props.loginWith;
  if (!login || (!login.email && !login.phone)) {
    throw invalidOption(where, 'loginWith', 'must enable email or phone', 'Set loginWith: { email: true } (or phone: true).');
  }
  for (const [name, attr] of Object.entries(props.userAttributes ?? {})) {
    if (name.startsWith('custom:')) {
      const dt = (attr as CustomAttribute).dataType;
      if (!['String', 'Number', 'DateTime', 'Boolean'].includes(dt)) {
        throw invalidOption(where, `userAttributes['${name}'].dataType`, `is ${JSON.stringify(dt)}`, "Use 'String', 'Number', 'DateTime' or 'Boolean'.");
      }
    } else if (!(name in STANDARD_ATTRIBUTES)) {
      throw invalidOption(where, `userAttributes.${name}`, 'is not a standard attribute', `Use one of ${Object.keys(STANDARD_ATTRIBUTES).join(', ')}, or a custom attribute named 'custom:${name}'.`);
    }
  }
  const groups = props.groups ?? [];
  if (!Array.isArray(groups) || groups.some((g) => typeof g !== 'string' || !GROUP_NAME.test(g))) {
    throw invalidOption(where, 'groups', 'must be a list of group names (1-128 characters, no spaces)', "Use names like groups: ['admin', 'editors'].");
  }
  if (new Set(groups).size !== groups.length) throw invalidOption(where, 'groups', 'has a name twice', 'Give each group once.');
  const mfa = props.multifactor;
  if (mfa) {
    if (!['OFF', 'OPTIONAL', 'REQUIRED'].includes(mfa.mode)) throw invalidOption(where, 'multifactor.mode', `is ${JSON.stringify(mfa.mode)}`, "Use 'OFF', 'OPTIONAL' or 'REQUIRED'.");
    if (mfa.mode !== 'OFF' && !mfa.totp && !mfa.sms && !mfa.email) {
      throw invalidOption(where, 'multifactor', `is ${mfa.mode} with no method`, 'Enable at least one of totp, sms or email.');
    }
  }
  if (login.externalProviders) warnUnsupported('defineAuth loginWith.externalProviders (social sign-in / hosted UI)');
  if (login.webAuthn) warnUnsupported('defineAuth loginWith.webAuthn (passkeys)');
  if (props.triggers && Object.keys(props.triggers).length) warnUnsupported(`defineAuth triggers (${Object.keys(props.triggers).join(', ')})`);
  if (props.access) warnUnsupported('defineAuth access (function permissions)');
  if (props.senders) warnUnsupported('defineAuth senders (custom email/SMS senders): codes go to the local outbox');
  if (props.passwordlessOptions) warnUnsupported('defineAuth passwordlessOptions');
  return Object.freeze({ kind: 'auth' as const, props, definedAt: callerLocation() });
}
