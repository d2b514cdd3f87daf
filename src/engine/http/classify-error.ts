import { MASK } from '../redact';
import type { NetworkErrorCode } from './errors';
import { NetworkError } from './errors';

/** The failed request and the settings it ran with. */
export interface FailedRequest {
  readonly method: string;
  readonly url: URL;
  /** The proxy the request went through, if any. */
  readonly proxy?: URL;
  readonly signal?: AbortSignal;
  readonly connectTimeoutMs: number;
  readonly responseTimeoutMs: number;
}

/** Node's TLS verification codes that a private or missing CA certificate causes. */
const UNTRUSTED_CA_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
]);

const CLOCK_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

const NOT_FOUND_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);

const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);

// undici 7 reports a CONNECT response status other than 200 only in this message text.
const TUNNEL_STATUS = /Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/;

/**
 * Turns an error from undici or Node into a NetworkError with a stable code and a message that
 * names the value and the fix. Cancellation wins over every other cause. The message is not yet
 * redacted, except that a proxy password is always shown as the mask.
 */
export function classifyError(error: unknown, request: FailedRequest): NetworkError {
  if (error instanceof NetworkError) {
    return error;
  }
  const target = describeTarget(request.url);
  if (request.signal?.aborted) {
    return new NetworkError('NET_ABORTED', `The request ${target} was cancelled.`, {
      cause: error,
    });
  }

  const code = findCode(error);
  const cause = describeCause(error, code);
  const make = (netCode: NetworkErrorCode, message: string) =>
    new NetworkError(netCode, message, { cause: error });

  const tunnelStatus = TUNNEL_STATUS.exec(String((error as Error | undefined)?.message));
  if (request.proxy && tunnelStatus) {
    return classifyTunnelStatus(Number(tunnelStatus[1]), request, error);
  }
  const tlsFailure = classifyTls(error, code, cause, request);
  if (tlsFailure !== undefined) {
    return tlsFailure;
  }
  if (request.proxy && isProxyConnectFailure(code)) {
    return make(
      'NET_PROXY_UNREACHABLE',
      `The proxy at ${displayProxy(request.proxy)} could not be reached (${cause}). ` +
        'Check HTTPS_PROXY, HTTP_PROXY or the proxy setting, or add ' +
        `${request.url.hostname} to NO_PROXY to connect directly.`,
    );
  }
  return classifyTransport(code, cause, request, error);
}

function classifyTls(
  error: unknown,
  code: string | undefined,
  cause: string,
  request: FailedRequest,
): NetworkError | undefined {
  const make = (message: string) => new NetworkError('NET_TLS_VERIFY', message, { cause: error });

  if (request.proxy && hasCode(error, 'UND_ERR_PRX_TLS')) {
    return make(
      `The TLS certificate of the proxy at ${displayProxy(request.proxy)} could not be ` +
        `verified: ${cause}. Check that the proxy URL uses the host name in the proxy's certificate.`,
    );
  }
  // NOTE: an untrusted CA on an https:// proxy is reported like one on the target host,
  // because undici 7 does not mark which TLS handshake failed.
  if (code !== undefined && (UNTRUSTED_CA_CODES.has(code) || CLOCK_CODES.has(code))) {
    return make(tlsMessage(request.url, code, cause));
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return make(
      `The TLS certificate of ${request.url.hostname} could not be verified: ${cause}. ` +
        'Check that the URL uses the host name that the certificate was issued for.',
    );
  }
  return undefined;
}

function classifyTransport(
  code: string | undefined,
  cause: string,
  request: FailedRequest,
  error: unknown,
): NetworkError {
  const target = describeTarget(request.url);
  const via = request.proxy ? ` through the proxy at ${displayProxy(request.proxy)}` : '';
  const make = (netCode: NetworkErrorCode, message: string) =>
    new NetworkError(netCode, message, { cause: error });

  switch (true) {
    case code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT':
      return make(
        'NET_CONNECT_TIMEOUT',
        `Connecting to ${request.url.host}${via} timed out after ${request.connectTimeoutMs} ms. ` +
          'Check the host name, the firewall, and whether a proxy is needed (HTTPS_PROXY).',
      );
    case code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT':
      return make(
        'NET_RESPONSE_TIMEOUT',
        `The request ${target} timed out after ${request.responseTimeoutMs} ms waiting for ` +
          `the response ${code === 'UND_ERR_HEADERS_TIMEOUT' ? 'headers' : 'body'}. ` +
          'Try again later, or raise the response timeout.',
      );
    case code === 'ECONNREFUSED':
      return make(
        'NET_CONNECTION_REFUSED',
        `${request.url.host} refused the connection (${cause}). ` +
          'Check the host and port in the URL, and whether a proxy is needed (HTTPS_PROXY).',
      );
    case code !== undefined && RESET_CODES.has(code):
      return make(
        'NET_CONNECTION_RESET',
        `The connection for the request ${target}${via} was closed before the response was ` +
          `complete (${cause}). Try again; if it keeps failing, check the proxy and firewall.`,
      );
    case code !== undefined && NOT_FOUND_CODES.has(code):
      return make(
        'NET_HOST_NOT_FOUND',
        `The host ${request.url.hostname} could not be found (${cause}). ` +
          'Check the host name in the URL and the DNS settings.',
      );
    case code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_CLOSED':
      return make('NET_CLOSED', `The request ${target} failed because the client was closed.`);
    default:
      return make(
        code !== undefined && UNREACHABLE_CODES.has(code) ? 'NET_CONNECTION_REFUSED' : 'NET_FAILED',
        `The request ${target}${via} failed: ${cause}.`,
      );
  }
}

function classifyTunnelStatus(status: number, request: FailedRequest, error: unknown) {
  const proxy = displayProxy(request.proxy as URL);
  const tunnel = `${request.url.hostname}:${request.url.port || defaultPort(request.url)}`;
  if (status === 407) {
    return new NetworkError(
      'NET_PROXY_AUTH_REQUIRED',
      `The proxy at ${proxy} rejected the tunnel to ${tunnel} with HTTP 407 (proxy ` +
        'authentication required). Put the proxy user and password in the proxy URL: ' +
        'http://user:password@host:port.',
      { cause: error },
    );
  }
  return new NetworkError(
    'NET_PROXY_REJECTED',
    `The proxy at ${proxy} returned HTTP ${status} to the tunnel request for ${tunnel}. ` +
      `Check that the proxy allows this host, or add ${request.url.hostname} to NO_PROXY.`,
    { cause: error },
  );
}

function tlsMessage(url: URL, code: string, cause: string): string {
  const failure = `The TLS certificate of ${url.hostname} could not be verified: ${cause}.`;
  if (CLOCK_CODES.has(code)) {
    return `${failure} Check the system clock; if it is right, the server's certificate must be renewed.`;
  }
  return (
    `${failure} If a private CA signs it, such as a company proxy's CA, add that CA ` +
    'certificate in PEM format with NODE_EXTRA_CA_CERTS or the extra CA certificate setting.'
  );
}

/** Returns whether the error code means that the proxy itself could not be reached. */
function isProxyConnectFailure(code: string | undefined): boolean {
  return (
    code === 'ECONNREFUSED' ||
    (code !== undefined && (NOT_FOUND_CODES.has(code) || UNREACHABLE_CODES.has(code)))
  );
}

/** Returns the first `code` on the error or its causes, with TLS codes first. */
function findCode(error: unknown): string | undefined {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      codes.push(code);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return codes.find((code) => UNTRUSTED_CA_CODES.has(code) || CLOCK_CODES.has(code)) ?? codes[0];
}

function hasCode(error: unknown, expected: string): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if ((current as { code?: unknown }).code === expected) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Returns the deepest message in the cause chain, with its code. */
function describeCause(error: unknown, code: string | undefined): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof Error && current.message) {
      message = current.message;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return code !== undefined && !message.includes(code) ? `${message} (${code})` : message;
}

function describeTarget(url: URL): string {
  return `to ${url.origin}${url.pathname}`;
}

/** Returns the proxy URL without path, with the password replaced by the mask. */
export function displayProxy(proxy: URL): string {
  const credentials = proxy.username ? `${proxy.username}${proxy.password ? `:${MASK}` : ''}@` : '';
  return `${proxy.protocol}//${credentials}${proxy.host}`;
}

function defaultPort(url: URL): string {
  return url.protocol === 'https:' ? '443' : '80';
}
