import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertAndClose } from './editing-helpers';
import {
  closeAllEditors,
  hasCode,
  skyvvaDiagnostics,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

suite('New Channel File', () => {
  teardown(closeAllEditors);

  test('untitled template has no errors', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('skyvva.newChannelFile');
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitForDiagnostics(
      uri,
      (now) => document.getText().length > 0 && !hasCode('syntax-error')(now),
      'the analysed template',
    );

    assert.equal(uri.scheme, 'untitled');
    assert.equal(document.languageId, 'jsonc');
    assert.match(document.getText(), /"OAuth2Flow": "Client-Credentials"/);
    assert.match(document.getText(), /"ConsumerSecret": "\$\{secret:CONSUMER_SECRET\}"/);
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error),
      [],
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      uri,
    );
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title),
      ['Flow: Client-Credentials'],
    );
    await revertAndClose(document);
  });

  test('template can go to a file', async () => {
    const uri = workspaceUri('from-template.skyvva.json');

    await vscode.commands.executeCommand('skyvva.newChannelFile', { uri });

    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.isDirty, false);
    assert.match(document.getText(), /"Operation": "Skyvva Bulk"/);
    await waitForDiagnostics(uri, () => true, 'any state');
    assert.deepEqual(
      skyvvaDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
      [],
    );
  });
});
