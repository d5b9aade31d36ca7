import { closeSync, openSync, readFileSync, rmSync, writeSync, constants } from 'node:fs';
import { join } from 'node:path';
import { AmplifyUserError } from '../errors.js';

export interface InstanceLock {
  release(): void;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One `ampx sandbox` process per sandbox: an O_EXCL lock file holding the owner's pid. A lock whose
 * process is gone (crash, kill -9) is taken over. Other sandboxes (identifiers) run side by side.
 */
export function acquireInstanceLock(stateDir: string, label: string): InstanceLock {
  const file = join(stateDir, 'sandbox.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new AmplifyUserError('MultipleSandboxInstancesError', {
          message: `Multiple sandbox instances detected: sandbox ${label} is already running (process ${pid}).`,
          resolution: 'Make sure only one instance of sandbox is running for this project: stop the other one (Ctrl+C), or start this one with another --identifier.',
        });
      }
      rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new AmplifyUserError('MultipleSandboxInstancesError', { message: `Could not take the lock ${file}.`, resolution: 'Make sure only one instance of sandbox is running for this project.' });
}

/** The pid of the process running this sandbox, if any. */
export function runningInstance(stateDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(stateDir, 'sandbox.lock'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
