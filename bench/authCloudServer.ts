// Child process of bench/auth.ts: a local cloud (Cognito only) on a free loopback port; prints its URL.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createCloud } from '../packages/cloud/src/createCloud.js';
import { applyUserPoolConfig } from '../packages/cloud/src/cognito/index.js';

const cloud = createCloud({ databaseFile: join(process.argv[2]!, 'sandbox.db'), masterKey: randomBytes(32), services: ['cognito'] });
applyUserPoolConfig(cloud.services, { userPoolId: 'us-east-1_Bench', clientId: 'benchclient', signInWith: { email: true }, groups: [{ name: 'ADMINS', precedence: 0 }] });
const server = await cloud.listen(0);
const { accessKeyId, secretAccessKey } = cloud.services.rootCredentials;
process.stdout.write(JSON.stringify({ url: server.url, accessKeyId, secretAccessKey }) + '\n');
