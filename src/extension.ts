import * as vscode from 'vscode';
import { registerDiagnostics } from './language/diagnostics';

/** Quiet time after the last keystroke before a channel file is checked again. */
const CHANGE_DELAY_MS = 200;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('SKYVVA Channel Tools', { log: true });
  context.subscriptions.push(log);

  registerDiagnostics(context, {
    log,
    readFile: (uri) => vscode.workspace.fs.readFile(uri),
    changeDelayMs: CHANGE_DELAY_MS,
  });
}

export function deactivate(): void {
  // Everything the extension registered is in context.subscriptions, which VS Code disposes.
}
