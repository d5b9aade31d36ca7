import type { Printer } from '../printer.js';
import type { SandboxGlobalArgs } from '../commands/sandboxTarget.js';
import { IDENTIFIER_PATTERN } from '../project/backendIdentifier.js';
import { SecretGetCommand } from '../commands/sandbox/secret/secretGetCommand.js';
import { SecretSetCommand } from '../commands/sandbox/secret/secretSetCommand.js';
import { SecretListCommand } from '../commands/sandbox/secret/secretListCommand.js';
import { SecretRemoveCommand } from '../commands/sandbox/secret/secretRemoveCommand.js';

/** The arguments the secret handlers read, as yargs would hand them over for the calls below. */
export type FastSecretArgs = SandboxGlobalArgs & { secretName?: string };

export interface FastSecretCall {
  command: 'get' | 'set' | 'list' | 'remove';
  args: FastSecretArgs;
}

const NAMED = new Set(['get', 'set', 'remove']);

/**
 * The common secret calls without yargs: exactly `sandbox secret get|set|remove <name>` or
 * `sandbox secret list`, with at most one `--identifier X` and one `--profile X` (`--flag v` or
 * `--flag=v`) anywhere after `sandbox`. Loading yargs and building its command tree costs more than
 * the secret call itself, and yargs 17 renders the command's whole help text on every run, success
 * or not (command.js calls `cacheHelpMessage()` right after starting a handler; no setting turns it off). Anything else — help, other flags, aliases, a missing or extra argument, a value
 * that starts with `-`, an invalid identifier — returns undefined, and the full parser takes over, so
 * its output and errors stay the only ones. secretFastPath.test.ts checks each accepted argument list
 * against what yargs hands the handler.
 */
export function parseSecretFastPath(args: readonly string[]): FastSecretCall | undefined {
  if (args[0] !== 'sandbox') return undefined;
  const words: string[] = [];
  const flags: FastSecretArgs = {};
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) {
      words.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq === -1 ? a : a.slice(0, eq);
    const key = flag === '--identifier' ? 'identifier' : flag === '--profile' ? 'profile' : undefined;
    if (key === undefined || flags[key] !== undefined) return undefined;
    const value = eq === -1 ? args[++i] : a.slice(eq + 1);
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    flags[key] = value;
  }
  // An invalid identifier is the sandbox command's check to report (before any handler runs).
  if (flags.identifier !== undefined && !IDENTIFIER_PATTERN.test(flags.identifier)) return undefined;
  const [secret, command, name, ...rest] = words;
  if (secret !== 'secret' || rest.length) return undefined;
  if (command === 'list') return name === undefined ? { command, args: flags } : undefined;
  if (command === undefined || !NAMED.has(command) || name === undefined) return undefined;
  return { command: command as FastSecretCall['command'], args: { ...flags, secretName: name } };
}

/** Runs the handler yargs would run for `call`. */
export function runSecretFastPath(call: FastSecretCall, printer: Printer): Promise<void> {
  const commands = { get: SecretGetCommand, set: SecretSetCommand, list: SecretListCommand, remove: SecretRemoveCommand };
  const handler = new commands[call.command](printer).handler as (args: FastSecretArgs & { _: string[]; $0: string }) => Promise<void>;
  return handler({ _: ['sandbox', 'secret', call.command], $0: 'ampx', ...call.args });
}
