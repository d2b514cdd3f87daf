import { createSecureContext } from 'node:tls';
import { Agent, Dispatcher, Pool, ProxyAgent, buildConnector } from 'undici';

import type { Redactor } from '../redact';
import { loadCaCertificates } from './ca-certificates';
import type { LoopbackHostMap } from './loopback-host-map';
import { createMapLookup, mapConnector } from './loopback-host-map';
import type { Environment, ProxySettings } from './proxy-settings';
import { resolveProxySettings, selectProxy } from './proxy-settings';

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_RESPONSE_TIMEOUT_MS = 30_000;

/** How long an idle connection stays open for the next request. */
const KEEP_ALIVE_TIMEOUT_MS = 10_000;

/** Inputs of the dispatcher factory. Nothing is read from `process.env` behind the caller. */
export interface DispatcherOptions {
  /** Source of HTTPS_PROXY, HTTP_PROXY, NO_PROXY and NODE_EXTRA_CA_CERTS. */
  readonly env: Environment;
  /** An explicit proxy URL, such as VS Code's `http.proxy`. It wins over the environment. */
  readonly proxyUrl?: string;
  /** More hosts that bypass the proxy, in `NO_PROXY` syntax. */
  readonly noProxy?: readonly string[];
  /** A PEM file with more trusted CA certificates (the extra-CA setting). */
  readonly extraCaFile?: string;
  /** Maximum time to open a connection (TCP and TLS), in milliseconds. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /**
   * Maximum wait for the response headers, and again between two chunks of the body, in
   * milliseconds. Default 30 s.
   * NOTE: undici 7 runs these timeouts on a coarse timer. In the timeout tests a 300 ms
   * timeout fired after about 1 s.
   */
  readonly responseTimeoutMs?: number;
  /** Sends host names to loopback servers in tests. Unmapped hosts then fail without DNS. */
  readonly loopbackHosts?: LoopbackHostMap;
  /** Receives the proxy password as a secret, so that no output shows it. */
  readonly redactor?: Redactor;
}

/** The settings a dispatcher was built with, for messages and logs. */
export interface NetworkSettings {
  readonly proxy: ProxySettings;
  readonly connectTimeoutMs: number;
  readonly responseTimeoutMs: number;
}

/**
 * The one undici dispatcher of a run. It sends each request directly or through the proxy that
 * applies to its origin, always with TLS verification against the loaded CA certificates.
 */
export class NetworkDispatcher extends Dispatcher {
  private readonly proxyAgents = new Map<string, ProxyAgent>();

  constructor(
    readonly settings: NetworkSettings,
    private readonly direct: Agent,
    private readonly createProxyAgent: (proxy: URL) => ProxyAgent,
  ) {
    super();
  }

  /** Returns the proxy that a request to this URL goes through, or undefined for direct. */
  proxyFor(url: URL): URL | undefined {
    return selectProxy(this.settings.proxy, url);
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    const origin = new URL(String(options.origin));
    const proxy = this.proxyFor(origin);
    return this.agentFor(proxy).dispatch(options, handler);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closing = Promise.all([this.direct, ...this.proxyAgents.values()].map((a) => a.close()));
    const done = closing.then(() => undefined);
    if (callback === undefined) {
      return done;
    }
    void done.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const error = typeof first === 'function' ? null : (first ?? null);
    const callback = typeof first === 'function' ? first : second;
    const agents = [this.direct, ...this.proxyAgents.values()];
    const done = Promise.all(agents.map((agent) => agent.destroy(error))).then(() => undefined);
    if (callback === undefined) {
      return done;
    }
    void done.then(callback);
  }

  private agentFor(proxy: URL | undefined): Dispatcher {
    if (proxy === undefined) {
      return this.direct;
    }
    let agent = this.proxyAgents.get(proxy.href);
    if (agent === undefined) {
      agent = this.createProxyAgent(proxy);
      this.proxyAgents.set(proxy.href, agent);
    }
    return agent;
  }
}

/**
 * Creates the dispatcher for one run from the proxy settings, the CA certificates (Node's
 * roots, NODE_EXTRA_CA_CERTS and the extra CA file), the timeouts and keep-alive. TLS
 * verification is always on.
 */
export async function createDispatcher(options: DispatcherOptions): Promise<NetworkDispatcher> {
  const proxy = resolveProxySettings(options.env, options.proxyUrl, options.noProxy);
  registerProxyPasswords(proxy, options.redactor);

  const settings: NetworkSettings = {
    proxy,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    responseTimeoutMs: options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
  };
  const ca = await loadCaCertificates(options.env, options.extraCaFile);
  // One context for every connection: building it from some 150 root certificates costs
  // about 20 ms of CPU, which each new connection would otherwise pay.
  const secureContext = createSecureContext({ ca });
  const tls = { secureContext, rejectUnauthorized: true, timeout: settings.connectTimeoutMs };
  const timeouts = {
    headersTimeout: settings.responseTimeoutMs,
    bodyTimeout: settings.responseTimeoutMs,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  };

  const map = options.loopbackHosts;
  const connect = map ? mapConnector(buildConnector(tls), map) : tls;
  const direct = new Agent({ ...timeouts, connect });

  const createProxyAgent = (proxyUrl: URL) =>
    new ProxyAgent({
      ...timeouts,
      uri: proxyUrl.href,
      requestTls: tls,
      proxyTls: map ? { ...tls, lookup: createMapLookup(map, proxyPort(proxyUrl)) } : tls,
      clientFactory: (origin, clientOptions) => new Pool(origin, { ...clientOptions, ...timeouts }),
    });

  return new NetworkDispatcher(settings, direct, createProxyAgent);
}

function proxyPort(proxy: URL): number {
  return Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
}

function registerProxyPasswords(proxy: ProxySettings, redactor: Redactor | undefined): void {
  for (const url of [proxy.httpProxy, proxy.httpsProxy]) {
    if (url?.password) {
      redactor?.addSecret(url.password);
      redactor?.addSecret(safeDecode(url.password));
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
