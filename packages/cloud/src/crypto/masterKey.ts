import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, writeSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Sandlot's per-user config folder; never inside a project, so a key never lands in git. */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SANDLOT_CONFIG_DIR) return env.SANDLOT_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'sandlot');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Preferences', 'sandlot');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'sandlot');
}

/**
 * Loads the 32-byte key that encrypts every secret at rest, creating it (mode 0600) on first use.
 * Creation uses O_EXCL so two first-time processes cannot end up with different keys.
 */
export function loadMasterKey(configDir = userConfigDir()): Buffer {
  const file = join(configDir, 'master.key');
  try {
    return readKey(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    writeSync(fd, key.toString('base64') + '\n');
    closeSync(fd);
    chmodSync(file, 0o600);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKey(file);
    throw err;
  }
}

function readKey(file: string): Buffer {
  const text = readFileSync(file, 'utf8').trim();
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) {
    // A racing creator may not have finished writing: treat as not there yet only if empty.
    if (text === '') throw Object.assign(new Error('key file is being created'), { code: 'ENOENT' });
    throw new Error(`The Sandlot key file ${file} is damaged (expected 32 bytes). Restore it from a backup; secrets encrypted with the old key cannot be read without it.`);
  }
  return key;
}
