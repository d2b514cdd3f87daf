import * as vscode from 'vscode';
import { hasCode, waitForDiagnostics, workspaceUri } from '../helpers';
import { settle } from './settle';

/** Opens the half-migrated example with the Problems panel and a quick fix menu. */
export async function showProblemsScene(): Promise<void> {
  const uri = workspaceUri('half-migrated.skyvva.json');
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const diagnostics = await waitForDiagnostics(
    uri,
    hasCode('deprecated-parameter'),
    'deprecated-parameter',
  );

  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  const deprecated = diagnostics.find((diagnostic) => diagnostic.code === 'deprecated-parameter');
  const position = deprecated?.range.start ?? new vscode.Position(0, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await settle(1000);
  await vscode.commands.executeCommand('editor.action.quickFix');
  await settle();
}
