import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, waitForDiagnostics, workspaceUri } from './helpers';

suite('Extension activation', () => {
  teardown(closeAllEditors);

  test('activates for a channel file', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);

    const uri = workspaceUri('wrong-case.skyvva.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0, 'any skyvva diagnostic');

    assert.equal(document.languageId, 'jsonc');
    assert.equal(extension.isActive, true);
  });
});
