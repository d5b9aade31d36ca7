// Test helper process: writes versions of one secret in a tight loop until killed
// (used to kill -9 a writer in the middle of a transaction). Args: <projectDir> <secretName>
import { SecretClient } from '../secrets/secretClient.js';
import { openSsm } from '../secrets/ssmConnection.js';
import { resolveSandbox } from '../commands/sandboxTarget.js';

const [dir, name] = process.argv.slice(2) as [string, string];
const loc = resolveSandbox({}, dir);
const client = new SecretClient((await openSsm(loc)).ssm, loc.id);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const version = await client.set(name, 'x'.repeat(2000) + i);
  if (version % 50 === 0) process.stdout.write(`${version}\n`);
}
