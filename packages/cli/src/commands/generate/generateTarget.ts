import { AmplifyUserError, invalidInput } from '../../errors.js';
import { format } from '../../format.js';
import { findProject } from '../../project/projectRoot.js';
import { fromStackName, IDENTIFIER_PATTERN, sandboxIdentifier } from '../../project/backendIdentifier.js';
import { locateSandbox, type SandboxLocation } from '../../project/sandboxLocation.js';

export interface GenerateTargetArgs {
  stack?: string;
  appId?: string;
  branch?: string;
  identifier?: string;
  profile?: string;
}

const STACK = /^[a-zA-Z][-a-zA-Z0-9]{1,127}$/;

/**
 * Which local environment a `generate` command reads: `--stack`, `--app-id` + `--branch` (Sandlot's
 * branch environments are sandboxes named after the branch: `ampx sandbox --identifier <branch>`),
 * `--identifier` (Sandlot extension), or the current user's default sandbox.
 */
export function resolveGenerateTarget(args: GenerateTargetArgs, cwd = process.cwd()): SandboxLocation {
  const project = findProject(cwd);
  if (args.stack !== undefined) {
    const parsed = STACK.test(args.stack) ? fromStackName(args.stack) : undefined;
    if (!parsed) throw invalidInput(`Invalid --stack name provided: ${args.stack}`, 'Check the value of the stack name provided and try again.');
    const loc = locateSandbox(project, { namespace: project.name, name: parsed.name, type: parsed.type }, args.profile);
    if (loc.stackName !== args.stack) {
      throw new AmplifyUserError('BackendIdentifierResolverError', {
        message: 'Could not resolve the backend identifier.',
        resolution: `Stack ${args.stack} is not a sandbox of this project (${project.name}); its sandboxes are named amplify-${project.name.replace(/[^A-Za-z0-9]/g, '')}-<identifier>-sandbox-<hash>.`,
      });
    }
    return loc;
  }
  if (args.appId !== undefined || args.branch !== undefined) {
    const branch = args.branch ?? '';
    if (!IDENTIFIER_PATTERN.test(branch)) {
      throw invalidInput(`Sandlot cannot map --branch ${branch} to a local environment.`, 'Use a branch name of letters, digits and - (at most 15), and start it with npx ampx sandbox --identifier <branch>.');
    }
    return locateSandbox(project, sandboxIdentifier(project.name, branch), args.profile);
  }
  return locateSandbox(project, sandboxIdentifier(project.name, args.identifier), args.profile);
}

export const branchHint = (args: GenerateTargetArgs): string =>
  args.branch ? `Start the branch environment with ${format.command(`sandbox --identifier ${args.branch} --once`)}, then re-run this command.` : `Start the sandbox with ${format.command('sandbox')}, then re-run this command.`;
