/** Stable codes of the network layer's errors. Callers branch on these, never on messages. */
export type NetworkErrorCode =
  | 'NET_INVALID_URL'
  | 'NET_INVALID_PROXY_URL'
  | 'NET_CA_FILE_INVALID'
  | 'NET_PROXY_UNREACHABLE'
  | 'NET_PROXY_AUTH_REQUIRED'
  | 'NET_PROXY_REJECTED'
  | 'NET_TLS_VERIFY'
  | 'NET_CONNECT_TIMEOUT'
  | 'NET_RESPONSE_TIMEOUT'
  | 'NET_CONNECTION_REFUSED'
  | 'NET_CONNECTION_RESET'
  | 'NET_HOST_NOT_FOUND'
  | 'NET_ABORTED'
  | 'NET_CLOSED'
  | 'NET_FAILED';

/**
 * An error of the network layer with a stable `code`, a technical message that names the value
 * and the fix, and the underlying error as `cause`. The HTTP client redacts messages before it throws.
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(
    readonly code: NetworkErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Returns whether a value is a NetworkError, optionally with the given code. */
export function isNetworkError(value: unknown, code?: NetworkErrorCode): value is NetworkError {
  return value instanceof NetworkError && (code === undefined || value.code === code);
}
