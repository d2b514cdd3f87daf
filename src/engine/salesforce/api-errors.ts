import { parseJsonBody, responseSnippet } from '../auth/response-snippet';
import type { Redactor } from '../redact';
import type { HttpResponse } from './transport';

/** One error of a Salesforce API response. */
export interface ApiErrorDetail {
  readonly code: string;
  readonly message: string;
}

/**
 * Reads the errors of a Salesforce response: the REST and Apex REST shape
 * `[{"errorCode","message"}]`, the Bulk API 1.0 shape `{"exceptionCode","exceptionMessage"}`,
 * and their XML forms.
 */
export function readApiErrors(response: HttpResponse): ApiErrorDetail[] {
  const json = parseJsonBody(response.body);
  let items: unknown[] = [];
  if (Array.isArray(json)) {
    items = json;
  } else if (json !== undefined) {
    items = [json];
  }
  const details: ApiErrorDetail[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) {
      continue;
    }
    const record = item as Record<string, unknown>;
    const code = record.errorCode ?? record.exceptionCode;
    const message = record.message ?? record.exceptionMessage;
    if (typeof code === 'string') {
      details.push({ code, message: typeof message === 'string' ? message : '' });
    }
  }
  if (details.length > 0 || json !== undefined) {
    return details;
  }
  return readXmlErrors(response.body);
}

function readXmlErrors(body: string): ApiErrorDetail[] {
  const code = /<(errorCode|exceptionCode)>([^<]*)<\/\1>/.exec(body);
  if (code === null) {
    return [];
  }
  const message = /<(message|exceptionMessage)>([^<]*)<\/\1>/.exec(body);
  return [{ code: code[2], message: message?.[2] ?? '' }];
}

/**
 * Whether a response means that the session expired: HTTP 401 with INVALID_SESSION_ID (REST and
 * Apex REST) or HTTP 400 with InvalidSessionId (Bulk API 1.0). The code decides, never the
 * message text, which varies.
 */
export function isSessionExpired(response: HttpResponse): boolean {
  const codes = readApiErrors(response).map((detail) => detail.code);
  if (response.status === 401) {
    return codes.includes('INVALID_SESSION_ID');
  }
  if (response.status === 400) {
    return codes.includes('InvalidSessionId');
  }
  return false;
}

/** Describes a failed response: Salesforce's error codes and messages, or a cleaned body excerpt. */
export function describeApiFailure(response: HttpResponse, redactor: Redactor): string {
  const details = readApiErrors(response);
  const contentType = response.contentType === '' ? 'no content type' : response.contentType;
  const text =
    details.length > 0
      ? details.map(formatDetail).join('; ')
      : `${contentType}: ${responseSnippet(response.body, redactor)}`;
  return redactor.redact(`HTTP ${response.status}, ${text}`);
}

/** Salesforce's own message of a session error, for the final error text. */
export function sessionErrorMessage(response: HttpResponse): string {
  const detail = readApiErrors(response).find(
    (candidate) => candidate.code === 'INVALID_SESSION_ID' || candidate.code === 'InvalidSessionId',
  );
  return detail === undefined ? `HTTP ${response.status}` : formatDetail(detail);
}

/**
 * Formats an error as "message (CODE)". The code goes last because "INVALID_SESSION_ID: text"
 * would read as a session id field to the redactor, which would mask the first word.
 */
function formatDetail(detail: ApiErrorDetail): string {
  return detail.message === '' ? detail.code : `${detail.message} (${detail.code})`;
}
