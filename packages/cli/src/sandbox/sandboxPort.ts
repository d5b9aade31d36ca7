import { createHash } from 'node:crypto';
import { createServer } from 'node:net';

/**
 * A sandbox's preferred port: stable per sandbox (so amplify_outputs.json keeps the same URL across
 * restarts) and different between identifiers, in 20000–29999. `SANDLOT_PORT` overrides it.
 */
export function preferredPort(stackName: string, account: string): number {
  const fromEnv = Number(process.env.SANDLOT_PORT);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const h = createHash('sha256').update(`${account}/${stackName}`).digest().readUInt32BE(0);
  return 20000 + (h % 10000);
}

/** True when `port` can be bound on `host` right now. */
export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
