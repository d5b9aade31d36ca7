import { Amplify } from 'aws-amplify';
import { applyDataConfig, applyUserPoolConfig, InProcessHandler, routerFetch, type CloudServices, type UserPoolConfig } from '@sandlot/cloud';
import { generateModelIntrospection } from '@sandlot/codegen';
import { startTestCloud, type TestCloud } from '@sandlot/cloud/testing/startTestCloud.js';
import { stackName, type BackendIdentifier } from '../backendIdentifier.js';
import { resetAwsClients } from '../awsClients.js';
import { useSdkRequestHandler } from '../sdkRequestHandler.js';
import { forgetAuthConfig } from '../authConfig.js';

export const SEED_ID: BackendIdentifier = { namespace: 'seedapp', name: 'tester', type: 'sandbox' };
export const POOL_ID = 'us-east-1_SeedTest01';
export const CLIENT_ID = 'seedtestclient0001';

export interface SeedSandboxOptions {
  /**
   * A data API (`schema.transform().schema` of `a.schema`), user-pool auth by default as in the docs' seed
   * example; aws-amplify is then also configured with `API.GraphQL` (endpoint, model introspection).
   */
  dataSchemaSdl?: string;
  /**
   * The library's SDK calls (`InProcessHandler`) and aws-amplify's fetches (`routerFetch`) go to the cloud's
   * router in this process, as under `ampx sandbox seed` when it serves the cloud itself.
   */
  inProcessSdk?: boolean;
}

/**
 * A local cloud set up the way `ampx sandbox` leaves it for a seed: a user pool, the stack record with
 * the Auth outputs (what the library reads), the environment `ampx sandbox seed` sets, and the
 * process's aws-amplify configured against it (userPoolEndpoint, wire-spec §1.3 A).
 */
export async function startSeedSandbox(pool: Partial<UserPoolConfig> = {}, o: SeedSandboxOptions = {}): Promise<TestCloud> {
  const t = await startTestCloud();
  applySeedBackend(t.cloud.services, pool, o);
  const restoreHandler = useSdkRequestHandler(o.inProcessSdk ? new InProcessHandler(t.cloud.router) : undefined);
  const savedFetch = globalThis.fetch;
  if (o.inProcessSdk) globalThis.fetch = routerFetch(t.cloud.router, t.url, savedFetch.bind(globalThis));
  pointSeedAt({ url: t.url, credentials: t.credentials }, o);
  const close = t.close.bind(t);
  return {
    ...t,
    close: async () => {
      globalThis.fetch = savedFetch;
      restoreHandler();
      resetAwsClients();
      await close();
    },
  };
}

/** The cloud side of `startSeedSandbox`: pool, stack record, data API. */
function applySeedBackend(services: CloudServices, pool: Partial<UserPoolConfig> = {}, o: SeedSandboxOptions = {}): void {
  applyUserPoolConfig(services, { userPoolId: POOL_ID, clientId: CLIENT_ID, signInWith: { email: true }, groups: [{ name: 'admin', precedence: 0 }], ...pool });
  const groups = pool.groups ?? [{ name: 'admin', precedence: 0 }];
  const mfa = pool.mfa ?? { mode: 'OFF' as const };
  const mfaTypes = mfa.mode === 'OFF' ? [] : [...(mfa.sms ? ['SMS'] : []), ...(mfa.totp ? ['TOTP'] : []), ...(mfa.email ? ['EMAIL'] : [])];
  const name = stackName(SEED_ID);
  services.stacks.put({
    name,
    stackId: `arn:aws:cloudformation:us-east-1:000000000000:stack/${name}/1`,
    status: 'UPDATE_COMPLETE',
    metadata: { 'AWS::Amplify::Auth': { version: '1', stackOutputs: ['authRegion', 'userPoolId', 'webClientId', 'identityPoolId', 'groups', 'mfaConfiguration', 'mfaTypes'] } },
    outputs: {
      authRegion: 'us-east-1',
      userPoolId: POOL_ID,
      webClientId: CLIENT_ID,
      identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000',
      groups: JSON.stringify(groups.map((g, i) => ({ [g.name]: { precedence: g.precedence ?? i } }))),
      mfaConfiguration: { OFF: 'OFF', OPTIONAL: 'OPTIONAL', REQUIRED: 'ON' }[mfa.mode],
      mfaTypes: JSON.stringify(mfaTypes),
    },
    now: new Date(),
  });
  if (o.dataSchemaSdl) {
    applyDataConfig(services, { apiId: 'seedtestapi', apiName: 'amplifyData', schemaSdl: o.dataSchemaSdl, authorizationModes: { default: 'userPool', userPoolId: POOL_ID } });
  }
}

/** The client side of `startSeedSandbox`: the seed environment and aws-amplify pointed at a cloud at `url`. */
function pointSeedAt(cloud: { url: string; credentials: { accessKeyId: string; secretAccessKey: string } }, o: SeedSandboxOptions = {}): void {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: cloud.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
    AMPLIFY_BACKEND_IDENTIFIER: JSON.stringify(SEED_ID),
  });
  delete process.env.AWS_PROFILE;
  resetAwsClients();
  forgetAuthConfig();
  const api = o.dataSchemaSdl
    ? { API: { GraphQL: { endpoint: `${cloud.url}/graphql`, region: 'us-east-1', defaultAuthMode: 'userPool', modelIntrospection: generateModelIntrospection({ modelSchema: o.dataSchemaSdl }) } } }
    : {};
  Amplify.configure({ Auth: { Cognito: { userPoolId: POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: cloud.url, loginWith: { email: true } } }, ...api } as Parameters<typeof Amplify.configure>[0]);
}
