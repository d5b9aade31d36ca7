/**
 * Which URLs the preload sends to the local cloud, and where: AWS hosts (`*.amazonaws.com`, `.cn`) plus
 * any extra hosts (a custom AppSync URL), keeping path and query, under the endpoint's own path.
 */
export interface Redirect {
  endpoint: URL;
  extraHosts: Set<string>;
}

const AWS_HOST = /\.amazonaws\.com(\.cn)?$/i;

export function shouldRedirect(r: Redirect, url: URL): boolean {
  return AWS_HOST.test(url.hostname) || r.extraHosts.has(url.host) || r.extraHosts.has(url.hostname);
}

/** The local URL for `url`, with `scheme` (`http:` for fetch, `ws:` for WebSockets). */
export function localUrl(r: Redirect, url: URL, scheme: 'http:' | 'ws:'): URL {
  const out = new URL(r.endpoint.href);
  out.protocol = scheme === 'ws:' ? (r.endpoint.protocol === 'https:' ? 'wss:' : 'ws:') : r.endpoint.protocol;
  out.pathname = r.endpoint.pathname.replace(/\/$/, '') + url.pathname;
  out.search = url.search;
  return out;
}
