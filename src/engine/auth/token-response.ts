import { z } from 'zod';

import type { Flow } from '../catalogue';
import { EngineError } from '../engine-error';
import type { Redactor } from '../redact';
import type { HttpResponse } from '../salesforce/transport';
import { missingAccessTokenMessage, tokenErrorMessage } from '../vendor-texts';
import { parseJsonBody, responseSnippet } from './response-snippet';
import { tokenErrorHints } from './token-hints';

/** A session that a token request returned. */
export interface TokenResult {
  readonly accessToken: string;
  readonly instanceUrl: string;
  /** `issued_at`: epoch milliseconds, as text. */
  readonly issuedAt: string | undefined;
  /** The identity URL (`id`). */
  readonly identityUrl: string | undefined;
}

/** Either a session, or Salesforce's response that the same token request is still running. */
export type TokenOutcome =
  | { readonly kind: 'success'; readonly token: TokenResult }
  | { readonly kind: 'busy'; readonly message: string };

const tokenSuccessSchema = z.object({
  access_token: z.string().min(1),
  instance_url: z.url({ protocol: /^https?$/ }),
  issued_at: z.string().optional(),
  id: z.string().optional(),
});

const tokenErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

const BUSY_DESCRIPTION = 'token request is already being processed';

export interface TokenResponseContext {
  readonly flow: Flow;
  readonly tokenUrl: URL;
  readonly consumerSecret: string;
  readonly redactor: Redactor;
}

/**
 * Turns a token endpoint response into a session, or raises an EngineError with the vendor's
 * message and known hints. Redirects are reported, never followed.
 */
export function interpretTokenResponse(
  response: HttpResponse,
  context: TokenResponseContext,
): TokenOutcome {
  if (response.status >= 300 && response.status < 400) {
    throw redirectError(response, context);
  }
  if (response.truncated) {
    throw new EngineError(
      'API_RESPONSE_TOO_LARGE',
      `The token endpoint returned more than 1 MiB (HTTP ${response.status}); the response was cut off and not used.`,
      { status: response.status },
    );
  }
  const json = parseJsonBody(response.body);
  if (json === undefined || typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw nonJsonError(response, context.redactor);
  }

  const oauthError = tokenErrorSchema.safeParse(json);
  if (oauthError.success) {
    return interpretOAuthError(oauthError.data, response.status, context);
  }
  if (response.status < 200 || response.status >= 300) {
    throw new EngineError(
      'AUTH_INVALID_RESPONSE',
      `The token endpoint answered HTTP ${response.status} without an OAuth error; response ` +
        `fields: ${describeFields(json)}.`,
      { status: response.status },
    );
  }
  return { kind: 'success', token: readSuccess(json, response.status, context.flow) };
}

/** Lists the field names of a token response, the only part of it that is ever logged. */
export function describeFields(json: object): string {
  const names = Object.keys(json);
  return names.length === 0 ? '(none)' : names.join(', ');
}

function interpretOAuthError(
  body: z.infer<typeof tokenErrorSchema>,
  status: number,
  context: TokenResponseContext,
): TokenOutcome {
  const description = body.error_description ?? '';
  const message = context.redactor.redact(tokenErrorMessage(context.flow, body.error, description));
  if (description.toLowerCase().includes(BUSY_DESCRIPTION)) {
    return { kind: 'busy', message };
  }
  const hints = tokenErrorHints({
    flow: context.flow,
    tokenUrl: context.tokenUrl,
    consumerSecret: context.consumerSecret,
    error: body.error,
    description,
  });
  const hint = hints.length > 0 ? hints.join(' ') : undefined;
  const fullMessage = hint === undefined ? message : `${message}. ${hint}`;
  throw new EngineError('AUTH_TOKEN_REJECTED', fullMessage, { status, hint });
}

function readSuccess(json: object, status: number, flow: Flow): TokenResult {
  const record = json as Record<string, unknown>;
  if (typeof record.access_token !== 'string' || record.access_token === '') {
    throw new EngineError('AUTH_MISSING_ACCESS_TOKEN', missingAccessTokenMessage(flow), { status });
  }
  const parsed = tokenSuccessSchema.safeParse(json);
  if (!parsed.success) {
    throw new EngineError(
      'AUTH_INVALID_RESPONSE',
      `Salesforce OAuth2 ${flow} response has no valid instance_url; response fields: ` +
        `${describeFields(json)}.`,
      { status },
    );
  }
  return {
    accessToken: parsed.data.access_token,
    instanceUrl: parsed.data.instance_url.replace(/\/+$/, ''),
    issuedAt: parsed.data.issued_at,
    identityUrl: parsed.data.id,
  };
}

function redirectError(response: HttpResponse, context: TokenResponseContext): EngineError {
  const target = resolveLocation(response.headers.location, context.tokenUrl);
  const where =
    target === undefined
      ? 'without a valid Location header'
      : `with Location ${context.redactor.redact(target)}`;
  return new EngineError(
    'AUTH_REDIRECT',
    `The token endpoint responded with HTTP ${response.status} ${where}. Redirects are not ` +
      'followed, so no credentials went to another address. Update AuthorizationServerURL ' +
      "to the org's token endpoint (https://<your-domain>.my.salesforce.com/services/oauth2/token).",
    { status: response.status },
  );
}

function nonJsonError(response: HttpResponse, redactor: Redactor): EngineError {
  const contentType = response.contentType === '' ? 'no content type' : response.contentType;
  return new EngineError(
    'AUTH_NON_JSON_RESPONSE',
    `The token endpoint returned a non-JSON response (HTTP ${response.status}, ` +
      `${redactor.redact(contentType)}): ${responseSnippet(response.body, redactor)}`,
    { status: response.status },
  );
}

/** Resolves a Location header against the token URL; undefined when absent or invalid. */
function resolveLocation(location: string | undefined, tokenUrl: URL): string | undefined {
  if (location === undefined || location.trim() === '') {
    return undefined;
  }
  try {
    return new URL(location, tokenUrl).toString();
  } catch {
    return undefined;
  }
}
