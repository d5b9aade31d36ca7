import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const AMPX_BIN = fileURLToPath(new URL('../../bin/ampx.mjs', import.meta.url));

export interface AmpxResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs the `ampx` binary as a child process (the way a user runs it), collecting its output. */
export function runAmpx(args: string[], o: RunOptions): Promise<AmpxResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AMPX_BIN, ...args], { cwd: o.cwd, env: { ...process.env, ...o.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    collect(child, o.timeoutMs ?? 30_000).then(resolve, reject);
    child.stdin!.end(o.input ?? '');
  });
}

export function collect(child: ChildProcess, timeoutMs: number): Promise<AmpxResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ampx timed out after ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A throw-away Amplify project (`package.json` + `amplify/`) and its own Sandlot key folder. */
export function tempProject(name = 'my-app'): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-proj-'));
  mkdirSync(join(dir, 'amplify'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module' }));
  // The key lives outside the project, as it does for a user (~/.config/sandlot).
  const env = { SANDLOT_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'sandlot-key-')), npm_config_user_agent: 'npm/11.0.0 node/v20', AWS_PROFILE: '', AWS_ENDPOINT_URL: '', AWS_ENDPOINT_URL_SSM: '' };
  return { dir, env };
}
