import { findProject } from '../project/projectRoot.js';
import { sandboxIdentifier } from '../project/backendIdentifier.js';
import { locateSandbox, type SandboxLocation } from '../project/sandboxLocation.js';

/** Options every `sandbox …` command inherits (global in the real CLI). */
export interface SandboxGlobalArgs {
  identifier?: string;
  profile?: string;
}

/** The sandbox a command acts on: project from cwd, `--identifier` (or OS user), `--profile` account. */
export function resolveSandbox(args: SandboxGlobalArgs, cwd = process.cwd()): SandboxLocation {
  const project = findProject(cwd);
  return locateSandbox(project, sandboxIdentifier(project.name, args.identifier), args.profile);
}
