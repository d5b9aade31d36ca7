// Child process of bench/seed.ts: the local cloud a running `ampx sandbox` serves (its own process), set up as
// the seed tests' sandbox (user pool with group "admin", stack record, the data schema given as base64);
// prints its URL and root keys.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createCloud } from '../packages/cloud/src/createCloud.js';
import { applySeedBackend } from '../packages/seed/src/testing/seedTestSandbox.js';

const cloud = createCloud({ databaseFile: join(process.argv[2]!, 'sandbox.db'), masterKey: randomBytes(32) });
applySeedBackend(cloud.services, {}, { dataSchemaSdl: Buffer.from(process.argv[3]!, 'base64').toString('utf8') });
const server = await cloud.listen(0);
const { accessKeyId, secretAccessKey } = cloud.services.rootCredentials;
process.stdout.write(JSON.stringify({ url: server.url, credentials: { accessKeyId, secretAccessKey } }) + '\n');
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void server.close().then(() => { cloud.close(); process.exit(0); }));
