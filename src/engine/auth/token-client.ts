import { EngineError } from '../engine-error';
import type { Logger } from '../logger';
import type { Redactor } from '../redact';
import { toRequestError } from '../salesforce/network-failure';
import type { HttpResponse, HttpTransport } from '../salesforce/transport';
import type { Timing } from '../timing';
import { checkCredentialHost, checkInstanceUrl } from './credential-host';
import type { HostApproval } from './credential-host';
import { buildTokenRequestBody, parseTokenUrl } from './token-request';
import type { TokenCredentials } from './token-request';
import { describeFields, interpretTokenResponse } from './token-response';
import type { TokenResult } from './token-response';
import { parseJsonBody } from './response-snippet';

export interface TokenClientContext {
  readonly transport: HttpTransport;
  readonly redactor: Redactor;
  /** Receives redacted text only. */
  readonly logger: Logger;
  readonly timing: Timing;
  readonly approveHost: HostApproval | undefined;
  readonly signal?: AbortSignal;
}

/**
 * Delays before each further attempt while Salesforce responds that the same token request is
 * already being processed. There are at most three more attempts.
 */
export const BUSY_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000];

/**
 * Requests an access token with the grant of the configured flow. Raises AUTH_HOST_NOT_ALLOWED
 * before any request when the host is not approved.
 */
export async function requestToken(
  credentials: TokenCredentials,
  context: TokenClientContext,
): Promise<TokenResult> {
  const tokenUrl = parseTokenUrl(credentials.tokenUrl);
  await checkCredentialHost(tokenUrl, context.approveHost);

  const body = buildTokenRequestBody(credentials);
  const interpretContext = {
    flow: credentials.flow,
    tokenUrl,
    consumerSecret: credentials.consumerSecret,
    redactor: context.redactor,
  };
  const attempts = BUSY_RETRY_DELAYS_MS.length + 1;
  for (let attempt = 1; ; attempt += 1) {
    const response = await sendTokenRequest(tokenUrl, body, context);
    const outcome = interpretTokenResponse(response, interpretContext);
    if (outcome.kind === 'success') {
      await checkInstanceUrl(outcome.token.instanceUrl, tokenUrl, context.approveHost);
      return outcome.token;
    }
    if (attempt >= attempts) {
      throw new EngineError(
        'AUTH_TOKEN_BUSY',
        `${outcome.message} (still reported after ${attempts} attempts; try again later)`,
        { status: response.status },
      );
    }
    const delay = BUSY_RETRY_DELAYS_MS[attempt - 1];
    context.logger.warn(
      `Token request is already being processed at Salesforce; attempt ${attempt + 1} of ` +
        `${attempts} in ${delay} ms.`,
    );
    await context.timing.sleep(delay, context.signal);
  }
}

async function sendTokenRequest(
  tokenUrl: URL,
  body: string,
  context: TokenClientContext,
): Promise<HttpResponse> {
  const target = `${tokenUrl.origin}${tokenUrl.pathname}`;
  const started = context.timing.now();
  let response: HttpResponse;
  try {
    response = await context.transport({
      method: 'POST',
      url: tokenUrl.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body,
      signal: context.signal,
    });
  } catch (error) {
    if (context.signal?.aborted === true) {
      throw new EngineError('CANCELLED', 'The token request was cancelled.', { cause: error });
    }
    throw toRequestError(error, target, context.redactor);
  }
  const elapsed = context.timing.now() - started;
  context.logger.trace(
    `POST ${target} -> HTTP ${response.status} in ${elapsed} ms; ${describeTokenBody(response)}`,
  );
  return response;
}

/** Describes a token response for the trace log by its field names and error fields only. */
function describeTokenBody(response: HttpResponse): string {
  const json = parseJsonBody(response.body);
  if (json === undefined || typeof json !== 'object' || json === null) {
    return `non-JSON body (${response.contentType === '' ? 'no content type' : response.contentType})`;
  }
  const record = json as Record<string, unknown>;
  const errorFields =
    typeof record.error === 'string'
      ? `; error=${record.error}, error_description=${String(record.error_description ?? '')}`
      : '';
  return `fields: ${describeFields(json)}${errorFields}`;
}
