import type { RecordedRequest } from './recorder';

/** Conditions a request must meet for a scripted response. Every given field must match. */
export interface RequestMatch {
  /** The `grant_type` form field of a token request. */
  readonly grantType?: string;
  /** The token of the `Authorization: Bearer` header. */
  readonly bearer?: string;
  /** The host name from the Host header. */
  readonly host?: string;
  readonly path?: string;
}

/** The condition of a scripted response: fields to match, or a test on the recorded request. */
export type RequestPredicate = RequestMatch | ((request: RecordedRequest) => boolean);

/** A failure mode other than an ordinary response. */
export type Fault =
  /** Resets the TCP connection instead of responding. */
  | { readonly kind: 'reset' }
  /** Sends no response, so the request waits until the client gives up or the emulator closes. */
  | { readonly kind: 'hang' }
  /** Sends the body in `chunks` pieces with `chunkDelayMs` between them. */
  | { readonly kind: 'slow-body'; readonly chunkDelayMs: number; readonly chunks: number }
  /** Sends a body of `bytes` bytes instead of `body`. */
  | { readonly kind: 'huge-body'; readonly bytes: number };

/** One scripted response. A JSON value as `body` is sent as `application/json`. */
export interface ScriptedResponse {
  readonly when?: RequestPredicate;
  /** How many matching requests this response serves: default 1, `Infinity` for all. */
  readonly times?: number;
  /** Wait before the status line, in milliseconds. */
  readonly delayMs?: number;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | object;
  readonly fault?: Fault;
}

const HTML = 'text/html; charset=UTF-8';

/** Creates a successful token response in Salesforce's shape. */
export function tokenSuccess(fields: {
  accessToken: string;
  instanceUrl: string;
  issuedAt?: string;
  id?: string;
  signature?: string;
}): ScriptedResponse {
  const host = new URL(fields.instanceUrl).host;
  return {
    status: 200,
    body: {
      access_token: fields.accessToken,
      instance_url: fields.instanceUrl,
      token_type: 'Bearer',
      issued_at: fields.issuedAt ?? '1700000000000',
      id: fields.id ?? `https://${host}/id/00DTEST/005TEST`,
      signature: fields.signature ?? 'SIG-TEST',
    },
  };
}

/** Creates a token endpoint error `{error, error_description}`, by default with status 400. */
export function tokenError(error: string, description: string, status = 400): ScriptedResponse {
  return { status, body: { error, error_description: description } };
}

/** Creates a REST API error: a JSON array of `{message, errorCode}`. */
export function restError(status: number, errorCode: string, message: string): ScriptedResponse {
  return { status, body: [{ message, errorCode }] };
}

/** Creates the REST and Apex REST session error: 401 with `INVALID_SESSION_ID`. */
export function invalidSessionRest(message = 'Session expired or invalid'): ScriptedResponse {
  return restError(401, 'INVALID_SESSION_ID', message);
}

/** Creates the Bulk API 1.0 session error: 400 with `InvalidSessionId`. */
export function invalidSessionBulk(message = 'Invalid session id'): ScriptedResponse {
  return { status: 400, body: { exceptionCode: 'InvalidSessionId', exceptionMessage: message } };
}

/** Creates a server error with an HTML body, as a load balancer sends it. */
export function serverError(status = 503, html = '<html>maintenance</html>'): ScriptedResponse {
  return htmlPage(status, html);
}

/** Creates HTTP 429 with `Retry-After` in seconds. */
export function tooManyRequests(retryAfterSeconds: number): ScriptedResponse {
  return {
    ...restError(429, 'REQUEST_LIMIT_EXCEEDED', 'Too many requests'),
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}

/** Creates an HTML page with any status. */
export function htmlPage(status: number, html: string): ScriptedResponse {
  return { status, headers: { 'content-type': HTML }, body: html };
}

/** Creates a redirect with an empty body. */
export function redirect(location: string, status = 302): ScriptedResponse {
  return { status, headers: { location }, body: '' };
}

/** Creates a JSON body sent in pieces with a pause between them. */
export function slowBody(body: object, chunkDelayMs: number, chunks = 4): ScriptedResponse {
  return { status: 200, body, fault: { kind: 'slow-body', chunkDelayMs, chunks } };
}

/** Creates a body of the given size in bytes. */
export function hugeBody(bytes: number, status = 200): ScriptedResponse {
  return { status, headers: { 'content-type': HTML }, fault: { kind: 'huge-body', bytes } };
}

/** Creates a reset connection instead of a response. */
export function resetConnection(): ScriptedResponse {
  return { fault: { kind: 'reset' } };
}

/** Creates a fault that sends no response until the client gives up. */
export function noResponse(): ScriptedResponse {
  return { fault: { kind: 'hang' } };
}
