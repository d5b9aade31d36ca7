import type { LoadedBackend } from '../model/types.js';
import { BackendDefinitionError } from '../errors.js';
import type { BackendOutput, DeployedResources } from './types.js';

const need = (value: string | undefined, what: string): string => {
  if (!value) throw new BackendDefinitionError('MissingDeployedResourceError', `The outputs need ${what}, which the local cloud did not report.`, 'Apply the backend to the local cloud before rendering its outputs.');
  return value;
};

const MFA_CONFIGURATION = { OFF: 'OFF', OPTIONAL: 'OPTIONAL', REQUIRED: 'ON' } as const;

/**
 * The stack outputs the real constructs would write for this backend (auth construct `storeOutput`,
 * data construct, `StorageOutputsAspect`, custom outputs accumulator): what `ampx generate outputs`
 * reads back from CloudFormation. Empty values are left out, as the real reader drops them.
 */
export function stackOutputsFor(model: LoadedBackend, deployed: DeployedResources): BackendOutput {
  const out: BackendOutput = { 'AWS::Amplify::Platform': { version: '1', payload: { deploymentType: 'sandbox', region: deployed.region } } };
  const auth = model.auth;
  if (auth) {
    const payload: Record<string, string> = {
      userPoolId: need(deployed.userPoolId, 'the user pool id'),
      webClientId: need(deployed.userPoolClientId, 'the user pool client id'),
      identityPoolId: need(deployed.identityPoolId, 'the identity pool id'),
      authRegion: deployed.region,
      allowUnauthenticatedIdentities: String(auth.allowUnauthenticatedIdentities),
      signupAttributes: JSON.stringify(auth.requiredAttributes),
      usernameAttributes: JSON.stringify(auth.usernameAttributes),
      verificationMechanisms: JSON.stringify(auth.userVerification.verificationMechanisms),
      passwordPolicyMinLength: String(auth.passwordPolicy.minLength),
      passwordPolicyRequirements: JSON.stringify([
        ...(auth.passwordPolicy.requireNumbers ? ['REQUIRES_NUMBERS'] : []),
        ...(auth.passwordPolicy.requireLowercase ? ['REQUIRES_LOWERCASE'] : []),
        ...(auth.passwordPolicy.requireUppercase ? ['REQUIRES_UPPERCASE'] : []),
        ...(auth.passwordPolicy.requireSymbols ? ['REQUIRES_SYMBOLS'] : []),
      ]),
      mfaConfiguration: MFA_CONFIGURATION[auth.mfa.mode],
      mfaTypes: JSON.stringify([...(auth.mfa.sms ? ['SMS'] : []), ...(auth.mfa.totp ? ['TOTP'] : []), ...(auth.mfa.email ? ['EMAIL'] : [])]),
      groups: JSON.stringify(auth.groups.map((g) => ({ [g.name]: { precedence: g.precedence } }))),
      oauthClientId: need(deployed.userPoolClientId, 'the user pool client id'),
    };
    const p = auth.passwordless;
    if (p) {
      payload.passwordlessOptions = JSON.stringify({
        ...((p.emailOtpEnabled || p.smsOtpEnabled || p.webAuthn) && { emailOtpEnabled: p.emailOtpEnabled, smsOtpEnabled: p.smsOtpEnabled }),
        ...(p.webAuthn && { webAuthn: p.webAuthn }),
        ...(p.preferredChallenge && { preferredChallenge: p.preferredChallenge }),
      });
    }
    out['AWS::Amplify::Auth'] = { version: '1', payload };
  }
  const data = model.data;
  if (data) {
    const m = data.authorizationModes;
    const payload: Record<string, string> = {
      awsAppsyncApiId: deployed.apiId ?? '',
      awsAppsyncApiEndpoint: need(deployed.graphqlUrl, 'the GraphQL endpoint'),
      awsAppsyncAuthenticationType: m.defaultAuthorizationType,
      awsAppsyncRegion: deployed.region,
      amplifyApiModelSchemaS3Uri: deployed.modelSchemaS3Uri ?? '',
      awsAppsyncAdditionalAuthenticationTypes: m.additionalAuthorizationTypes.join(','),
    };
    if (m.apiKey) payload.awsAppsyncApiKey = need(deployed.apiKey, 'the API key');
    out['AWS::Amplify::GraphQL'] = { version: '1', payload };
  }
  if (model.storage?.length) {
    const bucketName = (name: string) => need(deployed.buckets?.find((b) => b.name === name)?.bucketName, `the bucket of storage '${name}'`);
    const main = model.storage.find((s) => s.isDefault) ?? model.storage[0]!;
    const buckets = model.storage.map((s) => JSON.stringify({ name: s.name, bucketName: bucketName(s.name), storageRegion: deployed.region, ...((s.rules.length || Object.keys(s.paths).length) && { paths: s.paths }) }));
    out['AWS::Amplify::Storage'] = { version: '1', payload: { storageRegion: deployed.region, bucketName: bucketName(main.name), buckets: JSON.stringify(buckets) } };
  }
  if (model.customOutputs) out['AWS::Amplify::Custom'] = { version: '1', payload: { customOutputs: JSON.stringify(model.customOutputs) } };
  for (const entry of Object.values(out)) {
    for (const [k, v] of Object.entries(entry.payload)) if (v === '') delete entry.payload[k];
  }
  return out;
}
