/**
 * A network guard for one JavaScript realm (a service worker, a background page): fetch, XHR,
 * WebSocket, EventSource and sendBeacon refuse every address `allowed` does not accept, before any
 * request is made. It narrows what the browser's CSP allows (connect-src can't name addresses that
 * only the agency's policy knows at run time). It guards code that reaches the network through these
 * globals, at the time it calls them — which is how libraries do it — not code that kept a reference
 * from before the guard was installed.
 */
export type Allow = (url: URL) => boolean;

export class BlockedRequestError extends TypeError {
  constructor(readonly url: string) {
    super(`Jaga Netral sends nothing off the device: request to ${url} refused`);
    this.name = 'BlockedRequestError';
  }
}

interface Scope {
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  WebSocket?: typeof WebSocket;
  EventSource?: typeof EventSource;
  navigator?: { sendBeacon?: (url: string | URL, data?: BodyInit | null) => boolean };
  location?: { href: string };
}

function urlOf(input: unknown, base: string | undefined): URL | null {
  try {
    const raw = typeof input === 'string' || input instanceof URL ? String(input) : (input as { url?: string })?.url;
    return raw === undefined ? null : new URL(raw, base);
  } catch {
    return null;
  }
}

/** Installs the guard on `scope` (globalThis by default); `onBlocked` hears every refusal. */
export function guardNetwork(allowed: Allow, opts: { scope?: Scope; onBlocked?: (url: string) => void } = {}): void {
  const scope = opts.scope ?? (globalThis as unknown as Scope);
  const base = scope.location?.href;
  const check = (input: unknown): void => {
    const url = urlOf(input, base);
    if (url && allowed(url)) return;
    const shown = url?.href ?? String(input);
    opts.onBlocked?.(shown);
    throw new BlockedRequestError(shown);
  };
  const originalFetch = scope.fetch;
  if (originalFetch) {
    scope.fetch = function guardedFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      try {
        check(input);
      } catch (e) {
        return Promise.reject(e);
      }
      return originalFetch.call(this ?? scope, input, init);
    } as typeof fetch;
  }
  const xhr = scope.XMLHttpRequest?.prototype;
  if (xhr) {
    const open = xhr.open;
    xhr.open = function guardedOpen(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      check(url);
      return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof xhr.open;
  }
  for (const name of ['WebSocket', 'EventSource'] as const) {
    const Original = scope[name] as unknown as (new (url: string | URL, ...rest: unknown[]) => object) | undefined;
    if (!Original) continue;
    const Guarded = function (url: string | URL, ...rest: unknown[]) {
      check(url);
      return new Original(url, ...rest);
    } as unknown as typeof Original;
    Guarded.prototype = Original.prototype;
    (scope as Record<string, unknown>)[name] = Guarded;
  }
  const nav = scope.navigator;
  if (nav?.sendBeacon) {
    const beacon = nav.sendBeacon.bind(nav);
    nav.sendBeacon = (url, data) => {
      check(url);
      return beacon(url, data);
    };
  }
}
