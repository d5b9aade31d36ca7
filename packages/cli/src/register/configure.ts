import type { ResourcesConfig } from 'aws-amplify';
import { parseAmplifyConfig } from 'aws-amplify/utils';

/**
 * For apps that configure Amplify without the preload (wire-spec §1.3 A): the app's config with the
 * Cognito user-pool and identity-pool endpoints pointed at the local cloud.
 * `Amplify.configure(localAmplifyConfig(outputs, 'http://127.0.0.1:4010'))`.
 * (S3 and realtime still need the preload: the client has no working endpoint setting for them.)
 */
export function localAmplifyConfig(outputs: Parameters<typeof parseAmplifyConfig>[0], endpoint: string): ResourcesConfig {
  const config = parseAmplifyConfig(outputs);
  const local = endpoint.replace(/\/$/, '');
  if (!config.Auth?.Cognito) return config;
  // The union type of Auth.Cognito does not survive a spread; the shape is unchanged apart from the endpoints.
  return { ...config, Auth: { ...config.Auth, Cognito: { ...config.Auth.Cognito, userPoolEndpoint: local, identityPoolEndpoint: local } } } as ResourcesConfig;
}
