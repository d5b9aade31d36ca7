import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type Logger } from '@sandlot/cloud';

/**
 * The running sandbox's log: everything from `info` up goes to `<stateDir>/cloud.log`; warnings,
 * errors and outbox deliveries (verification codes) also reach the terminal.
 */
export function sandboxLogger(stateDir: string, toTerminal: (line: string) => void): Logger {
  const file = join(stateDir, 'cloud.log');
  return createLogger('info', (line) => {
    appendFileSync(file, line + '\n');
    if (/ (WARN|ERROR) /.test(line) || line.includes('outbox')) toTerminal(line.replace(/^\S+ /, ''));
  });
}
