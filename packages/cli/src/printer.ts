import { EOL } from 'node:os';

/** Where command output goes; injected so commands never touch process.stdout directly. */
export interface Printer {
  /** A line to stdout. */
  print(msg: string): void;
  /** A progress line to stdout with the local time, as `ampx` logs (`10:05:13 PM File written: …`). */
  log(msg: string): void;
  /** An error block to stderr. */
  error(msg: string): void;
}

export function createPrinter(stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Printer {
  return {
    print: (msg) => void stdout.write(msg + EOL),
    log: (msg) => void stdout.write(`${new Date().toLocaleTimeString()} ${msg}${EOL}`),
    error: (msg) => void stderr.write(msg + EOL),
  };
}
