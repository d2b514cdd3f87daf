import type { ScriptedResponse } from './scripted-responses';
import { invalidSessionRest, restError } from './scripted-responses';
import type { EmulatorState } from './emulator-state';
import type { RecordedRequest } from './recorder';
import {
  INTERFACE_OBJECT,
  RETRY_BUDGET_FIELD,
  parseRetryBudgetQuery,
  selectsRetryBudget,
} from './soql';
import { methodNotAllowed } from './token-endpoint';

const INTEGRATE_PARAMETERS = ['integration', 'interface', 'mode', 'request-format'] as const;

/**
 * Handles `POST /services/apexrest/skyvvasolutions/V4/integrate` for a valid session.
 * NOTE: SKYVVA does not publish the V4 response body. This `GlobalStatus` body is our
 * stand-in, built around the `GlobalStatus.Failed` count that marks a partial failure.
 */
export function handleIntegrateRequest(
  request: RecordedRequest,
  state: EmulatorState,
): ScriptedResponse {
  if (request.method !== 'POST') {
    return methodNotAllowed(request.method);
  }
  if (!state.isSessionValid(request.bearer)) {
    return invalidSessionRest();
  }
  const missing = INTEGRATE_PARAMETERS.filter((name) => !request.query[name]);
  if (missing.length > 0) {
    return restError(400, 'INVALID_PARAMETER', `Missing query parameters: ${missing.join(', ')}`);
  }

  const records = countRecords(request.body, request.query['request-format']);
  return {
    status: 200,
    body: {
      transferId: request.query.transferId ?? null,
      integration: request.query.integration,
      interface: request.query.interface,
      mode: request.query.mode,
      GlobalStatus: { Total: records, Success: records, Failed: 0 },
    },
  };
}

/**
 * Handles `GET /services/data/vNN.N/query?q=...` for the retry-budget query: returns the budget
 * set for the interface, INVALID_FIELD when the field is set as missing, or no record.
 */
export function handleQueryRequest(
  request: RecordedRequest,
  state: EmulatorState,
): ScriptedResponse {
  if (request.method !== 'GET') {
    return methodNotAllowed(request.method);
  }
  if (!state.isSessionValid(request.bearer)) {
    return invalidSessionRest();
  }
  const soql = request.query.q ?? '';
  const parsed = selectsRetryBudget(soql) ? parseRetryBudgetQuery(soql) : undefined;
  if (parsed === undefined) {
    return restError(400, 'MALFORMED_QUERY', 'The emulator supports only the retry-budget query.');
  }

  const value = state.retryBudget(parsed.integration, parsed.iface);
  if (typeof value === 'object' && value !== null && 'missingField' in value) {
    return restError(400, 'INVALID_FIELD', invalidFieldMessage());
  }
  if (typeof value === 'object' && value !== null && 'noRecord' in value) {
    return { status: 200, body: { totalSize: 0, done: true, records: [] } };
  }
  return { status: 200, body: queryResult(value) };
}

function queryResult(value: number | string | null) {
  return {
    totalSize: 1,
    done: true,
    records: [
      {
        attributes: {
          type: INTERFACE_OBJECT,
          url: `/services/data/v60.0/sobjects/${INTERFACE_OBJECT}/a0B000000000001AAA`,
        },
        [RETRY_BUDGET_FIELD]: value,
      },
    ],
  };
}

function invalidFieldMessage(): string {
  return (
    `No such column '${RETRY_BUDGET_FIELD}' on entity '${INTERFACE_OBJECT}'. If you are ` +
    "attempting to use a custom field, be sure to append the '__c' after the custom field name."
  );
}

/** Counts records: the length of a top-level JSON array, otherwise 1. */
function countRecords(body: string, format: string | undefined): number {
  if (format?.toUpperCase() !== 'JSON') {
    return 1;
  }
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed.length : 1;
  } catch {
    return 1;
  }
}
