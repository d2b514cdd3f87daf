import { AuditLog } from './audit/audit-log';
import type { AuditSink } from './audit/audit-log';
import * as lines from './audit/audit-lines';
import { createRedactingLogger } from './audit/redacting-logger';
import type { HostApproval } from './auth/credential-host';
import { requestToken } from './auth/token-client';
import type { RunConfig } from './config';
import { EngineError, isEngineError } from './engine-error';
import type { Logger } from './logger';
import { nullLogger } from './logger';
import { fingerprint } from './redact';
import type { Redactor } from './redact';
import { MessageSession } from './salesforce/api-caller';
import type { ApiCallContext } from './salesforce/api-caller';
import { RetryBudgetCache, readRetryBudget } from './salesforce/retry-budget';
import type { HttpTransport } from './salesforce/transport';
import { computeCacheKey } from './session/session';
import type { Session } from './session/session';
import { SessionManager } from './session/session-manager';
import type { AcquiredSession } from './session/session-manager';
import type { SessionStore } from './session/session-store';
import { messageStatus, sendPackages } from './skyvva/send-message';
import type { MessageStatus, PackageResult } from './skyvva/send-message';
import type { Payload } from './skyvva/payload';
import { realTiming } from './timing';
import type { Timing } from './timing';

export interface ChannelEngineOptions {
  readonly transport: HttpTransport;
  readonly store: SessionStore;
  /** The one redactor of every output; it receives secrets as they become known. */
  readonly redactor: Redactor;
  /** This tool's version, for the audit log. */
  readonly toolVersion: string;
  readonly logger?: Logger;
  readonly timing?: Timing;
  /** Approves token hosts outside Salesforce's domains and loopback; none when absent. */
  readonly approveHost?: HostApproval;
  /** Creates the transferId of each package; random UUIDs when absent. */
  readonly createTransferId?: () => string;
}

export interface RunOptions {
  /** Requests a new session even when one is cached. */
  readonly renew?: boolean;
  /** Uses this retry budget instead of reading it from the SKYVVA Interface. */
  readonly retryBudgetOverride?: number;
  readonly onAuditLine?: AuditSink;
  readonly signal?: AbortSignal;
}

/** The result of a token run; it never contains the access token. */
export interface TokenRunResult {
  readonly flow: RunConfig['flow'];
  readonly instanceUrl: string;
  readonly issuedAt: string | undefined;
  readonly sessionFingerprint: string;
  readonly origin: AcquiredSession['origin'];
  readonly auditLines: readonly string[];
}

export interface SendRunResult {
  readonly status: MessageStatus;
  readonly packages: readonly PackageResult[];
  readonly retryBudget: number;
  readonly sessionFingerprint: string;
  readonly auditLines: readonly string[];
}

/**
 * Runs token requests and test messages for channel files. One instance may serve many runs
 * and concurrent messages; they share its session manager, so one token request serves all.
 */
export class ChannelEngine {
  private readonly logger: Logger;
  private readonly timing: Timing;
  private readonly sessions: SessionManager;
  private readonly retryBudgets = new RetryBudgetCache();

  constructor(private readonly options: ChannelEngineOptions) {
    this.logger = createRedactingLogger(options.logger ?? nullLogger, options.redactor);
    this.timing = options.timing ?? realTiming;
    this.sessions = new SessionManager(
      options.store,
      async (credentials) => {
        const token = await requestToken(credentials, {
          transport: options.transport,
          redactor: options.redactor,
          logger: this.logger,
          timing: this.timing,
          approveHost: options.approveHost,
        });
        options.redactor.addSecret(token.accessToken);
        return token;
      },
      this.timing,
    );
  }

  /** Forgets the sessions kept in memory; call it after clearing the session store. */
  forgetSessions(): void {
    this.sessions.forget();
  }

  /** Gets a session for the channel (from the cache when pooling allows it) and describes it. */
  async fetchToken(config: RunConfig, runOptions: RunOptions = {}): Promise<TokenRunResult> {
    const audit = this.beginRun(config, runOptions);
    try {
      const acquired = await this.acquireSession(config, audit, runOptions);
      return {
        flow: config.flow,
        instanceUrl: acquired.session.instanceUrl,
        issuedAt: acquired.session.issuedAt,
        sessionFingerprint: fingerprint(acquired.session.accessToken),
        origin: acquired.origin,
        auditLines: audit.lines,
      };
    } catch (error) {
      throw this.reportFailure(error, audit);
    } finally {
      this.endRun(audit);
    }
  }

  /** Sends a test message to the channel's SKYVVA interface and returns a result per package. */
  async sendTestMessage(
    config: RunConfig,
    payload: Payload,
    runOptions: RunOptions = {},
  ): Promise<SendRunResult> {
    const integration = requireSendValue(config.integration, 'Integration');
    const inteface = requireSendValue(config.inteface, 'Inteface');
    const operation = requireSendValue(config.operation, 'Operation');
    const audit = this.beginRun(config, runOptions);
    try {
      const acquired = await this.acquireSession(config, audit, runOptions);
      const context = this.apiContext(config, acquired.session, audit, runOptions);
      const retryBudget = await this.retryBudgetFor(integration, inteface, context, runOptions);
      const packages = await sendPackages(
        {
          integration,
          inteface,
          operation,
          bulkPackageSize: config.bulkPackageSize,
          payload,
          logsPayload: config.logsPayload,
          retryBudget,
          createTransferId: this.options.createTransferId,
        },
        context,
      );
      return {
        status: messageStatus(packages),
        packages,
        retryBudget,
        sessionFingerprint: fingerprint(context.messageSession.session.accessToken),
        auditLines: audit.lines,
      };
    } catch (error) {
      throw this.reportFailure(error, audit);
    } finally {
      this.endRun(audit);
    }
  }

  private beginRun(config: RunConfig, runOptions: RunOptions): AuditLog {
    const audit = new AuditLog(
      this.options.toolVersion,
      this.options.redactor,
      runOptions.onAuditLine,
    );
    lines.writeBeginSession(audit);
    if (config.showsParameters) {
      lines.writeParameterDump(audit, config);
    }
    lines.writeParameterNotices(audit, config);
    lines.writeBeginTransformation(audit);
    return audit;
  }

  private endRun(audit: AuditLog): void {
    lines.writeEndTransformation(audit);
    lines.writeEndSession(audit);
  }

  private async acquireSession(
    config: RunConfig,
    audit: AuditLog,
    runOptions: RunOptions,
  ): Promise<AcquiredSession> {
    if (config.isPoolingActive) {
      const key = computeCacheKey(config);
      lines.writeCacheLookup(audit, this.sessions.storeLocation, this.sessions.locationOf(key));
    }
    const acquired = await this.sessions.acquire(config, {
      isPoolingActive: config.isPoolingActive,
      renew: runOptions.renew,
      signal: runOptions.signal,
    });
    this.options.redactor.addSecret(acquired.session.accessToken);
    lines.writeSessionOrigin(audit, acquired.origin, acquired.session.accessToken);
    this.logger.debug(
      `Session ${fingerprint(acquired.session.accessToken)} (${acquired.origin}) for ${acquired.key.name}`,
    );
    return acquired;
  }

  private apiContext(
    config: RunConfig,
    session: Session,
    audit: AuditLog,
    runOptions: RunOptions,
  ): ApiCallContext {
    const renewSession = async (rejected: Session): Promise<Session> => {
      const renewed = await this.sessions.renew(config, rejected, {
        isPoolingActive: config.isPoolingActive,
        signal: runOptions.signal,
      });
      this.options.redactor.addSecret(renewed.accessToken);
      return renewed;
    };
    return {
      transport: this.options.transport,
      redactor: this.options.redactor,
      logger: this.logger,
      timing: this.timing,
      audit,
      messageSession: new MessageSession(session, renewSession),
      signal: runOptions.signal,
    };
  }

  private async retryBudgetFor(
    integration: string,
    inteface: string,
    context: ApiCallContext,
    runOptions: RunOptions,
  ): Promise<number> {
    if (runOptions.retryBudgetOverride !== undefined) {
      return runOptions.retryBudgetOverride;
    }
    const session = context.messageSession.session;
    const known = this.retryBudgets.get(session, integration, inteface);
    if (known !== undefined) {
      return known;
    }
    const budget = await readRetryBudget(integration, inteface, context);
    this.retryBudgets.set(context.messageSession.session, integration, inteface, budget);
    return budget;
  }

  /**
   * Logs a failed run once and returns the error to raise, with its message and stack passed
   * through the redactor, because they may quote text that Salesforce sent.
   */
  private reportFailure(error: unknown, audit: AuditLog): unknown {
    if (error instanceof Error) {
      error.message = this.options.redactor.redact(error.message);
      error.stack =
        error.stack === undefined ? undefined : this.options.redactor.redact(error.stack);
    }
    if (isEngineError(error, 'CANCELLED')) {
      return error;
    }
    const message =
      error instanceof Error ? error.message : this.options.redactor.redact(String(error));
    const code = (error as { code?: unknown } | undefined)?.code;
    lines.writeNote(audit, `Failed: ${message}`);
    this.logger.error(`${typeof code === 'string' ? code : 'UNEXPECTED'}: ${message}`);
    return error;
  }
}

function requireSendValue(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') {
    throw new EngineError(
      'CONFIG_ERROR_FINDINGS',
      `${name} is missing or blank; a test message needs it.`,
    );
  }
  return value;
}
