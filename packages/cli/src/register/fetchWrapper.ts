import { localUrl, shouldRedirect, type Redirect } from './redirect.js';

/**
 * Wraps `globalThis.fetch` (resolved by aws-amplify at call time, wire-spec §1.3 C): AWS URLs go to the
 * local cloud with `x-forwarded-host: <original host>`, which the cloud uses for S3 bucket names and SigV4.
 */
export function wrapFetch(r: Redirect, original: typeof fetch): typeof fetch {
  return async function sandlotFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (!shouldRedirect(r, url)) return original(input, init);
    const target = localUrl(r, url, 'http:');
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set('x-forwarded-host', url.host);
    if (input instanceof Request) return original(new Request(target, input), { ...init, headers });
    return original(target, { ...init, headers });
  };
}
