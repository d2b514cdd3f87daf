import * as vscode from 'vscode';
import { analyzeText } from '../engine/analyze';
import { CHANNEL_DOCUMENT_SELECTOR, isChannelDocument } from '../language/channel-document';
import { DIAGNOSTIC_SOURCE } from '../language/to-diagnostic';
import { STORE_SECRET_COMMAND } from './engine-command-ids';

const LITERAL_SECRET_CODE = 'literal-secret';

/**
 * Registers the quick fix "Move to secret storage" on the `literal-secret` diagnostic. It runs
 * Store Secret for the parameter, which stores the literal value and writes a reference.
 */
export function registerMoveToSecretAction(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      CHANNEL_DOCUMENT_SELECTOR,
      new MoveToSecretActionProvider(),
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}

class MoveToSecretActionProvider implements vscode.CodeActionProvider {
  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const diagnostics = context.diagnostics.filter(
      (diagnostic) =>
        diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === LITERAL_SECRET_CODE,
    );
    if (diagnostics.length === 0 || !isChannelDocument(document)) {
      return [];
    }
    const entries = analyzeText(document.getText()).document.entries;
    return diagnostics.flatMap((diagnostic) => {
      const offset = document.offsetAt(diagnostic.range.start);
      const entry = entries.find((candidate) => candidate.valueRange.offset === offset);
      return entry === undefined ? [] : [moveAction(document, diagnostic, entry.name)];
    });
  }
}

function moveAction(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  parameter: string,
): vscode.CodeAction {
  const title = vscode.l10n.t('Move to secret storage');
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = {
    title,
    command: STORE_SECRET_COMMAND,
    arguments: [{ document: document.uri, parameter }],
  };
  return action;
}
