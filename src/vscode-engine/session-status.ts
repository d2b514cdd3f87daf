import * as vscode from 'vscode';
import { isChannelDocument } from '../language/channel-document';
import { SHOW_AUDIT_LOG_COMMAND } from './engine-command-ids';

/** The session of a channel file as this VS Code window last saw it. */
export type SessionState = 'none' | 'cached' | 'renewed';

/**
 * Shows the session state of the active channel file in the status bar: no session, cached,
 * or renewed after Salesforce rejected the cached one. Clicking it opens the audit log.
 */
export class SessionStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly states = new Map<string, SessionState>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item = vscode.window.createStatusBarItem('skyvva.session', vscode.StatusBarAlignment.Left);
    this.item.name = vscode.l10n.t('SKYVVA Session');
    this.item.command = SHOW_AUDIT_LOG_COMMAND;
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Focusing the Output view makes its channel the active editor; the item stays as it was.
      if (editor?.document.uri.scheme !== 'output') {
        this.refresh();
      }
    });
    this.refresh();
  }

  /** Records the state after a run on the channel file. */
  set(uri: vscode.Uri, state: SessionState): void {
    this.states.set(uri.toString(), state);
    this.refresh();
  }

  /** Forgets every state, after the session cache was cleared. */
  clear(): void {
    this.states.clear();
    this.refresh();
  }

  /** Returns the state shown for a channel file. */
  stateOf(uri: vscode.Uri): SessionState {
    return this.states.get(uri.toString()) ?? 'none';
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  private refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined || !isChannelDocument(document)) {
      this.item.hide();
      return;
    }
    const state = this.stateOf(document.uri);
    this.item.text = STATUS_TEXTS[state]();
    this.item.tooltip = vscode.l10n.t('Session of this channel file. Click to show the audit log.');
    this.item.show();
  }
}

const STATUS_TEXTS: Readonly<Record<SessionState, () => string>> = {
  none: () => vscode.l10n.t('$(circle-slash) SKYVVA: no session'),
  cached: () => vscode.l10n.t('$(pass) SKYVVA: session cached'),
  renewed: () => vscode.l10n.t('$(sync) SKYVVA: session renewed'),
};
