import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CloudFormationClient, DescribeStacksCommand, GetTemplateSummaryCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { generateClientConfig } from '@aws-amplify/client-config';
import { startTestCloud, type TestCloud } from '../testing/startTestCloud.js';

let cloud: TestCloud;
let cfn: CloudFormationClient;
const stackName = 'amplify-myapp-alice-sandbox-617b6b058d';

before(async () => {
  cloud = await startTestCloud();
  cfn = new CloudFormationClient({ region: 'us-east-1', endpoint: cloud.url, credentials: cloud.credentials, maxAttempts: 1 });
  cloud.cloud.services.stacks.put({
    name: stackName,
    stackId: `arn:aws:cloudformation:us-east-1:000000000000:stack/${stackName}/1`,
    status: 'UPDATE_COMPLETE',
    metadata: {
      'AWS::Amplify::Platform': { version: '1', stackOutputs: ['deploymentType', 'region'] },
      'AWS::Amplify::Auth': { version: '1', stackOutputs: ['authRegion', 'userPoolId', 'webClientId', 'identityPoolId', 'groups', 'mfaConfiguration'] },
    },
    outputs: {
      deploymentType: 'sandbox',
      region: 'us-east-1',
      authRegion: 'us-east-1',
      userPoolId: 'us-east-1_abc',
      webClientId: 'client123',
      identityPoolId: 'us-east-1:0000-1111',
      groups: '[{"admin":{"precedence":0}}]',
      mfaConfiguration: 'OFF',
    },
    tags: { 'amplify:deployment-type': 'sandbox', 'created-by': 'amplify' },
    now: new Date(),
  });
});
after(async () => {
  cfn.destroy();
  await cloud.close();
});

test('DescribeStacks and GetTemplateSummary answer with the recorded outputs and Metadata', async () => {
  const d = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  assert.equal(d.Stacks?.[0]?.StackStatus, 'UPDATE_COMPLETE');
  assert.deepEqual(Object.fromEntries(d.Stacks![0]!.Outputs!.map((o) => [o.OutputKey, o.OutputValue])).userPoolId, 'us-east-1_abc');
  const t = await cfn.send(new GetTemplateSummaryCommand({ StackName: stackName }));
  assert.deepEqual(Object.keys(JSON.parse(t.Metadata!)), ['AWS::Amplify::Platform', 'AWS::Amplify::Auth']);
  const l = await cfn.send(new ListStacksCommand({}));
  assert.equal(l.StackSummaries?.length, 1);
});

test('unknown stacks, template bodies and bad signatures get CloudFormation errors', async () => {
  await assert.rejects(cfn.send(new DescribeStacksCommand({ StackName: 'nope' })), (e: Error) => e.name === 'ValidationError' && /Stack with id nope does not exist/.test(e.message));
  await assert.rejects(cfn.send(new GetTemplateSummaryCommand({ TemplateBody: '{}' })), (e: Error) => e.name === 'ValidationError');
  const bad = new CloudFormationClient({ region: 'us-east-1', endpoint: cloud.url, credentials: { ...cloud.credentials, secretAccessKey: 'nope' }, maxAttempts: 1 });
  await assert.rejects(bad.send(new DescribeStacksCommand({})), (e: Error) => e.name === 'SignatureDoesNotMatch');
  const stranger = new CloudFormationClient({ region: 'us-east-1', endpoint: cloud.url, credentials: { accessKeyId: 'AKIAX', secretAccessKey: 'x' }, maxAttempts: 1 });
  await assert.rejects(stranger.send(new DescribeStacksCommand({})), (e: Error) => e.name === 'InvalidClientTokenId');
});

test('the real @aws-amplify/client-config reads the backend from it', async () => {
  const provider = {
    getCloudFormationClient: () => cfn,
    getS3Client: () => new S3Client({ region: 'us-east-1', endpoint: cloud.url, credentials: cloud.credentials }),
    getAmplifyClient: () => ({}), // only used to look up apps by name, which this test does not do
  };
  const config = await generateClientConfig({ stackName }, '1.4', provider as never);
  assert.equal(config.version, '1.4');
  assert.equal(config.auth?.user_pool_id, 'us-east-1_abc');
  assert.deepEqual(config.auth?.groups, [{ admin: { precedence: 0 } }]);
});
