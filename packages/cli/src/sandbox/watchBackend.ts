import { watch } from 'chokidar';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export interface WatchOptions {
  projectRoot: string;
  dir: string;
  /** `--exclude` paths or globs (relative to the project root, or absolute). */
  exclude: string[];
  /** Files the sandbox itself writes (outputs), never a trigger. */
  ownFiles: string[];
  debounceMs?: number;
  onChange(paths: string[]): void;
}

/**
 * Watches the backend folder, ignoring `.gitignore`d paths, `--exclude` globs, `.amplify/`,
 * `node_modules/` and the sandbox's own outputs; batches bursts of changes (editors write several times).
 */
export function watchBackend(o: WatchOptions): { ready: Promise<void>; close(): Promise<void> } {
  const gitignore = ignore();
  const gi = join(o.projectRoot, '.gitignore');
  if (existsSync(gi)) gitignore.add(readFileSync(gi, 'utf8'));
  const globs = o.exclude.map((p) => picomatch(resolve(o.projectRoot, p).split(sep).join('/'), { dot: true }));
  const own = new Set(o.ownFiles.map((f) => resolve(f)));
  const ignored = (path: string): boolean => {
    const abs = resolve(path);
    if (own.has(abs)) return true;
    const rel = relative(o.projectRoot, abs).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return false;
    if (/(^|\/)(node_modules|\.amplify|\.git)(\/|$)/.test(rel)) return true;
    if (gitignore.ignores(rel)) return true;
    const posix = abs.split(sep).join('/');
    return globs.some((m) => m(posix) || m(posix + '/'));
  };
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(o.dir, { ignored, ignoreInitial: true, awaitWriteFinish: false });
  const fire = () => {
    const paths = [...pending];
    pending = new Set();
    o.onChange(paths);
  };
  watcher.on('all', (_event, path) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(fire, o.debounceMs ?? 50);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
