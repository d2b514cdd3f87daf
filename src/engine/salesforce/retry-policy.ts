import { readApiErrors } from './api-errors';
import type { HttpResponse } from './transport';

export const FIRST_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Returns why a response is worth retrying, or undefined when it is not. HTTP 5xx, HTTP 429 and
 * Salesforce's concurrent-request limit are transient. Data errors and other 4xx are final.
 */
export function transientReason(response: HttpResponse): string | undefined {
  if (response.status >= 500) {
    return `HTTP ${response.status}`;
  }
  if (response.status === 429) {
    return 'HTTP 429 too many requests';
  }
  // Salesforce reports both the daily and the concurrent limit as REQUEST_LIMIT_EXCEEDED; only
  // the concurrent one ("ConcurrentRequests ... Limit exceeded") clears within seconds.
  const isConcurrentLimit = readApiErrors(response).some(
    (detail) => detail.code === 'REQUEST_LIMIT_EXCEEDED' && /concurrent/i.test(detail.message),
  );
  return isConcurrentLimit ? 'concurrent request limit exceeded' : undefined;
}

/**
 * Parses a Retry-After header (RFC 9110 section 10.2.3): seconds or an HTTP date. Returns
 * milliseconds, or undefined when absent or invalid.
 */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined) {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Computes the wait before retry number `retry` (1 for the first): Retry-After when the server
 * sent it, up to 60 s, else full jitter over 500 ms doubling per retry, capped at 30 s.
 */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  random: number,
): number {
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  }
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** (retry - 1));
  return Math.floor(random * ceiling);
}
