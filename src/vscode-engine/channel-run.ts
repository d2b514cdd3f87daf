import * as vscode from 'vscode';
import { analyzeBytes, analyzeText } from '../engine/analyze';
import type { Analysis } from '../engine/analyze';
import type { Purpose } from '../engine/catalogue';
import { ChannelEngine } from '../engine/channel-engine';
import type { RunOptions } from '../engine/channel-engine';
import { loadRunConfig } from '../engine/config';
import type { RunConfig } from '../engine/config';
import { createHttpClient } from '../engine/http';
import type { HttpClient } from '../engine/http';
import { createHttpTransport } from '../engine/salesforce/transport';
import { SESSION_RENEWAL } from '../engine/vendor-texts';
import { describeFailure, isCancellation } from './failures';
import type { RunServices } from './run-services';
import type { SessionState } from './session-status';

/** Options that the network commands accept as an argument, so callers need no dialog. */
export interface NetworkCommandOptions {
  /** Token hosts outside Salesforce's domains that may receive credentials without asking. */
  readonly approvedHosts?: readonly string[];
  /** Cancels the run, as the Cancel button of the progress notification does. */
  readonly cancellation?: vscode.CancellationToken;
  /** Requests a new session even when one is cached. */
  readonly renew?: boolean;
}

/** One run of the engine on a channel file. */
export interface ChannelRun<T> {
  /** The command's title, for the progress notification and error messages. */
  readonly title: string;
  readonly document: vscode.TextDocument;
  readonly purpose: Purpose;
  readonly options: NetworkCommandOptions;
  execute(engine: ChannelEngine, config: RunConfig, runOptions: RunOptions): Promise<T>;
}

/**
 * Runs the engine with a cancellable progress notification. The audit lines go to the audit
 * log as they are written. A failure becomes one error notification with a "Show Audit Log"
 * action, and a cancelled run ends silently. Returns undefined unless the run succeeded.
 */
export async function runOnChannel<T>(
  services: RunServices,
  run: ChannelRun<T>,
): Promise<T | undefined> {
  const progressOptions = {
    location: vscode.ProgressLocation.Notification,
    title: vscode.l10n.t('SKYVVA: {0} for {1}', run.title, fileName(run.document.uri)),
    cancellable: true,
  };
  return vscode.window.withProgress(progressOptions, async (_progress, token) => {
    const controller = new AbortController();
    const subscriptions = [token, run.options.cancellation]
      .filter((source) => source !== undefined)
      .map((source) => source.onCancellationRequested(() => controller.abort()));
    if (run.options.cancellation?.isCancellationRequested === true) {
      controller.abort();
    }
    try {
      return await runWithSignal(services, run, controller.signal);
    } finally {
      subscriptions.forEach((subscription) => subscription.dispose());
    }
  });
}

async function runWithSignal<T>(
  services: RunServices,
  run: ChannelRun<T>,
  signal: AbortSignal,
): Promise<T | undefined> {
  const name = fileName(run.document.uri);
  let client: HttpClient | undefined;
  let hasEngineStarted = false;
  services.logger.info(`${run.title} for ${name} started.`);
  try {
    const analysis = await analyze(run.document);
    const config = await loadRunConfig(analysis, run.purpose, {
      resolver: services.resolver,
      redactor: services.redactor,
      signal,
    });
    client = await createHttpClient({
      ...services.network.read(),
      redactor: services.redactor,
      logger: services.logger,
    });
    hasEngineStarted = true;
    const result = await executeRun(services, run, config, client, signal);
    services.logger.info(`${run.title} for ${name} succeeded.`);
    return result;
  } catch (error) {
    if (isCancellation(error, signal)) {
      services.logger.info(`${run.title} for ${name} was cancelled.`);
      return undefined;
    }
    const message = describeFailure(error, services.redactor);
    if (!hasEngineStarted) {
      services.audit.writeFailureBeforeRun(services.toolVersion, services.redactor, message);
    }
    services.notifier.error(vscode.l10n.t('{0} failed for {1}: {2}', run.title, name, message));
    return undefined;
  } finally {
    await closeClient(client, signal);
  }
}

async function executeRun<T>(
  services: RunServices,
  run: ChannelRun<T>,
  config: RunConfig,
  client: HttpClient,
  signal: AbortSignal,
): Promise<T> {
  const engine = new ChannelEngine({
    transport: createHttpTransport(client),
    store: services.store,
    redactor: services.redactor,
    toolVersion: services.toolVersion,
    logger: services.logger,
    approveHost: services.hosts.forRun(run.options.approvedHosts),
  });
  const auditLines: string[] = [];
  services.audit.beginRun();
  const result = await run.execute(engine, config, {
    renew: run.options.renew,
    retryBudgetOverride: readRetryBudgetOverride(run.document.uri),
    onAuditLine: (line) => {
      auditLines.push(line);
      services.audit.appendLine(line);
    },
    signal,
  });
  services.status.set(run.document.uri, sessionState(config, auditLines));
  return result;
}

/**
 * Analyses what the engine will run on: the editor's text while it has unsaved changes, else
 * the saved bytes, so a file in another encoding than UTF-8 is rejected as the CLI rejects it.
 */
async function analyze(document: vscode.TextDocument): Promise<Analysis> {
  if (document.isDirty || document.uri.scheme !== 'file') {
    return analyzeText(document.getText());
  }
  return analyzeBytes(await vscode.workspace.fs.readFile(document.uri));
}

function sessionState(config: RunConfig, auditLines: readonly string[]): SessionState {
  if (!config.isPoolingActive) {
    return 'none';
  }
  return auditLines.some((line) => line.includes(SESSION_RENEWAL)) ? 'renewed' : 'cached';
}

function readRetryBudgetOverride(uri: vscode.Uri): number | undefined {
  const value = vscode.workspace.getConfiguration('skyvva', uri).get<number | null>('retryBudget');
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** Closes the client. After a cancellation it ends the running requests instead of waiting. */
async function closeClient(client: HttpClient | undefined, signal: AbortSignal): Promise<void> {
  if (client === undefined) {
    return;
  }
  if (signal.aborted) {
    await client.dispatcher.destroy();
  } else {
    await client.close();
  }
}

/** Returns the last segment of a URI's path. */
export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
