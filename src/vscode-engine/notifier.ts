import * as vscode from 'vscode';
import type { Logger } from '../engine/logger';
import type { Redactor } from '../engine/redact';
import type { AuditLogChannel } from './audit-log-channel';

/** A button of a notification and what it runs when chosen. */
export interface NotificationAction {
  readonly title: string;
  run(): unknown;
}

/**
 * Shows notifications and writes each one to the extension's log as well. Every text passes
 * the redactor first, so neither the notification nor the log shows a secret that a run met.
 */
export class Notifier {
  constructor(
    private readonly logger: Logger,
    private readonly redactor: Redactor,
    private readonly audit: AuditLogChannel,
  ) {}

  info(text: string): void {
    const message = this.redactor.redact(text);
    this.logger.info(message);
    void vscode.window.showInformationMessage(message);
  }

  warn(text: string, actions: readonly NotificationAction[] = []): void {
    const message = this.redactor.redact(text);
    this.logger.warn(message);
    this.offer(vscode.window.showWarningMessage(message, ...actions.map((a) => a.title)), actions);
  }

  /** Shows an error with a "Show Audit Log" action. */
  error(text: string): void {
    const message = this.redactor.redact(text);
    this.logger.error(message);
    const showAuditLog: NotificationAction = {
      title: vscode.l10n.t('Show Audit Log'),
      run: () => this.audit.show(),
    };
    this.offer(vscode.window.showErrorMessage(message, showAuditLog.title), [showAuditLog]);
  }

  // The notification is not awaited, so a command ends while its notification stays open.
  private offer(
    choice: Thenable<string | undefined>,
    actions: readonly NotificationAction[],
  ): void {
    void Promise.resolve(choice).then((title) => {
      actions.find((action) => action.title === title)?.run();
    });
  }
}
