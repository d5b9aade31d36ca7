/**
 * The typed definition of one local user pool (what `defineAuth` resolves to). `applyUserPoolConfig`
 * (in `apply.ts`) turns it into stored state; fields left out take Cognito's / Amplify Gen 2's defaults.
 */
export type MfaMode = 'OFF' | 'OPTIONAL' | 'REQUIRED';

export interface UserPoolGroupConfig {
  name: string;
  precedence?: number;
  description?: string;
  roleArn?: string;
}

export interface PasswordPolicy {
  minLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export interface UserPoolConfig {
  /** `<region>_<suffix>`; the client derives the region (and SRP pool name) from it. */
  userPoolId: string;
  clientId: string;
  /** Which identifiers sign in. email/phone make them username attributes (the username is then a UUID). */
  signInWith?: { email?: boolean; phone?: boolean; username?: boolean };
  /** Standard attributes that must be present at sign-up (e.g. `email`, `given_name`). */
  requiredAttributes?: string[];
  /** Custom attribute names, with or without the `custom:` prefix. */
  customAttributes?: string[];
  passwordPolicy?: Partial<PasswordPolicy>;
  groups?: UserPoolGroupConfig[];
  mfa?: { mode: MfaMode; totp?: boolean; sms?: boolean; email?: boolean };
  tokenLifetimes?: { accessTokenSeconds?: number; idTokenSeconds?: number; refreshTokenSeconds?: number };
  /** Whether SignUp is open to anyone (Gen 2 default true). */
  selfSignUp?: boolean;
  /** Where sign-up / attribute codes go. Default: `email` when email is an identifier or required, else `none`. */
  userVerification?: 'email' | 'phone' | 'none';
}

/** The config with every default filled in: what operations read. */
export interface ResolvedPoolConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  /** The SRP pool name: the part of the id after `_`. */
  poolName: string;
  usernameAttributes: ('email' | 'phone_number')[];
  requiredAttributes: string[];
  customAttributes: string[];
  passwordPolicy: PasswordPolicy;
  mfa: { mode: MfaMode; totp: boolean; sms: boolean; email: boolean };
  accessTokenSeconds: number;
  idTokenSeconds: number;
  refreshTokenSeconds: number;
  selfSignUp: boolean;
  userVerification: 'email' | 'phone' | 'none';
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true };

export function resolvePoolConfig(c: UserPoolConfig): ResolvedPoolConfig {
  const m = /^([a-z0-9-]+)_([A-Za-z0-9]+)$/.exec(c.userPoolId);
  if (!m) throw new Error(`User pool id "${c.userPoolId}" must look like <region>_<suffix> (e.g. us-east-1_AbCdEf123).`);
  if (!c.clientId) throw new Error('A user pool config needs a clientId.');
  const signIn = c.signInWith ?? { email: true };
  const usernameAttributes: ResolvedPoolConfig['usernameAttributes'] = [];
  if (signIn.email) usernameAttributes.push('email');
  if (signIn.phone) usernameAttributes.push('phone_number');
  if (signIn.username) usernameAttributes.length = 0; // username pools keep email/phone as plain attributes
  const requiredAttributes = [...new Set([...(c.requiredAttributes ?? []), ...usernameAttributes])];
  const verification = c.userVerification ?? (usernameAttributes.includes('email') || requiredAttributes.includes('email') ? 'email' : usernameAttributes.includes('phone_number') ? 'phone' : 'none');
  return {
    userPoolId: c.userPoolId,
    clientId: c.clientId,
    region: m[1]!,
    poolName: m[2]!,
    usernameAttributes,
    requiredAttributes,
    customAttributes: (c.customAttributes ?? []).map((n) => (n.startsWith('custom:') ? n : `custom:${n}`)),
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...c.passwordPolicy },
    mfa: { mode: c.mfa?.mode ?? 'OFF', totp: c.mfa?.totp ?? (c.mfa !== undefined && c.mfa.mode !== 'OFF'), sms: c.mfa?.sms ?? false, email: c.mfa?.email ?? false },
    accessTokenSeconds: c.tokenLifetimes?.accessTokenSeconds ?? 3600,
    idTokenSeconds: c.tokenLifetimes?.idTokenSeconds ?? 3600,
    refreshTokenSeconds: c.tokenLifetimes?.refreshTokenSeconds ?? 30 * 24 * 3600,
    selfSignUp: c.selfSignUp ?? true,
    userVerification: verification,
  };
}
