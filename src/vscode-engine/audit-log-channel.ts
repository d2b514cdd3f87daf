import * as vscode from 'vscode';
import { writeNote } from '../engine/audit/audit-lines';
import { AuditLog } from '../engine/audit/audit-log';
import type { Redactor } from '../engine/redact';

/** The language id of the audit-log output and of saved `*.skyvva-audit.log` files. */
export const AUDIT_LOG_LANGUAGE_ID = 'skyvva-audit-log';

/** The name of the output channel, as the Output view lists it. */
export const AUDIT_LOG_CHANNEL_NAME = 'SKYVVA Audit Log';

/**
 * The output channel that contains the transcripts of token requests and test messages. The
 * engine redacts every line before the channel receives it.
 */
export class AuditLogChannel implements vscode.Disposable {
  private readonly channel: vscode.OutputChannel;
  private hasRuns = false;

  constructor() {
    this.channel = vscode.window.createOutputChannel(AUDIT_LOG_CHANNEL_NAME, AUDIT_LOG_LANGUAGE_ID);
  }

  /** Starts the transcript of a new run, separated from the previous one by a blank line. */
  beginRun(): void {
    if (this.hasRuns) {
      this.channel.appendLine('');
    }
    this.hasRuns = true;
  }

  /**
   * Writes the transcript of a run that failed before the engine started it, such as on a
   * configuration error or a missing secret. It has the tool's line and the failure, so the
   * audit log that the error notification offers shows why nothing was sent.
   */
  writeFailureBeforeRun(toolVersion: string, redactor: Redactor, message: string): void {
    this.beginRun();
    const audit = new AuditLog(toolVersion, redactor, (line) => this.appendLine(line));
    audit.writeHeader();
    writeNote(audit, `Failed: ${message}`);
  }

  appendLine(line: string): void {
    this.channel.appendLine(line);
  }

  /** Reveals the channel in the Output view without taking the focus from the editor. */
  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
