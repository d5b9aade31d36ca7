import type { SetUpTOTPOutput } from 'aws-amplify/auth';

/**
 * The public types of `@aws-amplify/seed@1.1.4` (`lib/types.d.ts`), field for field, so seed scripts
 * type-check the same against Sandlot's library and the published one.
 */
export type AuthSignUp = {
  signInAfterCreation: boolean;
  username: string;
  userAttributes?: StandardUserAttributes;
} & (PasswordSignInFlow | MfaSignUpFlow | MfaWithTotpSignUpFlow);

export type AuthUser = {
  username: string;
} & (PasswordSignInFlow | MfaSignInFlow);

export type AuthUserGroupInput = {
  username: string;
};

export type AuthOutputs = {
  signInFlow: 'Password' | 'MFA';
  username: string;
};

export type ChallengeResponse = {
  challengeResponse: string;
};

export type PasswordSignInFlow = {
  signInFlow: 'Password';
  password: string;
};

export type MfaSignUpFlow = {
  signInFlow: 'MFA';
  password: string;
  mfaPreference?: 'EMAIL' | 'SMS' | 'TOTP';
  emailSignUpChallenge?: () => Promise<ChallengeResponse>;
  smsSignUpChallenge?: () => Promise<ChallengeResponse>;
  totpSignUpChallenge?: (totpSetup: SetUpTOTPOutput) => Promise<ChallengeResponse>;
};

export type MfaWithTotpSignUpFlow = {
  mfaPreference?: 'TOTP';
  totpSignUpChallenge: (totpSetup: SetUpTOTPOutput) => Promise<ChallengeResponse>;
} & MfaSignUpFlow;

export type MfaSignInFlow = {
  signInFlow: 'MFA';
  password: string;
  signInChallenge?: () => Promise<ChallengeResponse>;
};

export type StandardUserAttributes = {
  name?: string;
  familyName?: string;
  givenName?: string;
  middleName?: string;
  nickname?: string;
  preferredUsername?: string;
  profile?: string;
  picture?: string;
  website?: string;
  gender?: string;
  birthdate?: string;
  zoneinfo?: string;
  locale?: string;
  updatedAt?: string;
  address?: string;
  email?: string;
  phoneNumber?: string;
  sub?: string;
};
