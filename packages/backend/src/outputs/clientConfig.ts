import { accumulate } from './accumulate.js';
import type { BackendOutput, ClientConfig, OutputsVersion } from './types.js';

const SOCIAL = ['GOOGLE', 'FACEBOOK', 'LOGIN_WITH_AMAZON', 'SIGN_IN_WITH_APPLE'];
const REQUIREMENTS: Record<string, string> = {
  REQUIRES_NUMBERS: 'require_numbers', REQUIRES_LOWERCASE: 'require_lowercase', REQUIRES_UPPERCASE: 'require_uppercase', REQUIRES_SYMBOLS: 'require_symbols',
};

/**
 * The unified client config of a backend's stack outputs for one 1.x version: the mapping of
 * `@aws-amplify/client-config`'s V1 contributors (ampx-spec §4.1–4.3), merged in their order
 * (auth, data, storage, version, custom). Written here so the sandbox does not load that package
 * and its AWS clients on every deploy; the tests compare it with the real contributors.
 */
export function clientConfigFor(output: BackendOutput, version: Exclude<OutputsVersion, '0'>, modelIntrospection?: unknown): ClientConfig {
  const v = Number(version);
  const config: Record<string, unknown> = {};
  const auth = output['AWS::Amplify::Auth']?.payload;
  if (auth) config.auth = authConfig(auth, { groups: v >= 1.3, passwordless: v >= 1.4 });
  const data = output['AWS::Amplify::GraphQL']?.payload;
  if (data) {
    config.data = {
      url: data.awsAppsyncApiEndpoint,
      aws_region: data.awsAppsyncRegion,
      api_key: data.awsAppsyncApiKey,
      default_authorization_type: data.awsAppsyncAuthenticationType,
      authorization_types: data.awsAppsyncAdditionalAuthenticationTypes?.split(','),
      ...(modelIntrospection !== undefined && { model_introspection: modelIntrospection }),
    };
  }
  const storage = output['AWS::Amplify::Storage']?.payload;
  if (storage) {
    const s: Record<string, unknown> = { aws_region: storage.storageRegion, bucket_name: storage.bucketName };
    if (v >= 1.1 && storage.buckets) {
      s.buckets = (JSON.parse(storage.buckets) as string[]).map((raw) => {
        const b = JSON.parse(raw) as { name: string; bucketName: string; storageRegion: string; paths?: unknown };
        return { name: b.name, bucket_name: b.bucketName, aws_region: b.storageRegion, ...(v >= 1.2 && { paths: b.paths }) };
      });
    }
    config.storage = s;
  }
  const result = { ...config, version } as ClientConfig;
  const custom = output['AWS::Amplify::Custom']?.payload?.customOutputs;
  return custom ? (accumulate(structuredClone(result), JSON.parse(custom) as Record<string, unknown>) as ClientConfig) : result;
}

function authConfig(p: Record<string, string>, o: { groups: boolean; passwordless: boolean }): Record<string, unknown> {
  const a: Record<string, unknown> = { user_pool_id: p.userPoolId, aws_region: p.authRegion, user_pool_client_id: p.webClientId };
  if (p.identityPoolId) a.identity_pool_id = p.identityPoolId;
  const parsed = (key: string, value?: string) => value != null && (a[key] = JSON.parse(value));
  parsed('mfa_methods', p.mfaTypes);
  parsed('standard_required_attributes', p.signupAttributes);
  parsed('username_attributes', p.usernameAttributes);
  parsed('user_verification_types', p.verificationMechanisms);
  if (o.groups) parsed('groups', p.groups);
  if (p.mfaConfiguration) a.mfa_configuration = ({ OFF: 'NONE', OPTIONAL: 'OPTIONAL', ON: 'REQUIRED' } as Record<string, string>)[p.mfaConfiguration];
  if (p.passwordPolicyMinLength || p.passwordPolicyRequirements) {
    const policy: Record<string, unknown> = { min_length: 8, require_lowercase: false, require_numbers: false, require_symbols: false, require_uppercase: false };
    if (p.passwordPolicyMinLength) policy.min_length = Number.parseInt(p.passwordPolicyMinLength, 10);
    for (const r of JSON.parse(p.passwordPolicyRequirements ?? '[]') as string[]) if (REQUIREMENTS[r]) policy[REQUIREMENTS[r]!] = true;
    a.password_policy = policy;
  }
  if (p.oauthRedirectSignIn && p.oauthRedirectSignOut) {
    const providers = p.socialProviders ? (JSON.parse(p.socialProviders) as string[]) : [];
    a.oauth = {
      identity_providers: providers.filter((x) => SOCIAL.includes(x)),
      redirect_sign_in_uri: p.oauthRedirectSignIn.split(','),
      redirect_sign_out_uri: p.oauthRedirectSignOut.split(','),
      response_type: p.oauthResponseType,
      scopes: p.oauthScope ? JSON.parse(p.oauthScope) : [],
      domain: p.oauthCognitoDomain ?? '',
    };
  }
  if (p.allowUnauthenticatedIdentities) a.unauthenticated_identities_enabled = p.allowUnauthenticatedIdentities === 'true';
  if (o.passwordless && p.passwordlessOptions) {
    const x = JSON.parse(p.passwordlessOptions) as { emailOtpEnabled?: boolean; smsOtpEnabled?: boolean; webAuthn?: { relyingPartyId: string; userVerification: string }; preferredChallenge?: string };
    const pw: Record<string, unknown> = {
      email_otp_enabled: x.emailOtpEnabled,
      sms_otp_enabled: x.smsOtpEnabled,
      web_authn: x.webAuthn ? { relying_party_id: x.webAuthn.relyingPartyId, user_verification: x.webAuthn.userVerification } : undefined,
    };
    if (x.preferredChallenge) pw.preferred_challenge = x.preferredChallenge;
    a.passwordless = pw;
  }
  return a;
}
