import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the running sandbox writes its URL: `.amplify/sandlot/endpoint.json` (`{"endpoint": "http://…"}`). */
export const ENDPOINT_FILE = join('.amplify', 'sandlot', 'endpoint.json');

export function readEndpoint(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.SANDLOT_ENDPOINT) return env.SANDLOT_ENDPOINT;
  const file = join(cwd, ENDPOINT_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { endpoint?: string; url?: string };
  return parsed.endpoint ?? parsed.url;
}
