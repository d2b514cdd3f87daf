import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { channelText } from './editing-helpers';
import { closeAllEditors, hasCode, waitForDiagnostics, writeWorkspaceFile } from './helpers';

function otherDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source !== 'skyvva');
}

/** Resolves once diagnostics of another source than ours satisfy the predicate. */
function waitForOtherDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const current = otherDiagnostics(uri);
      if (predicate(current)) {
        resolve(current);
        return true;
      }
      return false;
    };
    if (check()) {
      return;
    }
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && check()) {
        subscription.dispose();
      }
    });
  });
}

suite('VS Code JSON support', () => {
  teardown(closeAllEditors);

  for (const languageId of ['jsonc', 'json']) {
    test(`${languageId} mode adds no second finding`, async () => {
      // A number value, an unknown key and a comment: each is ours to report, or allowed.
      const valid = channelText({ BulkPackageSize: 5, NotAParameter: 'x' }).replace(
        '{\n',
        '{\n  // comment\n',
      );
      // The JSON language server reports this syntax error, which proves it has validated.
      const broken = valid.replace('"NotAParameter": "x"', '"NotAParameter": "x",,');
      const uri = await writeWorkspaceFile(`json-support-${languageId}.skyvva.json`, broken);
      const opened = await vscode.workspace.openTextDocument(uri);
      const document = await vscode.languages.setTextDocumentLanguage(opened, languageId);
      await vscode.window.showTextDocument(document);
      await waitForOtherDiagnostics(uri, (diagnostics) => diagnostics.length > 0);

      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((builder) =>
        builder.replace(
          new vscode.Range(document.positionAt(0), document.positionAt(broken.length)),
          valid,
        ),
      );
      const others = await waitForOtherDiagnostics(
        uri,
        (diagnostics) => !diagnostics.some((diagnostic) => diagnostic.range.start.line > 0),
      );
      const ours = await waitForDiagnostics(
        uri,
        (now) => hasCode('non-string-value')(now) && hasCode('unknown-parameter')(now),
        'our findings',
      );

      assert.deepEqual(
        others.map((diagnostic) => `${diagnostic.source}: ${diagnostic.message}`),
        [],
      );
      assert.equal(ours.filter((d) => d.code === 'non-string-value').length, 1);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }
});
