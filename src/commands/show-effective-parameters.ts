import * as vscode from 'vscode';
import { SHOW_EFFECTIVE_COMMAND } from '../language/code-lens';
import { effectiveUriFor } from '../language/effective-document';
import { resolveChannelDocument } from './channel-target';

/** Registers Show Effective Parameters, which opens the read-only view beside the file. */
export function registerShowEffectiveParametersCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_EFFECTIVE_COMMAND, (target?: unknown) =>
      showEffectiveParameters(target, log),
    ),
  );
}

async function showEffectiveParameters(
  target: unknown,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri | undefined> {
  const document = await resolveChannelDocument(target, log);
  if (document === undefined) {
    return undefined;
  }
  const view = await vscode.workspace.openTextDocument(effectiveUriFor(document.uri));
  await vscode.window.showTextDocument(view, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: true,
    preserveFocus: true,
  });
  return view.uri;
}
