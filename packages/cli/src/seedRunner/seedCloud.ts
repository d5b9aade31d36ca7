import { createCloud, loadMasterKey, rootCredentials, type Cloud } from '@sandlot/cloud';
import type { Printer } from '../printer.js';
import { AmplifyUserError } from '../errors.js';
import { format } from '../format.js';
import { ensureStateDir, type SandboxLocation } from '../project/sandboxLocation.js';
import { readEndpoint, removeEndpoint, removeEndpointIfOurs, writeEndpoint } from '../sandbox/endpointFile.js';
import { join } from 'node:path';
import { acquireInstanceLock, runningInstance } from '../sandbox/instanceLock.js';
import { portIsFree, preferredPort } from '../sandbox/sandboxPort.js';
import { sandboxLogger } from '../sandbox/cloudLog.js';
import type { RunningServer } from '@sandlot/cloud/http/nodeServer.js';

/** The local cloud a seed talks to, wherever it runs. */
export interface SeedCloud {
  url: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** `running`: the `ampx sandbox` process serves it; `started`: this seed process serves it for its duration. */
  mode: 'running' | 'started';
  /** The in-process cloud when `started` (reset / re-apply need it). */
  cloud?: Cloud;
  /** Moves the sandbox clock forward (fast clock). */
  advanceClock(ms: number): Promise<void>;
  /** How far (ms) the sandbox clock is ahead of this machine's clock now. */
  clockOffset(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Decision (documented in the command's help): a seed does not need `ampx sandbox` to be running.
 * When it runs, the seed uses it (same port, same clock). When it does not, the seed serves the
 * sandbox's local cloud itself, from the sandbox's database, on the sandbox's usual port (so the
 * URLs in amplify_outputs.json are right), holding the sandbox lock until the seed ends.
 */
export async function openSeedCloud(loc: SandboxLocation, printer: Printer): Promise<SeedCloud> {
  const pid = runningInstance(loc.stateDir);
  const endpoint = pid ? readEndpoint(loc.stateDir) : undefined;
  if (pid && endpoint?.pid === pid) {
    const url = endpoint.url;
    return {
      url,
      region: endpoint.region,
      credentials: rootCredentials(loadMasterKey(), loc.account),
      mode: 'running',
      advanceClock: async (ms) => {
        const res = await fetch(new URL('/_sandlot/clock', url), { method: 'POST', body: JSON.stringify({ advanceMs: Math.round(ms) }) });
        if (!res.ok) throw new Error(`The running sandbox refused to advance its clock: ${res.status} ${await res.text()}`);
      },
      clockOffset: async () => {
        const res = await fetch(new URL('/_sandlot/clock', url));
        if (!res.ok) throw new Error(`The running sandbox did not tell its clock: ${res.status} ${await res.text()}`);
        return Date.parse(((await res.json()) as { now: string }).now) - Date.now();
      },
      close: async () => {},
    };
  }
  ensureStateDir(loc);
  const lock = acquireInstanceLock(loc.stateDir, loc.id.name);
  let cloud: Cloud | undefined;
  try {
    cloud = createCloud({ databaseFile: loc.databaseFile, account: loc.account, logger: sandboxLogger(loc.stateDir, (l) => printer.log(l)) });
    const host = '127.0.0.1';
    const wanted = preferredPort(loc.stackName, loc.account);
    const free = await portIsFree(wanted, host);
    const server = await cloud.listen(free ? wanted : 0, host);
    if (!free) {
      printer.log(`[Seed] Port ${wanted} is taken: the local cloud listens on ${server.url} instead, so URLs in amplify_outputs.json (data) may not reach it. Start ${format.command('sandbox')} to use the usual port.`);
    }
    const inflight = trackRequests(server);
    const started = cloud;
    // Published like a running sandbox's, so `sandlot/register` in other processes finds this cloud.
    const info = { url: server.url, pid: process.pid, region: cloud.services.region, stackName: loc.stackName, startedAt: new Date().toISOString() };
    const pointerDir = join(loc.project.root, '.amplify', 'sandlot');
    writeEndpoint(loc.stateDir, info);
    writeEndpoint(pointerDir, info);
    return {
      url: server.url,
      region: cloud.services.region,
      credentials: cloud.services.rootCredentials,
      mode: 'started',
      cloud,
      advanceClock: async (ms) => started.services.clock.advance(Math.round(ms)),
      clockOffset: async () => started.services.clock.now().getTime() - Date.now(),
      close: async () => {
        await inflight.settled(); // e.g. the un-awaited `auth.signOut()` the docs' scripts end with
        await server.close();
        started.close();
        removeEndpoint(loc.stateDir);
        removeEndpointIfOurs(pointerDir);
        lock.release();
      },
    };
  } catch (err) {
    cloud?.close();
    lock.release();
    throw err;
  }
}

/** Counts requests in flight; `settled()` resolves once none has been in flight for a moment (at most 3 s). */
function trackRequests(running: RunningServer): { settled(): Promise<void> } {
  let active = 0;
  let lastActivity = performance.now();
  running.server.on('request', (_req, res) => {
    active++;
    lastActivity = performance.now();
    res.on('close', () => {
      active--;
      lastActivity = performance.now();
    });
  });
  return {
    settled: async () => {
      const deadline = performance.now() + 3000;
      while (performance.now() < deadline && (active > 0 || performance.now() - lastActivity < 60)) {
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** The sandbox was never applied (no stack record): seeding would have nothing to seed. */
export function neverStarted(loc: SandboxLocation): AmplifyUserError {
  return new AmplifyUserError('SandboxNotDeployedError', {
    message: `The sandbox ${loc.id.name} has not been deployed yet: there is no backend to seed.`,
    resolution: `Run ${format.command('sandbox')} (or ${format.command('sandbox --once')}) first${loc.id.name ? ' with the same --identifier and --profile' : ''}, then re-run ${format.command('sandbox seed')}.`,
  });
}
