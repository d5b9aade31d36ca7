import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromStackName, toStackName, type BackendIdentifier } from './backendIdentifier.js';
import type { Project } from './projectRoot.js';

/** Where one sandbox's state lives, and which local account (profile) it belongs to. */
export interface SandboxLocation {
  project: Project;
  id: BackendIdentifier;
  stackName: string;
  /** Local account = `--profile`, else `AWS_PROFILE`, else `default`: each is its own isolated account. */
  account: string;
  stateDir: string;
  databaseFile: string;
}

export const accountFor = (profile: string | undefined): string => profile || process.env.AWS_PROFILE || 'default';

export function locateSandbox(project: Project, id: BackendIdentifier, profile: string | undefined): SandboxLocation {
  const account = accountFor(profile);
  const stackName = toStackName(id);
  const s = fromStackName(stackName)!;
  const stateDir = join(project.root, '.amplify', 'sandlot', encodeURIComponent(account), `${s.name}-${s.type}-${s.hash}`);
  return { project, id, stackName, account, stateDir, databaseFile: join(stateDir, 'sandbox.db') };
}

/** Creates the state folder and a `.gitignore` so sandbox state never reaches git. */
export function ensureStateDir(loc: SandboxLocation): void {
  const base = join(loc.project.root, '.amplify', 'sandlot');
  mkdirSync(loc.stateDir, { recursive: true, mode: 0o700 });
  const ignore = join(base, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# Sandlot sandbox state: never commit\n*\n');
}
