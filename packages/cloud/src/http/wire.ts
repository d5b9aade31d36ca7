import type { Readable } from 'node:stream';

/** The transport-neutral request and response every service handles: filled from a socket or in-process. */
export interface WireRequest {
  method: string;
  /** Path without the query string, percent-encoded as received. */
  path: string;
  /** Decoded query parameters, in arrival order. */
  query: [string, string][];
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The whole body; empty while it is still in {@link stream}. */
  body: Buffer;
  /**
   * The body, not read yet. The router reads it into `body` for every service but the ones that take
   * streams (`ServiceModule.streamsBody`, S3), which read it once, as it arrives.
   */
  stream?: Readable;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  /** A stream (e.g. an object file) is piped to the client, who may stop reading it. */
  body: Buffer | string | Readable;
}

export const header = (req: WireRequest, name: string): string | undefined => req.headers[name.toLowerCase()];

/** The host the client meant: `x-forwarded-host` when the register module redirected it, else `host`. */
export const originalHost = (req: WireRequest): string => header(req, 'x-forwarded-host') ?? header(req, 'host') ?? '';

export const jsonResponse = (status: number, value: unknown, headers: Record<string, string> = {}): WireResponse => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1', ...headers },
  body: JSON.stringify(value, jsonReplacer),
});

/** AWS JSON protocols carry timestamps as epoch seconds. */
function jsonReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}
