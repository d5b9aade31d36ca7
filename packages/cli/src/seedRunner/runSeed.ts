import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Printer } from '../printer.js';
import { AmplifyError, AmplifyUserError } from '../errors.js';
import { format } from '../format.js';
import type { SandboxLocation } from '../project/sandboxLocation.js';
import { InProcessHandler, routerFetch } from '@sandlot/cloud';
import { openInProcessCloud } from '../backendState/localCloudClients.js';
import { requireSeedScript } from '../commands/sandbox/seed/seedScript.js';
import { deleteSandboxState, writtenOutputsRecord } from '../sandbox/deleteSandboxState.js';
import { deployBackend } from '../sandbox/deployBackend.js';
import { runningInstance } from '../sandbox/instanceLock.js';
import { outputsTarget, type OutputsFormat, type OutputsTarget, type OutputsVersion } from '../sandbox/outputsTarget.js';
import { neverStarted, openSeedCloud } from './seedCloud.js';
import { applySeedEnvironment } from './seedEnvironment.js';
import { installSeedModuleResolution, projectHasSeedPackage, type SeedLibrary } from './seedModules.js';
import { installFastClock } from './fastClock.js';

export interface SeedRunOptions {
  loc: SandboxLocation;
  printer: Printer;
  /** Answer e-mail / SMS codes from the local outbox (default: when stdin is not a terminal). */
  autoConfirm: boolean;
  /** Long waits in the script fire at once and move the sandbox clock (see fastClock.ts). */
  fastClock: boolean;
  /** Wipe users, data and files (secrets stay), re-apply the backend, then seed. */
  reset: boolean;
  /** Which `@aws-amplify/seed` the script gets (default: the project's own if installed, else Sandlot's). */
  library?: SeedLibrary;
}

/**
 * `ampx sandbox seed`: runs `amplify/seed/seed.ts` in this process with TypeScript support, the local
 * cloud's endpoint / region / keys in the environment and aws-amplify's traffic redirected to it, and
 * prints the real progress lines. Any error of the script becomes `SeedingFailedError` with the
 * script's own error (and its stack) as the cause; the seed library's errors keep their names.
 */
export async function runSeed(o: SeedRunOptions): Promise<void> {
  const { loc, printer } = o;
  const seedFile = requireSeedScript(loc.project.root);
  const previousOutputs = recordedOutputs(loc);
  if (o.reset) {
    const pid = runningInstance(loc.stateDir);
    if (pid) {
      throw new AmplifyUserError('SandboxRunningError', {
        message: `--reset needs the sandbox stopped: ${loc.id.name} is running (process ${pid}).`,
        resolution: `Stop ${format.command('sandbox')} (Ctrl+C), then re-run ${format.command('sandbox seed --reset')}: it re-applies the backend itself.`,
      });
    }
    deleteSandboxState(loc);
    printer.log(`[Seed] Reset ${loc.id.name}: users, data and files removed (secrets kept).`);
  } else if (!isDeployed(loc)) {
    throw neverStarted(loc);
  }

  const cloud = await openSeedCloud(loc, printer);
  try {
    if (o.reset) {
      const result = await deployBackend({ loc, cloud: cloud.cloud!, url: cloud.url, outputs: previousOutputs, printer, reason: 'reset' });
      if (!result.ok) throw result.error;
      printer.log(`[Seed] Backend re-applied; file written: ${result.outputsFile}`);
    }
    checkOutputsFile(loc, seedFile, previousOutputs);
    printer.print('seed is running...');
    // Serving the cloud itself, the seed library's SDK calls and aws-amplify's fetches go straight to its router
    // (signed wire messages, no socket).
    const sdkRequestHandler = cloud.cloud ? new InProcessHandler(cloud.cloud.router) : undefined;
    const localFetch = cloud.cloud ? routerFetch(cloud.cloud.router, cloud.url, globalThis.fetch.bind(globalThis)) : undefined;
    const restoreEnv = applySeedEnvironment({ url: cloud.url, region: cloud.region, credentials: cloud.credentials, id: loc.id, autoConfirm: o.autoConfirm, sdkRequestHandler, localFetch });
    const library = o.library ?? (projectHasSeedPackage(loc.project.root) ? 'installed' : 'sandlot');
    installSeedModuleResolution({ library, seedScript: seedFile });
    const restoreClock = o.fastClock ? installFastClock({ projectRoot: loc.project.root, advance: cloud.advanceClock, initialOffsetMs: await cloud.clockOffset() }) : () => {};
    const unhandled = catchUnhandledRejections();
    try {
      const { tsImport } = await import('tsx/esm/api');
      await tsImport(pathToFileURL(seedFile).href, import.meta.url);
      await new Promise((r) => setImmediate(r));
      unhandled.throwIfAny();
    } catch (err) {
      throw seedFailure(err, seedFile);
    } finally {
      unhandled.stop();
      restoreClock();
      restoreEnv();
    }
    printer.print('');
    printer.print('✔ seed has successfully completed');
  } finally {
    await cloud.close();
  }
}

/** The sandbox has been applied at least once (its stack record exists). */
function isDeployed(loc: SandboxLocation): boolean {
  if (!existsSync(loc.databaseFile)) return false;
  const local = openInProcessCloud(loc, ['cloudformation']);
  try {
    return Boolean(local.cloud.services.stacks.get(loc.stackName));
  } finally {
    local.close();
  }
}

/** The outputs file the sandbox last wrote (its version and format follow from its name), else the default. */
function recordedOutputs(loc: SandboxLocation): OutputsTarget {
  let file: string | undefined;
  try {
    file = readFileSync(writtenOutputsRecord(loc.stateDir), 'utf8').trim() || undefined;
  } catch {
    file = undefined;
  }
  if (!file) return outputsTarget('1.5', 'json', loc.project.root);
  const version: OutputsVersion = basename(file).startsWith('amplifyconfiguration') ? '0' : '1.5';
  const fmt = (extname(file).slice(1) || 'json') as OutputsFormat;
  return outputsTarget(version, fmt, join(file, '..'));
}

/** A script that reads amplify_outputs.json needs it: say which command writes it. */
function checkOutputsFile(loc: SandboxLocation, seedFile: string, outputs: OutputsTarget): void {
  const reads = /amplify_outputs/.test(readFileSync(seedFile, 'utf8'));
  const expected = join(loc.project.root, 'amplify_outputs.json');
  if (!reads || existsSync(expected) || existsSync(outputs.file)) return;
  throw new AmplifyUserError('MissingOutputsFileError', {
    message: `The seed script reads amplify_outputs.json, but ${expected} does not exist.`,
    resolution: `Run ${format.command('sandbox --once')} (or keep ${format.command('sandbox')} running) from the project root to write it, or ${format.command(`generate outputs --identifier ${loc.id.name}`)}.`,
  });
}

/** The script's error as the real command reports it, with the script's own stack as details. */
export function seedFailure(err: unknown, seedFile: string): Error {
  if (err instanceof AmplifyError) return err;
  const e = asError(err);
  const resolution = (e as { resolution?: unknown }).resolution;
  if (typeof resolution === 'string') {
    // An error of the seed library (Sandlot's or the published one): shown as it is, like the real CLI.
    return new AmplifyUserError(e.name, { message: e.message, resolution, cause: (e as { cause?: unknown }).cause });
  }
  if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && e.message.includes(seedFile)) {
    return new AmplifyUserError('SeedScriptNotFoundError', { message: `There is no file that corresponds to ${seedFile}`, resolution: `Please make a file that corresponds to ${seedFile} and put your seed logic in it` });
  }
  return new AmplifyUserError('SeedingFailedError', {
    message: 'Seed failed to complete',
    resolution: 'Check the Caused by error and fix any issues in your seed script',
    details: scriptStack(e),
    cause: e,
  });
}

/** Anything thrown (the docs' todo script throws `response.errors`, an array) as an Error. */
function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 1)?.replace(/\n\s*/g, ' ') ?? String(value);
  const e = new Error(text);
  e.name = Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'message' in v) ? 'GraphQLErrors' : 'ThrownValue';
  e.stack = `${e.name}: ${text}`;
  return e;
}

/** The stack's frames, without tsx's loader query strings. */
function scriptStack(e: Error): string | undefined {
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.replace(/\?tsx-namespace=[^:)]*/g, ''));
  return frames.length ? `\n${frames.slice(0, 12).join('\n')}` : undefined;
}

/**
 * A promise the script (or the published package, which starts reading its config at import) lets
 * reject unobserved would crash the process with a raw stack; during the seed it is kept, and reported
 * as the seed's failure if nothing handled it by the end.
 */
function catchUnhandledRejections(): { throwIfAny(): void; stop(): void } {
  const pending = new Map<Promise<unknown>, unknown>();
  const onUnhandled = (reason: unknown, promise: Promise<unknown>) => void pending.set(promise, reason);
  const onHandled = (promise: Promise<unknown>) => void pending.delete(promise);
  process.on('unhandledRejection', onUnhandled);
  process.on('rejectionHandled', onHandled);
  return {
    throwIfAny() {
      const first = pending.values().next();
      if (!first.done) throw first.value;
    },
    stop() {
      process.off('unhandledRejection', onUnhandled);
      process.off('rejectionHandled', onHandled);
    },
  };
}
