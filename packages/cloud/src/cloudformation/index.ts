/**
 * Local CloudFormation (AWS Query protocol): just enough for tools that read a deployed Amplify
 * backend — `GetTemplateSummary` (template Metadata) and `DescribeStacks` (outputs, status).
 *
 * LIMITATIONS: no templates, resources, change sets or deployments; the sandbox writes stack records
 * directly (`putStack`). Operations other than DescribeStacks, GetTemplateSummary and ListStacks are
 * refused by name (`InvalidAction`).
 */
import type { ServiceModule } from '../http/serviceModule.js';
import { awsQueryService } from '../http/awsQueryService.js';
import type { CloudServices } from '../services.js';
import { buildCloudFormationOperations } from './operations/index.js';

export { createStackStore, type StackStore, type StackRecord } from './store.js';

export function cloudFormationService(s: CloudServices): ServiceModule {
  return awsQueryService({
    name: 'cloudformation',
    signingName: 'cloudformation',
    xmlns: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
    operations: buildCloudFormationOperations({ stacks: s.stacks }),
    region: s.region,
    accountId: s.accountId,
    clock: s.clock,
    credentials: s.credentials,
  });
}
