import { wrapFetch } from './fetchWrapper.js';
import { localWebSocketClass } from './webSocket.js';
import { NodeFileReader } from './fileReader.js';

/**
 * Points an unmodified Node app (aws-amplify, the AWS SDK) at the local cloud (wire-spec §1.3 C, §10):
 * fetch and WebSocket redirection, a FileReader for storage multipart, and the SDK's endpoint / region /
 * credential environment variables. Returns an uninstall function (tests).
 */
export interface InstallOptions {
  /** The local cloud, e.g. `http://127.0.0.1:4010`. */
  endpoint: string;
  /** Hosts besides `*.amazonaws.com` to redirect (e.g. a custom AppSync domain). */
  extraHosts?: string[];
  /** Region for SDK clients when AWS_REGION is unset (default us-east-1). */
  region?: string;
  /** Keys for SDK clients (the local account's root keys); set only when given. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /**
   * The fetch that reaches the local cloud (default: the network). A process that serves the cloud itself
   * passes `routerFetch(router, endpoint, fetch)` so its own clients skip the loopback socket.
   */
  localFetch?: typeof fetch;
}

export function install(o: InstallOptions): () => void {
  const endpoint = new URL(o.endpoint);
  const redirect = { endpoint, extraHosts: new Set(o.extraHosts ?? []) };
  const g = globalThis as Record<string, unknown>;
  const saved = { fetch: g.fetch, WebSocket: g.WebSocket, FileReader: g.FileReader };
  const savedEnv = { ...process.env };
  g.fetch = wrapFetch(redirect, o.localFetch ?? globalThis.fetch.bind(globalThis));
  g.WebSocket = localWebSocketClass(redirect);
  g.FileReader ??= NodeFileReader;
  process.env.AWS_ENDPOINT_URL = endpoint.href.replace(/\/$/, '');
  process.env.AWS_REGION ??= o.region ?? 'us-east-1';
  if (o.credentials) {
    process.env.AWS_ACCESS_KEY_ID = o.credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = o.credentials.secretAccessKey;
    delete process.env.AWS_SESSION_TOKEN;
  }
  return () => {
    Object.assign(g, saved);
    for (const k of ['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
      if (savedEnv[k] === undefined) delete process.env[k]; else process.env[k] = savedEnv[k];
    }
  };
}
