import type { AuditLog } from '../audit/audit-log';
import { writeRenewal, writeRenewed, writeRetry } from '../audit/audit-lines';
import { EngineError } from '../engine-error';
import type { Logger } from '../logger';
import type { Redactor } from '../redact';
import type { Session } from '../session/session';
import type { Timing } from '../timing';
import { SESSION_INVALID_AFTER_RENEWAL } from '../vendor-texts';
import { isSessionExpired, sessionErrorMessage } from './api-errors';
import { describeNetworkFailure, toRequestError } from './network-failure';
import { parseRetryAfter, retryDelay, transientReason } from './retry-policy';
import type { HttpRequest, HttpResponse, HttpTransport } from './transport';

/**
 * The session of one message. It is renewed at most once per message, whatever the number of
 * requests the message makes.
 */
export class MessageSession {
  private renewed = false;

  constructor(
    private current: Session,
    private readonly renewSession: (rejected: Session) => Promise<Session>,
  ) {}

  get session(): Session {
    return this.current;
  }

  get hasRenewed(): boolean {
    return this.renewed;
  }

  async renew(): Promise<Session> {
    this.renewed = true;
    this.current = await this.renewSession(this.current);
    return this.current;
  }
}

export interface ApiCallContext {
  readonly transport: HttpTransport;
  readonly redactor: Redactor;
  readonly logger: Logger;
  readonly timing: Timing;
  readonly audit: AuditLog;
  readonly messageSession: MessageSession;
  readonly signal?: AbortSignal;
}

/**
 * Sends an API request built for the message's current session. A session error renews the
 * session once and retries against its instance URL, outside the retry budget. Transient
 * failures are retried up to `retryBudget` more times with backoff. Returns the last response.
 */
export async function callApi(
  build: (session: Session) => HttpRequest,
  retryBudget: number,
  context: ApiCallContext,
): Promise<HttpResponse> {
  let retriesUsed = 0;
  for (;;) {
    const request = build(context.messageSession.session);
    const outcome = await sendOnce(request, context);

    if (outcome.response !== undefined && isSessionExpired(outcome.response)) {
      await renewOrFail(outcome.response, context);
      continue;
    }

    const reason =
      outcome.response === undefined ? outcome.failure : transientReason(outcome.response);
    if (reason === undefined || retriesUsed >= retryBudget) {
      if (outcome.response !== undefined) {
        return outcome.response;
      }
      throw outcome.error;
    }

    retriesUsed += 1;
    const retryAfter = parseRetryAfter(
      outcome.response?.headers['retry-after'],
      context.timing.now(),
    );
    const delay = retryDelay(retriesUsed, retryAfter, context.timing.random());
    writeRetry(context.audit, reason, retriesUsed + 1, retryBudget + 1, delay);
    context.logger.warn(
      `Retrying ${request.method} ${originAndPath(String(request.url))} after ${reason}: attempt ` +
        `${retriesUsed + 1} of ${retryBudget + 1} in ${delay} ms.`,
    );
    await context.timing.sleep(delay, context.signal);
  }
}

type SendOutcome =
  | { readonly response: HttpResponse; readonly failure?: undefined; readonly error?: undefined }
  | { readonly response?: undefined; readonly failure: string | undefined; readonly error: Error };

async function sendOnce(request: HttpRequest, context: ApiCallContext): Promise<SendOutcome> {
  const target = originAndPath(String(request.url));
  const started = context.timing.now();
  try {
    const response = await context.transport({ ...request, signal: context.signal });
    const elapsed = context.timing.now() - started;
    context.logger.trace(`${request.method} ${target} -> HTTP ${response.status} in ${elapsed} ms`);
    return { response };
  } catch (error) {
    if (context.signal?.aborted === true) {
      throw new EngineError('CANCELLED', 'The request was cancelled.', { cause: error });
    }
    const failure = describeNetworkFailure(error, target);
    context.logger.trace(`${request.method} ${target} failed: ${failure.message}`);
    return {
      failure: failure.isTransient ? `network error: ${failure.message}` : undefined,
      error: toRequestError(error, target, context.redactor),
    };
  }
}

async function renewOrFail(response: HttpResponse, context: ApiCallContext): Promise<void> {
  const salesforceMessage = context.redactor.redact(sessionErrorMessage(response));
  if (context.messageSession.hasRenewed) {
    throw new EngineError(
      'SESSION_INVALID_AFTER_RENEWAL',
      `${SESSION_INVALID_AFTER_RENEWAL}: ${salesforceMessage}`,
      {
        status: response.status,
        hint: 'Check that the External Client App (or Connected App) is still active and that its OAuth scopes include API access.',
      },
    );
  }
  writeRenewal(context.audit);
  context.logger.info(`Session rejected by Salesforce (${salesforceMessage}); renewing it once.`);
  const renewed = await context.messageSession.renew();
  writeRenewed(context.audit, renewed.accessToken, renewed.instanceUrl);
}

/** Returns the URL without its query string, for logs. */
export function originAndPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
