import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hasCode, waitForDiagnostics, writeWorkspaceFile } from './helpers';

/** Parameters of a valid Client-Credentials channel; tests change one or two of them. */
export const VALID_PARAMETERS: Readonly<Record<string, unknown>> = {
  OAuth2Flow: 'Client-Credentials',
  AuthorizationServerURL: 'https://acme.my.salesforce.com/services/oauth2/token',
  ConsumerKey: 'CK-TEST',
  ConsumerSecret: '${env:SKYVVA_SECRET}',
  Integration: 'INT_TEST',
  Inteface: 'IF_TEST',
  Operation: 'Skyvva Bulk',
  BulkPackageSize: '5',
  'SessionPooling.Active': 'X',
  SessionGlobalFilePath: '/usr/sap/TST/SYS/global',
};

/** Returns channel file text with the valid parameters changed; `undefined` removes one. */
export function channelText(changes: Readonly<Record<string, unknown>> = {}): string {
  const parameters: Record<string, unknown> = { ...VALID_PARAMETERS };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete parameters[name];
    } else {
      parameters[name] = value;
    }
  }
  return `${JSON.stringify({ parameters }, null, 2)}\n`;
}

/** Writes a channel file into the workspace, opens it, and waits for a diagnostic code. */
export async function openWithDiagnostic(
  name: string,
  text: string,
  code: string,
): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const uri = await writeWorkspaceFile(name, text);
  const document = await vscode.workspace.openTextDocument(uri);
  const diagnostics = await waitForDiagnostics(uri, hasCode(code), code);
  return { document, diagnostics };
}

/** Returns the one diagnostic with the code whose range covers exactly `rangeText`. */
export function diagnosticAt(
  document: vscode.TextDocument,
  diagnostics: readonly vscode.Diagnostic[],
  code: string,
  rangeText: string,
): vscode.Diagnostic {
  const found = diagnostics.filter(
    (diagnostic) => diagnostic.code === code && document.getText(diagnostic.range) === rangeText,
  );
  assert.equal(found.length, 1, `expected one ${code} on ${rangeText}, found ${found.length}`);
  return found[0] as vscode.Diagnostic;
}

/** Returns the quick fixes that VS Code offers at a diagnostic's range, from every provider. */
export async function quickFixesFor(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

/** Applies a code action's workspace edit and returns the document's new text. */
export async function applyAction(
  document: vscode.TextDocument,
  action: vscode.CodeAction,
): Promise<string> {
  assert.ok(action.edit, `the action '${action.title}' has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true);
  return document.getText();
}

/** Reverts and closes the active editor, so that an unsaved document leaves no dialog. */
export async function revertAndClose(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
