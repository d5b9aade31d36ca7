import type { BackendIdentifier } from '../project/backendIdentifier.js';
import { install } from '../register/install.js';
import { useSdkRequestHandler } from '@sandlot/seed/sdkRequestHandler.js';

/**
 * The process environment a seed script runs in, as `ampx sandbox seed` sets it for the real package,
 * pointed at the local cloud: `AWS_ENDPOINT_URL` (and no per-service overrides), region, the local
 * account's root keys, `AMPLIFY_BACKEND_IDENTIFIER` (no hash), `npm_config_user_agent` if unset (the
 * published package refuses to load without it), `SANDLOT_SEED_AUTO_CONFIRM`, and the `sandlot/register`
 * preload for aws-amplify's own traffic (fetch / WebSocket / FileReader), and for Sandlot's seed library
 * the in-process SDK request handler and fetch when the seed serves the cloud itself. Returns a restore function.
 */
export interface SeedEnvironment {
  url: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  id: BackendIdentifier;
  autoConfirm: boolean;
  /** The cloud's `InProcessHandler` when this process serves it (Sandlot's seed library then skips the loopback socket). */
  sdkRequestHandler?: unknown;
  /** The same for fetch (`routerFetch`): aws-amplify's requests to the cloud are answered in this process. */
  localFetch?: typeof fetch;
}

export function applySeedEnvironment(e: SeedEnvironment): () => void {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_ENDPOINT_URL_') || k === 'AWS_PROFILE' || k === 'AWS_SESSION_TOKEN') delete process.env[k];
  process.env.AWS_REGION = e.region;
  process.env.AWS_DEFAULT_REGION = e.region;
  process.env.AMPLIFY_BACKEND_IDENTIFIER = JSON.stringify({ namespace: e.id.namespace, name: e.id.name, type: e.id.type });
  process.env.npm_config_user_agent ||= `npm/10.0.0 node/${process.version} ${process.platform} ${process.arch}`;
  if (e.autoConfirm) process.env.SANDLOT_SEED_AUTO_CONFIRM = '1';
  else delete process.env.SANDLOT_SEED_AUTO_CONFIRM;
  const uninstall = install({ endpoint: e.url, region: e.region, credentials: e.credentials, localFetch: e.localFetch });
  const restoreHandler = useSdkRequestHandler(e.sdkRequestHandler);
  return () => {
    restoreHandler();
    uninstall();
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  };
}
