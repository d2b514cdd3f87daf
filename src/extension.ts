import * as vscode from 'vscode';
import { registerFixAllCommand } from './commands/fix-all';
import { registerMigrateCommand } from './commands/migrate-to-client-credentials';
import { registerNewChannelFileCommand } from './commands/new-channel-file';
import { registerShowEffectiveParametersCommand } from './commands/show-effective-parameters';
import { registerCodeActions } from './language/code-actions';
import { registerCodeLens } from './language/code-lens';
import { registerCompletion } from './language/completion';
import { registerDiagnostics } from './language/diagnostics';
import { registerEffectiveDocuments } from './language/effective-document';
import { registerHover } from './language/hover';
import { registerEngineFeatures } from './vscode-engine/register';

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
  registerCodeActions(context);
  registerCompletion(context);
  registerHover(context);
  registerCodeLens(context);
  registerEffectiveDocuments(context);

  registerFixAllCommand(context, log);
  registerMigrateCommand(context, log);
  registerShowEffectiveParametersCommand(context, log);
  registerNewChannelFileCommand(context, log);
  registerEngineFeatures(context, log);
}

export function deactivate(): void {
  // Everything the extension registered is in context.subscriptions, which VS Code disposes.
}
