import * as vscode from 'vscode';
import { isChannelDocument } from '../language/channel-document';

/**
 * Opens the channel file a command was given as a URI or URI string, or else takes the active
 * editor's document. Shows an error and returns undefined when that is no channel file.
 */
export async function resolveChannelDocument(
  target: unknown,
  log: vscode.LogOutputChannel,
): Promise<vscode.TextDocument | undefined> {
  const uri = toUri(target) ?? vscode.window.activeTextEditor?.document.uri;
  if (uri === undefined) {
    reportError(log, vscode.l10n.t('Open a channel file (*.skyvva.json) first.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (!isChannelDocument(document)) {
    reportError(
      log,
      vscode.l10n.t('{0} is not a channel file (*.skyvva.json).', uri.toString(true)),
    );
    return undefined;
  }
  return document;
}

function toUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) {
    return target;
  }
  if (typeof target === 'string') {
    return vscode.Uri.parse(target, true);
  }
  return undefined;
}

/** Logs an error and shows it without waiting for the user to close the notification. */
export function reportError(log: vscode.LogOutputChannel, message: string): void {
  log.error(message);
  void vscode.window.showErrorMessage(message);
}

/** Logs a message and shows it without waiting for the user to close the notification. */
export function reportInformation(log: vscode.LogOutputChannel, message: string): void {
  log.info(message);
  void vscode.window.showInformationMessage(message);
}
