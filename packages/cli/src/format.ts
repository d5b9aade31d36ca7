import { EOL } from 'node:os';
import { AmplifyError } from './errors.js';

/** Text shapes `ampx` prints (packages/cli-core/src/format/format.ts in amplify-backend). */
export const format = {
  /** `key: value` lines in the object's key order. */
  record: (obj: Record<string, unknown>): string => Object.entries(obj).map(([k, v]) => `${k}: ${String(v)}`).join(EOL),
  /** ` - item` lines. */
  list: (lines: string[]): string => lines.map((l) => ` - ${l}`).join(EOL),
  /** What a user types to run a command: `npx ampx <cmd>` (runner from the package manager that started us). */
  command: (cmd: string): string => `${runner()} ampx ${cmd}`,
  /** `[Name] message`, then the cause chain, `Resolution:` and `Details:` lines. No help dump. */
  error(err: unknown): string {
    if (!(err instanceof Error)) return `[UnknownError] ${String(err)}`;
    let out = `[${err.name}] ${err.message}`;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error) out += `${EOL}  ∟ Caused by: ${format.error(cause).split(EOL).join(EOL + '  ')}`;
    if (err instanceof AmplifyError) {
      if (err.resolution) out += `${EOL}Resolution: ${err.resolution}`;
      if (err.details) out += `${EOL}Details: ${err.details}`;
    }
    return out;
  },
};

/** npx/yarn/pnpm from npm_config_user_agent; npx when unknown (the real CLI refuses to run then: issue #983). */
export function runner(agent = process.env.npm_config_user_agent ?? ''): string {
  if (agent.startsWith('yarn')) return 'yarn';
  if (agent.startsWith('pnpm')) return 'pnpm';
  return 'npx';
}
