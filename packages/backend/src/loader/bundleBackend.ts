import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Message, Plugin } from 'esbuild';

export interface BackendBundle {
  /** The bundle on disk (under `.amplify/sandlot/`, so bare imports resolve from the project), to import once. */
  file: string;
  /** The project files it was made of (outside node_modules), absolute. */
  inputs: string[];
  /** Removes the file (after it was imported). */
  remove(): void;
}

export interface BundleBackendOptions {
  /** Exact specifiers resolved to these URLs (`@aws-amplify/backend` -> Sandlot's definition API). */
  redirects: Record<string, string>;
  /** Whether a bare specifier the project cannot resolve may come from Sandlot's install (`aws-amplify`, `@aws-amplify/*`, `otpauth`). */
  isFallback(specifier: string): boolean;
  /** That specifier resolved from Sandlot's install, as a URL. */
  resolveFallback(specifier: string): string;
}

/** Reads a file's own location (import.meta, __dirname, __filename, require): a bundle would change what it sees. */
const USES_OWN_LOCATION = /\bimport\.meta\b|\b__dirname\b|\b__filename\b|\brequire\s*[.(]/;

let bundles = 0;

/**
 * The backend definition as one ES module, made with esbuild (what tsx itself compiles with): the project's
 * TypeScript files compiled and joined, every package import left to Node (resolved as before from the
 * project, `@aws-amplify/backend` redirected to Sandlot). Why not tsx for every load: tsx resolves and
 * compiles each file through Node's loader hooks, which run on their own thread and cost that thread's
 * start-up plus a round trip per import — most of a sandbox's cold start. Returns `undefined` when a project
 * file reads its own location (`import.meta`, `__dirname`, …) or imports a package that does not resolve:
 * the caller then loads the files one by one with tsx, which keeps each file's identity and its errors.
 * A syntax error is thrown with the file and line.
 */
export async function bundleBackend(projectRoot: string, entryPoint: string, o: BundleBackendOptions): Promise<BackendBundle | undefined> {
  const { build } = await import('esbuild');
  let needsTsx = false;
  const plugin: Plugin = {
    name: 'sandlot-backend-imports',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'probe' || isAbsolute(args.path)) return undefined;
        const redirect = o.redirects[args.path];
        if (redirect !== undefined) return { path: redirect, external: true };
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'probe' });
        if (found.errors.length === 0) {
          // A builtin, or a package Node will resolve the same way from the bundle (which sits inside the project).
          return { path: args.path, external: true };
        }
        if (o.isFallback(args.path)) {
          try {
            return { path: o.resolveFallback(args.path), external: true };
          } catch {
            // Neither here nor there: tsx reports it as Node does.
          }
        }
        needsTsx = true;
        return { path: args.path, external: true };
      });
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        if (!args.path.includes('/node_modules/') && USES_OWN_LOCATION.test(readFileSync(args.path, 'utf8'))) needsTsx = true;
        return undefined;
      });
    },
  };
  const file = join(projectRoot, '.amplify', 'sandlot', 'definition', `backend-${process.pid}-${++bundles}.mjs`);
  let result;
  try {
    result = await build({
      entryPoints: [entryPoint],
      absWorkingDir: projectRoot,
      // Not written by esbuild: named so the source map's paths are relative to where the bundle goes.
      outfile: file,
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Stack traces (and so define* call sites and error locations) name the project's own files.
      sourcemap: 'inline',
      sourcesContent: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [plugin],
    });
  } catch (err) {
    throw buildError(err as { errors?: Message[] }, projectRoot);
  }
  if (needsTsx) return undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, result.outputFiles[0]!.text);
  } catch {
    return undefined; // a project folder we cannot write to: tsx needs no file of ours
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes('node_modules/') && !/^[a-z]+:/.test(p))
    .map((p) => join(projectRoot, p));
  return { file, inputs, remove: () => rmSync(file, { force: true }) };
}

/** esbuild's first error with the absolute path and line, as tsx reports it (loadBackend makes it a BackendBuildError). */
function buildError(err: { errors?: Message[]; message?: string }, projectRoot: string): Error {
  const first = err.errors?.[0];
  if (!first) return err instanceof Error ? err : new Error(String(err.message ?? err));
  const where = first.location ? `${join(projectRoot, first.location.file)}:${first.location.line}:${first.location.column}: ` : '';
  const count = err.errors!.length;
  return new Error(`Build failed with ${count} error${count === 1 ? '' : 's'}:\n${where}ERROR: ${first.text}`, { cause: err });
}
