/**
 * The loaded backend as plain, serialisable data (JSON round-trips it): what the sandbox applies to the
 * local cloud and what `amplify_outputs.json` is rendered from. Functions in the definition (message
 * templates) are evaluated to their Cognito text; secrets stay references (`{ kind: 'secret', name }`).
 */
import type { BackendSecret } from '../secret.js';

export type CognitoStandardAttribute =
  | 'address' | 'birthdate' | 'email' | 'family_name' | 'gender' | 'given_name' | 'locale' | 'middle_name' | 'name'
  | 'nickname' | 'phone_number' | 'picture' | 'preferred_username' | 'profile' | 'updated_at' | 'website' | 'zoneinfo';

export interface AuthModel {
  /** Resource name (`defineAuth({ name })`, default `amplifyAuth`). */
  name: string;
  loginWith: { email: boolean; phone: boolean };
  /** `username_attributes`: email and/or phone_number, in Cognito's order. */
  usernameAttributes: ('email' | 'phone_number')[];
  /** Standard attributes the pool declares (email/phone added as required when they sign in), Cognito names, in schema order. */
  standardAttributes: { name: CognitoStandardAttribute; required: boolean; mutable: boolean }[];
  /** `standard_required_attributes` / `signupAttributes`. */
  requiredAttributes: CognitoStandardAttribute[];
  customAttributes: { name: `custom:${string}`; dataType: 'String' | 'Number' | 'Boolean' | 'DateTime'; mutable: boolean; minLen?: number; maxLen?: number; min?: number; max?: number }[];
  passwordPolicy: { minLength: number; requireLowercase: boolean; requireUppercase: boolean; requireNumbers: boolean; requireSymbols: boolean };
  mfa: { mode: 'OFF' | 'OPTIONAL' | 'REQUIRED'; totp: boolean; sms: boolean; email: boolean; smsMessage?: string };
  /** Groups with the precedence defineAuth gives them (their index). */
  groups: { name: string; precedence: number }[];
  userVerification: {
    /** `user_verification_types` / autoVerifiedAttributes. */
    verificationMechanisms: ('email' | 'phone_number')[];
    emailStyle: 'CODE' | 'LINK';
    emailSubject?: string;
    emailBody?: string;
    smsMessage?: string;
  };
  userInvitation?: { emailSubject?: string; emailBody?: string; smsMessage?: string };
  accountRecovery: 'EMAIL_AND_PHONE_WITHOUT_MFA' | 'PHONE_WITHOUT_MFA_AND_EMAIL' | 'EMAIL_ONLY' | 'PHONE_ONLY_WITHOUT_MFA' | 'PHONE_AND_EMAIL' | 'NONE';
  selfSignUp: boolean;
  allowUnauthenticatedIdentities: boolean;
  /** Passwordless sign-in as configured (recorded; not emulated yet). */
  passwordless?: { emailOtpEnabled: boolean; smsOtpEnabled: boolean; webAuthn?: { relyingPartyId: string; userVerification: 'required' | 'preferred' }; preferredChallenge?: string };
  /** External providers as configured (recorded; not emulated yet). Secrets stay references. */
  externalProviders?: {
    providers: string[];
    callbackUrls: string[];
    logoutUrls: string[];
    scopes: string[];
    secrets: Record<string, BackendSecret>;
  };
  triggers: string[];
}

export type AppSyncAuthorizationType = 'AMAZON_COGNITO_USER_POOLS' | 'API_KEY' | 'AWS_IAM' | 'AWS_LAMBDA' | 'OPENID_CONNECT';

export interface DataModel {
  /** API name (`defineData({ name })`, default `amplifyData`). */
  name: string;
  /** The model schema SDL: `schema.transform().schema` (parts of `a.combine` joined by a newline), or the SDL string. */
  modelSchema: string;
  /** Lambda functions the schema's custom operations call (`a.handler.function`), by name: recorded, not emulated. */
  functions: string[];
  authorizationModes: {
    /** `defineData` `defaultAuthorizationMode`, or the one the real backend computes. */
    defaultAuthorizationMode: 'iam' | 'identityPool' | 'userPool' | 'apiKey' | 'lambda' | 'oidc';
    defaultAuthorizationType: AppSyncAuthorizationType;
    /** The other types the API accepts, in the data construct's order. */
    additionalAuthorizationTypes: AppSyncAuthorizationType[];
    apiKey?: { description?: string; expiresInDays: number };
    lambda?: { timeToLiveInSeconds: number };
    oidc?: { oidcProviderName: string; oidcIssuerUrl: string; clientId?: string; tokenExpiryFromAuthInSeconds: number; tokenExpireFromIssueInSeconds: number };
  };
}

export type StorageOutputAction = 'get' | 'list' | 'write' | 'delete';

export interface StorageModel {
  name: string;
  isDefault: boolean;
  versioned: boolean;
  /**
   * `buckets[].paths` as the real tool computes it: S3 prefix (after `{entity_id}` substitution) →
   * rule key (`guest`, `authenticated`, `groups<Name>`, `entityidentity`) → actions (`read` expanded).
   */
  paths: Record<string, Record<string, StorageOutputAction[]>>;
  /** The access rules as written (path → who → actions), for enforcing access in the local S3. */
  rules: { path: string; who: 'guest' | 'authenticated' | 'groups' | 'entity' | 'resource'; groups?: string[]; actions: StorageOutputAction[] }[];
}

export interface LoadedBackend {
  /** The file loaded (`amplify/backend.ts` …). */
  entryPoint: string;
  auth?: AuthModel;
  data?: DataModel;
  storage?: StorageModel[];
  /** Everything passed to `backend.addOutput(...)`, merged as the real accumulator merges it. */
  customOutputs?: Record<string, unknown>;
  /** Options used that Sandlot does not emulate, each named (also printed by the sandbox). */
  warnings: string[];
  /** Names of every `secret('…')` referenced, first-seen order. */
  secretRefs: string[];
}
