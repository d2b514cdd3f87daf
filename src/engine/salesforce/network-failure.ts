import { EngineError } from '../engine-error';
import { isNetworkError } from '../http';
import type { NetworkErrorCode } from '../http';
import type { Redactor } from '../redact';

/** A request failure without a response, described for people. */
export interface NetworkFailure {
  readonly message: string;
  /** Whether the failure may go away on its own, so a retry can help. */
  readonly isTransient: boolean;
}

/**
 * Network error codes worth a retry. An unknown host, a TLS or proxy-authentication failure
 * and an invalid URL stay the same on every attempt.
 */
const TRANSIENT_CODES: ReadonlySet<NetworkErrorCode> = new Set<NetworkErrorCode>([
  'NET_CONNECT_TIMEOUT',
  'NET_RESPONSE_TIMEOUT',
  'NET_CONNECTION_REFUSED',
  'NET_CONNECTION_RESET',
  'NET_PROXY_UNREACHABLE',
]);

/** Describes why a request failed before a response arrived. */
export function describeNetworkFailure(error: unknown, target: string): NetworkFailure {
  if (isNetworkError(error)) {
    return { message: error.message, isTransient: TRANSIENT_CODES.has(error.code) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `The request to ${target} failed: ${detail}`, isTransient: false };
}

/**
 * Returns the error to raise for a request that got no response: the NetworkError itself,
 * whose message already names the fix, or an API_REQUEST_FAILED EngineError for anything else.
 */
export function toRequestError(error: unknown, target: string, redactor: Redactor): Error {
  if (isNetworkError(error)) {
    return error;
  }
  const failure = describeNetworkFailure(error, target);
  return new EngineError('API_REQUEST_FAILED', redactor.redact(failure.message), { cause: error });
}
