import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a running sandbox publishes about itself (for `sandlot/register`, seed, other commands). */
export interface EndpointInfo {
  url: string;
  pid: number;
  region: string;
  stackName: string;
  startedAt: string;
}

export const endpointFile = (stateDir: string) => join(stateDir, 'endpoint.json');

export function writeEndpoint(stateDir: string, info: EndpointInfo): void {
  const file = endpointFile(stateDir);
  writeFileSync(file + '.tmp', JSON.stringify(info, null, 2));
  renameSync(file + '.tmp', file);
}

export function readEndpoint(stateDir: string): EndpointInfo | undefined {
  try {
    return JSON.parse(readFileSync(endpointFile(stateDir), 'utf8')) as EndpointInfo;
  } catch {
    return undefined;
  }
}

export const removeEndpoint = (stateDir: string) => rmSync(endpointFile(stateDir), { force: true });

/** Removes the file only when it still describes this process (another sandbox may have replaced it). */
export function removeEndpointIfOurs(dir: string): void {
  if (readEndpoint(dir)?.pid === process.pid) removeEndpoint(dir);
}
