import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BackendDefinitionError } from '../errors.js';
import type { TypeCheckResult } from './typeCheckBackend.js';

export interface RunningTypeCheck {
  result: Promise<TypeCheckResult>;
  cancel(): void;
}

/**
 * `typeCheckBackend` in a child process (the real tool uses a worker): resolves with the same result,
 * or `skipped` at once when the project has no `amplify/tsconfig.json`.
 */
export function typeCheckInChild(projectRoot: string): RunningTypeCheck {
  if (!existsSync(join(projectRoot, 'amplify', 'tsconfig.json'))) return { result: Promise.resolve({ skipped: true, diagnostics: [] }), cancel() {} };
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx/esm')).href;
  // The package's own source (also from the bundled CLI): the compiler maps @aws-amplify/backend to it.
  const entry = join(dirname(require.resolve('@sandlot/backend/package.json')), 'src', 'loader', 'typeCheckProcess.ts');
  let child: ChildProcess | undefined = spawn(process.execPath, ['--import', tsx, entry, projectRoot], { stdio: ['ignore', 'pipe', 'pipe'] });
  const result = new Promise<TypeCheckResult>((resolve, reject) => {
    let out = '';
    let err = '';
    child!.stdout!.on('data', (d) => (out += d));
    child!.stderr!.on('data', (d) => (err += d));
    child!.on('close', (code, signal) => {
      child = undefined;
      if (signal) return resolve({ skipped: true, diagnostics: [] }); // cancelled by a newer change
      if (code !== 0) return reject(new Error(`The type check could not run: ${err.trim().split('\n').slice(-3).join(' ')}`));
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as { skipped: boolean; diagnostics: TypeCheckResult['diagnostics']; details?: string };
      resolve({
        skipped: r.skipped,
        diagnostics: r.diagnostics,
        error: r.details ? new BackendDefinitionError('SyntaxError', 'TypeScript validation check failed.', 'Fix the syntax and type errors in your amplify folder.', { details: r.details }) : undefined,
      });
    });
  });
  return { result, cancel: () => child?.kill('SIGTERM') };
}
