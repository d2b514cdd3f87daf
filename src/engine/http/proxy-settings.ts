import { NetworkError } from './errors';

/** Environment variables as the caller passes them. This module never reads `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The proxies that apply to a run and the hosts that bypass them. */
export interface ProxySettings {
  /** Proxy for `http:` targets. */
  readonly httpProxy?: URL;
  /** Proxy for `https:` targets. */
  readonly httpsProxy?: URL;
  /** `NO_PROXY` entries, lower case, as written (`.example.com`, `host:8443`, `*`). */
  readonly noProxy: readonly string[];
}

/**
 * Resolves the proxy settings. An explicit proxy URL (VS Code's `http.proxy`) wins for both
 * schemes over `HTTPS_PROXY` and `HTTP_PROXY` in the given environment, and `NO_PROXY`
 * applies in every case. Lower-case variable names win over upper-case ones, as in curl. An
 * `https:` target falls back to `HTTP_PROXY` when `HTTPS_PROXY` is unset, as undici 7's
 * EnvHttpProxyAgent does.
 */
export function resolveProxySettings(
  env: Environment,
  explicitProxyUrl?: string,
  extraNoProxy: readonly string[] = [],
): ProxySettings {
  const explicit = parseProxyUrl(explicitProxyUrl, 'the proxy setting');
  const httpProxy = explicit ?? parseProxyUrl(readEnv(env, 'HTTP_PROXY'), 'HTTP_PROXY');
  const httpsProxy = explicit ?? parseProxyUrl(readEnv(env, 'HTTPS_PROXY'), 'HTTPS_PROXY');
  const noProxy = [...splitNoProxy(readEnv(env, 'NO_PROXY')), ...extraNoProxy.map(normalizeEntry)];

  return { httpProxy, httpsProxy: httpsProxy ?? httpProxy, noProxy: noProxy.filter(Boolean) };
}

/** Returns the proxy for a target URL, or undefined when the target is reached directly. */
export function selectProxy(settings: ProxySettings, target: URL): URL | undefined {
  const proxy = target.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
  if (proxy === undefined || isBypassed(settings.noProxy, target)) {
    return undefined;
  }
  return proxy;
}

/**
 * Returns whether `NO_PROXY` exempts a target. The entry `*` exempts every host. Any other
 * entry matches the host and its subdomains, with or without a leading `.` or `*.`, and an
 * entry with `:port` matches only that port.
 */
export function isBypassed(noProxy: readonly string[], target: URL): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');

  return noProxy.some((entry) => {
    if (entry === '*') {
      return true;
    }
    const { entryHost, entryPort } = splitHostPort(entry);
    if (entryPort !== undefined && entryPort !== port) {
      return false;
    }
    return host === entryHost || host.endsWith(`.${entryHost}`);
  });
}

function readEnv(env: Environment, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function splitNoProxy(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).map(normalizeEntry);
}

function normalizeEntry(entry: string): string {
  return entry
    .trim()
    .toLowerCase()
    .replace(/^\*?\./, '');
}

function splitHostPort(entry: string): { entryHost: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    return { entryHost: bracketed[1], entryPort: bracketed[2] };
  }
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) {
    return { entryHost: withPort[1], entryPort: withPort[2] };
  }
  return { entryHost: entry };
}

/** Parses a proxy URL. A value without a scheme means `http://`, as in curl. */
function parseProxyUrl(value: string | undefined, source: string): URL | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (!hasScheme && value.includes('://')) {
    throw invalidProxyUrl(source, 'its scheme is not valid');
  }
  const text = hasScheme ? value : `http://${value}`;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidProxyUrl(source, 'it is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidProxyUrl(source, `the scheme ${url.protocol} is not supported`);
  }
  if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/i.test(url.hostname)) {
    throw invalidProxyUrl(source, 'its host is not a valid host name or address');
  }
  return url;
}

// The message and the error carry no part of the value, because a URL that does not parse may
// hold a proxy password in a form that the redactor cannot recognise.
function invalidProxyUrl(source: string, reason: string): NetworkError {
  return new NetworkError(
    'NET_INVALID_PROXY_URL',
    `The proxy URL in ${source} is invalid because ${reason}. ` +
      'Set it to http://host:port or http://user:password@host:port.',
  );
}
