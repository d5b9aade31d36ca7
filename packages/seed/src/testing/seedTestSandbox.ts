import { Amplify } from 'aws-amplify';
import { applyUserPoolConfig, type UserPoolConfig } from '@sandlot/cloud';
import { startTestCloud, type TestCloud } from '@sandlot/cloud/testing/startTestCloud.js';
import { stackName, type BackendIdentifier } from '../backendIdentifier.js';
import { resetAwsClients } from '../awsClients.js';
import { forgetAuthConfig } from '../authConfig.js';

export const SEED_ID: BackendIdentifier = { namespace: 'seedapp', name: 'tester', type: 'sandbox' };
export const POOL_ID = 'us-east-1_SeedTest01';
export const CLIENT_ID = 'seedtestclient0001';

/**
 * A local cloud set up the way `ampx sandbox` leaves it for a seed: a user pool, the stack record with
 * the Auth outputs (what the library reads), the environment `ampx sandbox seed` sets, and the
 * process's aws-amplify configured against it (userPoolEndpoint, wire-spec §1.3 A).
 */
export async function startSeedSandbox(pool: Partial<UserPoolConfig> = {}): Promise<TestCloud> {
  const t = await startTestCloud();
  applyUserPoolConfig(t.cloud.services, { userPoolId: POOL_ID, clientId: CLIENT_ID, signInWith: { email: true }, groups: [{ name: 'admin', precedence: 0 }], ...pool });
  const groups = pool.groups ?? [{ name: 'admin', precedence: 0 }];
  const mfa = pool.mfa ?? { mode: 'OFF' as const };
  const mfaTypes = mfa.mode === 'OFF' ? [] : [...(mfa.sms ? ['SMS'] : []), ...(mfa.totp ? ['TOTP'] : []), ...(mfa.email ? ['EMAIL'] : [])];
  const name = stackName(SEED_ID);
  t.cloud.services.stacks.put({
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
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: t.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: t.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey,
    AMPLIFY_BACKEND_IDENTIFIER: JSON.stringify(SEED_ID),
  });
  delete process.env.AWS_PROFILE;
  resetAwsClients();
  forgetAuthConfig();
  Amplify.configure({ Auth: { Cognito: { userPoolId: POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: t.url, loginWith: { email: true } } } } as Parameters<typeof Amplify.configure>[0]);
  return t;
}
