import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { channelText, openWithDiagnostic } from './editing-helpers';
import { closeAllEditors, hasCode, waitForDiagnostics, writeWorkspaceFile } from './helpers';

/** Safe problems (case, number, whitespace, flag) beside an unsafe one (an ignored parameter). */
const MIXED_TEXT = channelText({
  OAuth2Flow: undefined,
  oauth2Flow: 'Client-Credentials',
  BulkPackageSize: 5,
  Integration: ' INT_TEST',
  'SessionPooling.Active': 'yes',
  SforceUsername: 'someone@example.invalid',
});

const MIXED_FIXED = MIXED_TEXT.replace('"oauth2Flow"', '"OAuth2Flow"')
  .replace('"BulkPackageSize": 5', '"BulkPackageSize": "5"')
  .replace('" INT_TEST"', '"INT_TEST"')
  .replace('"SessionPooling.Active": "yes"', '"SessionPooling.Active": "X"');

const FIX_ALL_KIND = 'source.fixAll.skyvva';

suite('Fix all', () => {
  teardown(closeAllEditors);

  test('command applies every safe fix', async () => {
    const { document } = await openWithDiagnostic(
      'fix-all-command.skyvva.json',
      MIXED_TEXT,
      'whitespace',
    );
    await vscode.window.showTextDocument(document);

    const outcome = await vscode.commands.executeCommand<{ appliedCount: number }>(
      'skyvva.fixAll',
      document.uri,
    );

    assert.equal(document.getText(), MIXED_FIXED);
    assert.equal(outcome.appliedCount, 4);
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (now) => !hasCode('whitespace')(now) && !hasCode('parameter-name-case')(now),
      'safe findings gone',
    );
    assert.equal(hasCode('ignored-parameter')(diagnostics), true);
  });

  test('command edit is one undo step', async () => {
    const { document } = await openWithDiagnostic(
      'fix-all-undo.skyvva.json',
      MIXED_TEXT,
      'whitespace',
    );
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('skyvva.fixAll', document.uri);
    assert.equal(document.getText(), MIXED_FIXED);

    await vscode.commands.executeCommand('undo');

    assert.equal(document.getText(), MIXED_TEXT);
  });

  test('source action applies every safe fix', async () => {
    const { document } = await openWithDiagnostic(
      'fix-all-source.skyvva.json',
      MIXED_TEXT,
      'whitespace',
    );
    const all = new vscode.Range(document.positionAt(0), document.positionAt(MIXED_TEXT.length));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      all,
      FIX_ALL_KIND,
    );

    const ours = actions.filter((action) => action.kind?.value === FIX_ALL_KIND);
    assert.equal(ours.length, 1);
    assert.ok(ours[0]?.edit);
    assert.equal(await vscode.workspace.applyEdit(ours[0].edit), true);
    assert.equal(document.getText(), MIXED_FIXED);
  });

  test('fix-all reruns after the parameters wrap', async () => {
    const text = '{\n  "oauth2Flow": "Client-Credentials",\n  "BulkPackageSize": 5\n}\n';
    const uri = await writeWorkspaceFile('fix-all-wrap.skyvva.json', text);
    const document = await vscode.workspace.openTextDocument(uri);
    await waitForDiagnostics(uri, hasCode('parameters-not-wrapped'), 'parameters-not-wrapped');

    await vscode.commands.executeCommand('skyvva.fixAll', uri);

    assert.equal(
      document.getText(),
      '{\n  "parameters": {\n    "OAuth2Flow": "Client-Credentials",\n' +
        '    "BulkPackageSize": "5"\n  }\n}\n',
    );
  });

  test('fix-all runs on save', async () => {
    const { document } = await openWithDiagnostic(
      'fix-all-save.skyvva.json',
      MIXED_TEXT,
      'whitespace',
    );
    const editor = await vscode.window.showTextDocument(document);
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'jsonc' });
    await settings.update(
      'codeActionsOnSave',
      { [FIX_ALL_KIND]: 'explicit' },
      vscode.ConfigurationTarget.Workspace,
      true,
    );
    try {
      await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), ' '));
      assert.equal(await document.save(), true);
    } finally {
      await settings.update(
        'codeActionsOnSave',
        undefined,
        vscode.ConfigurationTarget.Workspace,
        true,
      );
    }

    assert.equal(document.getText(), ` ${MIXED_FIXED}`);
  });
});
