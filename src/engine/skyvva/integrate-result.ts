import { parseJsonBody } from '../auth/response-snippet';
import type { Redactor } from '../redact';
import { describeApiFailure } from '../salesforce/api-errors';
import type { HttpResponse } from '../salesforce/transport';

export type PackageStatus = 'success' | 'partial' | 'failed';

export interface PackageOutcome {
  readonly status: PackageStatus;
  readonly httpStatus: number;
  /** One line for people: what SKYVVA reported. */
  readonly summary: string;
}

/**
 * Reads SKYVVA's response to one package. A 2xx response whose `GlobalStatus.Failed` is above 0
 * is a partial failure: some records were not integrated.
 */
export function readIntegrateResult(response: HttpResponse, redactor: Redactor): PackageOutcome {
  if (response.status < 200 || response.status >= 300) {
    return {
      status: 'failed',
      httpStatus: response.status,
      summary: describeApiFailure(response, redactor),
    };
  }
  if (response.truncated) {
    // NOTE: counted as partial because GlobalStatus cannot be read from a cut-off body.
    return {
      status: 'partial',
      httpStatus: response.status,
      summary:
        `HTTP ${response.status}, but the response is larger than 1 MiB and was cut off, so ` +
        'GlobalStatus could not be read; check the Message Monitoring in the SKYVVA app.',
    };
  }
  const json = parseJsonBody(response.body);
  const globalStatus = (json as { GlobalStatus?: Record<string, unknown> } | undefined)
    ?.GlobalStatus;
  const failed = Number(globalStatus?.Failed ?? 0);
  if (Number.isFinite(failed) && failed > 0) {
    return {
      status: 'partial',
      httpStatus: response.status,
      summary:
        `HTTP ${response.status}, ${failed} record(s) failed according to GlobalStatus; check ` +
        'the Message Monitoring in the SKYVVA app.',
    };
  }
  return {
    status: 'success',
    httpStatus: response.status,
    summary: `HTTP ${response.status}, accepted`,
  };
}
