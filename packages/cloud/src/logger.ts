export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  child(tags: Record<string, string>): Logger;
}

/** A line logger; `sink` gets whole lines. Values of secrets never reach it: callers log names only. */
export function createLogger(level: LogLevel, sink: (line: string) => void, tags: Record<string, string> = {}): Logger {
  const prefix = Object.entries(tags).map(([k, v]) => `${k}=${v}`).join(' ');
  const at = (l: LogLevel) => (msg: string) => {
    if (order[l] >= order[level]) sink(`${new Date().toISOString()} ${l.toUpperCase()}${prefix ? ' ' + prefix : ''} ${msg}`);
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => createLogger(level, sink, { ...tags, ...more }),
  };
}

export const silentLogger: Logger = createLogger('error', () => {});
