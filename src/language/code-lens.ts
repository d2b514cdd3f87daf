import * as vscode from 'vscode';
import { analyzeText } from '../engine/analyze';
import {
  FETCH_TOKEN_COMMAND,
  SEND_TEST_MESSAGE_COMMAND,
} from '../vscode-engine/engine-command-ids';
import { CHANNEL_DOCUMENT_SELECTOR, isChannelDocument } from './channel-document';

/** The command that the flow lens runs. */
export const SHOW_EFFECTIVE_COMMAND = 'skyvva.showEffectiveParameters';

/**
 * Registers the lenses at the top of a channel file: its effective flow, and in a trusted
 * workspace Fetch Token and Send Test Message.
 */
export function registerCodeLens(context: vscode.ExtensionContext): void {
  const provider = new ChannelCodeLensProvider();
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(CHANNEL_DOCUMENT_SELECTOR, provider),
    vscode.workspace.onDidGrantWorkspaceTrust(() => provider.refresh()),
    provider,
  );
}

class ChannelCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isChannelDocument(document)) {
      return [];
    }
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      new vscode.CodeLens(top, {
        title: flowTitle(document.getText()),
        tooltip: vscode.l10n.t('Show the parameters that the module will read'),
        command: SHOW_EFFECTIVE_COMMAND,
        arguments: [document.uri],
      }),
    ];
    // The network commands refuse to run in an untrusted workspace, so they get no lens there.
    if (vscode.workspace.isTrusted && document.uri.scheme === 'file') {
      lenses.push(
        new vscode.CodeLens(top, {
          title: vscode.l10n.t('Fetch Token'),
          tooltip: vscode.l10n.t('Request a Salesforce session for this channel'),
          command: FETCH_TOKEN_COMMAND,
          arguments: [document.uri],
        }),
        new vscode.CodeLens(top, {
          title: vscode.l10n.t('Send Test Message'),
          tooltip: vscode.l10n.t('Send a test message to the SKYVVA interface of this channel'),
          command: SEND_TEST_MESSAGE_COMMAND,
          arguments: [document.uri],
        }),
      );
    }
    return lenses;
  }
}

function flowTitle(text: string): string {
  const analysis = analyzeText(text);
  if (!analysis.parsed) {
    return vscode.l10n.t('Flow: unknown until the file parses');
  }
  const { flow, flowValue } = analysis.effective;
  if (flow === undefined) {
    return vscode.l10n.t('Flow: unsupported value {0}', JSON.stringify(flowValue ?? ''));
  }
  if (flowValue === undefined || flowValue === '') {
    return vscode.l10n.t('Flow: {0} (default)', flow);
  }
  return vscode.l10n.t('Flow: {0}', flow);
}
