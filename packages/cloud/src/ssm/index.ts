/**
 * Local SSM Parameter Store (AWS JSON 1.1, `X-Amz-Target: AmazonSSM.*`), the store behind sandbox secrets.
 *
 * LIMITATIONS (differences from AWS): no tiers, labels, policies or parameter filters (a filter is
 * refused by name); SecureString uses Sandlot's AES-256-GCM key, not KMS (`KeyId` is always
 * `alias/aws/ssm`); values up to 8 KB; the newest 100 versions are kept. Every call must be SigV4-signed
 * with credentials this local account knows.
 */
import type { ServiceModule } from '../http/serviceModule.js';
import { awsJsonService } from '../http/awsJsonService.js';
import type { CloudServices } from '../services.js';
import { buildSsmOperations } from './operations/index.js';

export { createParameterStore, type ParameterStore, type StoredParameter } from './store.js';
export { ssmOperations } from './operations/index.js';

export function ssmService(s: CloudServices): ServiceModule {
  return awsJsonService({
    name: 'ssm',
    targetPrefix: 'AmazonSSM',
    operations: buildSsmOperations({ parameters: s.parameters, tokens: s.tokens }),
    signing: 'required',
    region: s.region,
    accountId: s.accountId,
    clock: s.clock,
    credentials: s.credentials,
  });
}
