import type * as vscode from 'vscode';
import type { Logger } from '../engine/logger';
import { Redactor } from '../engine/redact';
import type { SecretResolver } from '../engine/secrets';
import { AuditLogChannel } from './audit-log-channel';
import { createChannelLogger } from './engine-logger';
import { HostConfirmation } from './host-confirmation';
import { NetworkSettingsReader } from './network-options';
import { Notifier } from './notifier';
import { createVsCodeSecretResolver } from './secret-resolver';
import { SecretStorageSessionStore } from './secret-session-store';
import type { SessionStatusBar } from './session-status';

/** The services that the network and secret commands share while the extension is active. */
export interface RunServices {
  /** The one redactor of the extension; it collects every secret that a run meets. */
  readonly redactor: Redactor;
  /** The extension's log, behind the redactor. */
  readonly logger: Logger;
  readonly notifier: Notifier;
  readonly audit: AuditLogChannel;
  readonly secrets: vscode.SecretStorage;
  readonly resolver: SecretResolver;
  readonly store: SecretStorageSessionStore;
  readonly network: NetworkSettingsReader;
  readonly hosts: HostConfirmation;
  readonly status: SessionStatusBar;
  /** This extension's version, for the audit log's first line. */
  readonly toolVersion: string;
}

/** Creates the shared services and registers their disposables with the extension. */
export function createRunServices(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  status: SessionStatusBar,
): RunServices {
  const redactor = new Redactor();
  const logger = createChannelLogger(log, redactor);
  const audit = new AuditLogChannel();
  context.subscriptions.push(audit);

  return {
    redactor,
    logger,
    notifier: new Notifier(logger, redactor, audit),
    audit,
    secrets: context.secrets,
    resolver: createVsCodeSecretResolver(context.secrets, process.env),
    store: new SecretStorageSessionStore(context.secrets, context.globalState, logger),
    network: new NetworkSettingsReader(logger),
    hosts: new HostConfirmation(logger),
    status,
    toolVersion: String((context.extension.packageJSON as { version?: unknown }).version),
  };
}
