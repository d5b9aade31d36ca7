import type { UserPoolConfig, IdentityPoolConfig } from '@sandlot/cloud';
import { STANDARD_ATTRIBUTES, type AuthProps } from '@sandlot/backend';
import type { ResourceIds } from '../resourceIds.js';

export interface AuthSynth {
  userPool: UserPoolConfig;
  identityPool: IdentityPoolConfig;
  /** `AWS::Amplify::Auth` stack outputs, as amplify-backend's auth construct writes them. */
  payload: Record<string, string>;
}

/** Gen 2 `defineAuth` defaults: 8 characters, every character class (auth-construct defaults). */
const PASSWORD_REQUIREMENTS = ['REQUIRES_NUMBERS', 'REQUIRES_LOWERCASE', 'REQUIRES_UPPERCASE', 'REQUIRES_SYMBOLS'];

/** What the real auth construct would deploy for these props, as local configs and stack outputs. */
export function synthAuth(props: AuthProps, ids: ResourceIds, region: string): AuthSynth {
  const email = Boolean(props.loginWith.email);
  const phone = Boolean(props.loginWith.phone);
  const usernameAttributes = [...(email ? ['email'] : []), ...(phone ? ['phone_number'] : [])];
  const required = new Set<string>(usernameAttributes);
  const custom: string[] = [];
  for (const [name, attr] of Object.entries(props.userAttributes ?? {})) {
    if (name.startsWith('custom:')) custom.push(name);
    else if ((attr as { required?: boolean }).required) required.add(STANDARD_ATTRIBUTES[name as keyof typeof STANDARD_ATTRIBUTES]);
  }
  const groups = (props.groups ?? []).map((name, precedence) => ({ name, precedence }));
  const mfa = props.multifactor ?? { mode: 'OFF' as const };
  const mfaMode = mfa.mode;
  const totp = mfa.mode !== 'OFF' && Boolean(mfa.totp);
  const sms = mfa.mode !== 'OFF' && Boolean(mfa.sms);
  const emailMfa = mfa.mode !== 'OFF' && Boolean(mfa.email);
  const verification = email ? ['email'] : phone ? ['phone_number'] : [];
  const userPool: UserPoolConfig = {
    userPoolId: ids.userPoolId,
    clientId: ids.userPoolClientId,
    signInWith: { email, phone },
    requiredAttributes: [...required],
    customAttributes: custom,
    passwordPolicy: { minLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true },
    groups,
    mfa: { mode: mfaMode, totp, sms, email: emailMfa },
    selfSignUp: true,
    userVerification: email ? 'email' : phone ? 'phone' : 'none',
  };
  const identityPool: IdentityPoolConfig = {
    identityPoolId: ids.identityPoolId,
    allowUnauthenticated: true,
    userPoolId: ids.userPoolId,
    clientId: ids.userPoolClientId,
  };
  const mfaTypes = [...(sms ? ['SMS'] : []), ...(totp ? ['TOTP'] : []), ...(emailMfa ? ['EMAIL'] : [])];
  const payload: Record<string, string> = {
    authRegion: region,
    userPoolId: ids.userPoolId,
    webClientId: ids.userPoolClientId,
    identityPoolId: ids.identityPoolId,
    allowUnauthenticatedIdentities: 'true',
    signupAttributes: JSON.stringify([...required]),
    usernameAttributes: JSON.stringify(usernameAttributes),
    verificationMechanisms: JSON.stringify(verification),
    passwordPolicyMinLength: '8',
    passwordPolicyRequirements: JSON.stringify(PASSWORD_REQUIREMENTS),
    mfaConfiguration: { OFF: 'OFF', OPTIONAL: 'OPTIONAL', REQUIRED: 'ON' }[mfaMode],
    mfaTypes: JSON.stringify(mfaTypes),
    groups: JSON.stringify(groups.map((g) => ({ [g.name]: { precedence: g.precedence } }))),
  };
  return { userPool, identityPool, payload };
}
