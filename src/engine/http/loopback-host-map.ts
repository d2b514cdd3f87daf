import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';

import type { buildConnector } from 'undici';

import { isLoopbackHost } from '../hosts';
import { NetworkError } from './errors';

/** The loopback address and port that stand in for a host. */
export interface LoopbackTarget {
  readonly address: string;
  readonly port: number;
}

/**
 * A host-to-loopback map for tests that run in one process: it sends a host name and port
 * (such as `acme.my.salesforce.com:443`) to a server on this machine. Returns undefined for a
 * host without a mapping, which then fails without any DNS query.
 */
export type LoopbackHostMap = (hostname: string, port: number) => LoopbackTarget | undefined;

/**
 * Creates a host-to-loopback map from host patterns (`acme.my.salesforce.com`, or
 * `*.my.salesforce.com` for any subdomain) to a loopback port. Every port of a mapped host goes
 * to the same target. Throws when a target address is not a loopback address.
 */
export function createLoopbackHostMap(
  patterns: readonly string[],
  port: number,
  address = '127.0.0.1',
): LoopbackHostMap {
  if (!isLoopbackHost(address)) {
    throw new Error(`A loopback host map must point at a loopback address, not ${address}.`);
  }
  const target = { address, port };
  const lowerPatterns = patterns.map((pattern) => pattern.toLowerCase());

  return (hostname) => {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return lowerPatterns.some((pattern) => matchesHostPattern(pattern, host)) ? target : undefined;
  };
}

/** Returns whether a host matches a pattern: equal, or for `*.domain` any subdomain. */
export function matchesHostPattern(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    return host.endsWith(pattern.slice(1));
  }
  return host === pattern;
}

/**
 * Wraps an undici connector so that every connection goes to the mapped loopback target. The
 * TLS server name stays the original host, so the certificate is checked against the name the
 * caller asked for.
 */
export function mapConnector(
  connect: buildConnector.connector,
  map: LoopbackHostMap,
): buildConnector.connector {
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    const target = map(options.hostname, port);
    if (target === undefined) {
      callback(unmappedHost(options.hostname), null);
      return;
    }
    const servername =
      options.servername || (isIP(options.hostname) ? undefined : options.hostname);
    connect(
      { ...options, hostname: target.address, port: String(target.port), servername },
      callback,
    );
  };
}

/**
 * Creates a `lookup` function for `net.connect` that resolves from the map and never queries
 * DNS. The port is fixed because `lookup` does not receive one. The dispatcher uses this for
 * the connection to the proxy.
 */
export function createMapLookup(map: LoopbackHostMap, port: number): LookupFunction {
  return (hostname, options, callback) => {
    const target = map(hostname, port);
    if (target === undefined) {
      callback(unmappedHost(hostname) as NodeJS.ErrnoException, '');
      return;
    }
    const family = isIP(target.address);
    if (options.all) {
      callback(null, [{ address: target.address, family }]);
      return;
    }
    callback(null, target.address, family);
  };
}

function unmappedHost(hostname: string): NetworkError {
  return new NetworkError(
    'NET_HOST_NOT_FOUND',
    `The host ${hostname} has no entry in the loopback host map, so it was not looked up. ` +
      'Add the host to the map.',
  );
}
