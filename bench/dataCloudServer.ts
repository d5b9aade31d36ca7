// Child process of bench/data.ts: a local cloud (AppSync only) serving the bench schema on a free loopback port; prints its URL.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createCloud } from '../packages/cloud/src/createCloud.js';
import { applyDataConfig } from '../packages/cloud/src/appsync/index.js';

const [dir, schemaSdl, apiKey] = [process.argv[2]!, Buffer.from(process.argv[3]!, 'base64').toString('utf8'), process.argv[4]!];
const cloud = createCloud({ databaseFile: join(dir, 'sandbox.db'), masterKey: randomBytes(32), services: ['appsync'] });
applyDataConfig(cloud.services, { apiId: 'bench', apiName: 'amplifyData', schemaSdl, authorizationModes: { default: 'apiKey', apiKey: { key: apiKey, expiresAt: new Date(Date.now() + 86_400_000) } } });
const server = await cloud.listen(0);
process.stdout.write(JSON.stringify({ url: `${server.url}/graphql` }) + '\n');
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void server.close().then(() => process.exit(0)));
