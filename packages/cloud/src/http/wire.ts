/** The transport-neutral request and response every service handles: filled from a socket or in-process. */
export interface WireRequest {
  method: string;
  /** Path without the query string, percent-encoded as received. */
  path: string;
  /** Decoded query parameters, in arrival order. */
  query: [string, string][];
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
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
