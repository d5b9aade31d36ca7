import { createCloud, type Cloud } from '@sandlot/cloud';
import { relative } from 'node:path';
import type { Printer } from '../printer.js';
import { format } from '../format.js';
import { ensureStateDir, type SandboxLocation } from '../project/sandboxLocation.js';
import { acquireInstanceLock } from './instanceLock.js';
import { portIsFree, preferredPort } from './sandboxPort.js';
import { watchBackend } from './watchBackend.js';
import { askDeleteOnStop } from './askDeleteOnStop.js';
import { sandboxLogger } from './cloudLog.js';
import { join } from 'node:path';
import { removeEndpoint, removeEndpointIfOurs, writeEndpoint } from './endpointFile.js';
import { deployBackend, type DeployResult } from './deployBackend.js';
import { typeCheckInChild, type RunningTypeCheck } from '@sandlot/backend/sandbox';
import { asUserError } from '../backendState/definitionErrors.js';
import type { OutputsTarget } from './outputsTarget.js';
import { writePlaceholderOutputs } from './outputsTarget.js';
import type { ModelIntrospector } from './modelIntrospector.js';

export interface SandboxSessionOptions {
  loc: SandboxLocation;
  printer: Printer;
  once: boolean;
  dirToWatch: string;
  exclude: string[];
  outputs: OutputsTarget;
  host?: string;
  /** Asked on Ctrl+C when stdin is a terminal: delete the sandbox's resources? (default No). */
  confirmDeleteOnStop?: () => Promise<boolean>;
  onDeleteRequested?: () => Promise<void>;
  /** Computes `data.model_introspection` for every apply (default: in this thread); closed when the session stops. */
  introspector?: ModelIntrospector;
}

export interface SandboxSession {
  cloud: Cloud;
  url: string;
  /** Resolves when the session has stopped; the number is the exit code. */
  done: Promise<number>;
  stop(): Promise<void>;
}

/**
 * `ampx sandbox`: one local cloud for this project and identifier, the backend applied to it, the
 * outputs file written, then (unless `--once`) re-applied on every change under the watched folder.
 */
export async function startSandboxSession(o: SandboxSessionOptions): Promise<SandboxSession> {
  const { loc, printer } = o;
  ensureStateDir(loc);
  const lock = acquireInstanceLock(loc.stateDir, loc.id.name);
  const started = performance.now();
  let cloud: Cloud | undefined;
  const { introspector } = o;
  try {
    await writePlaceholderOutputs(o.outputs);
    cloud = createCloud({ databaseFile: loc.databaseFile, account: loc.account, logger: sandboxLogger(loc.stateDir, (l) => printer.log(l)) });
    const host = o.host ?? '127.0.0.1';
    const wanted = preferredPort(loc.stackName, loc.account);
    const server = await cloud.listen((await portIsFree(wanted, host)) ? wanted : 0, host);
    const endpoint = { url: server.url, pid: process.pid, region: cloud.services.region, stackName: loc.stackName, startedAt: new Date().toISOString() };
    writeEndpoint(loc.stateDir, endpoint);
    // The project-level pointer `sandlot/register` reads: the sandbox started last.
    const projectPointerDir = join(loc.project.root, '.amplify', 'sandlot');
    writeEndpoint(projectPointerDir, endpoint);
    printer.log(`[Sandbox] Local cloud for ${loc.id.name} (${loc.stackName}) listening on ${server.url}`);

    // Type errors are reported with file:line as the real tool does; the compiler runs in a child
    // process beside the apply (seconds), so the local cloud stays responsive. `--once` waits for it.
    let typeCheck: RunningTypeCheck | undefined;
    const startTypeCheck = (): Promise<boolean> => {
      typeCheck?.cancel();
      const run = (typeCheck = typeCheckInChild(loc.project.root));
      return run.result.then(
        (r) => {
          if (r.skipped || typeCheck !== run) return true;
          if (r.error) {
            printer.error(format.error(asUserError(r.error)));
            return false;
          }
          printer.log('✔ Type checks completed');
          return true;
        },
        (err) => {
          printer.error(format.error(err));
          return false;
        },
      );
    };

    const apply = async (reason: string): Promise<DeployResult> => {
      const t = performance.now();
      const checked = startTypeCheck();
      if (o.once) pendingTypeCheck = checked;
      const result = await deployBackend({ loc, cloud: cloud!, url: server.url, outputs: o.outputs, printer, reason, introspector });
      if (result.ok) {
        for (const line of result.summary) printer.log(line);
        printer.log(`✔ Deployment completed in ${((performance.now() - t) / 1000).toFixed(3)} seconds`);
        printer.log(`File written: ${relative(process.cwd(), result.outputsFile) || result.outputsFile}`);
      } else {
        printer.error(format.error(result.error));
        printer.log(`[Sandbox] The backend was not applied; ${o.once ? 'fix the error and run again.' : 'fix the error and save: the sandbox keeps watching.'}`);
      }
      return result;
    };

    let pendingTypeCheck: Promise<boolean> | undefined;
    const first = await apply('start');
    printer.log(`[Sandbox] Ready in ${((performance.now() - started) / 1000).toFixed(3)} seconds`);
    let resolveDone!: (code: number) => void;
    const done = new Promise<number>((r) => (resolveDone = r));
    let watcher: { ready: Promise<void>; close(): Promise<void> } | undefined;
    let stopping = false;
    const stop = async (code = 0) => {
      if (stopping) return;
      stopping = true;
      typeCheck?.cancel();
      await watcher?.close();
      await server.close();
      await introspector?.close();
      cloud!.close();
      removeEndpoint(loc.stateDir);
      removeEndpointIfOurs(projectPointerDir);
      lock.release();
      resolveDone(code);
    };

    if (o.once) {
      const typesOk = (await pendingTypeCheck) ?? true;
      await stop(first.ok && typesOk ? 0 : 1);
      return { cloud, url: server.url, done, stop: () => stop() };
    }

    let running: Promise<unknown> = Promise.resolve();
    let queued = false;
    watcher = watchBackend({
      projectRoot: loc.project.root,
      dir: o.dirToWatch,
      exclude: o.exclude,
      ownFiles: [o.outputs.file],
      onChange: (paths) => {
        if (queued || stopping) return;
        queued = true;
        running = running.then(async () => {
          queued = false;
          if (stopping) return;
          printer.log(`[Sandbox] Change detected: ${paths.map((p) => relative(loc.project.root, p)).join(', ')}`);
          await apply('change');
        });
      },
    });
    await watcher.ready; // edits made before the first scan finished would be missed
    // Handlers go in before the line that says we are ready: a Ctrl+C right after it must be ours.
    const onSignal = async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await running;
      const deleteIt = o.confirmDeleteOnStop ? await askDeleteOnStop(o.confirmDeleteOnStop, printer) : false;
      await stop(0);
      if (deleteIt && o.onDeleteRequested) await o.onDeleteRequested();
      else printer.print(`\nStopping the sandbox process. To delete the sandbox, run ${format.command('sandbox delete')}`);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    printer.log(`[Sandbox] Watching for file changes in ${relative(process.cwd(), o.dirToWatch) || o.dirToWatch}...`);

    return { cloud, url: server.url, done, stop: () => stop() };
  } catch (err) {
    await introspector?.close();
    cloud?.close();
    removeEndpoint(loc.stateDir);
    lock.release();
    throw err;
  }
}
