// Child process of bench/storage.ts: a local cloud (S3 only) on a free loopback port; prints its URL and root keys.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createCloud } from '../packages/cloud/src/createCloud.js';

const cloud = createCloud({ databaseFile: join(process.argv[2]!, 'sandbox.db'), masterKey: randomBytes(32), services: ['s3'] });
const server = await cloud.listen(0);
const { accessKeyId, secretAccessKey } = cloud.services.rootCredentials;
process.stdout.write(JSON.stringify({ url: server.url, accessKeyId, secretAccessKey }) + '\n');
process.on('SIGINT', () => process.exit(0));
