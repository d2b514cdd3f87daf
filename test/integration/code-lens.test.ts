import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { channelText, openWithDiagnostic } from './editing-helpers';
import { closeAllEditors } from './helpers';

const MASK = '********';

async function flowLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    uri,
  );
  return lenses.filter((lens) => lens.command?.title.startsWith('Flow:'));
}

suite('CodeLens and effective parameters', () => {
  teardown(closeAllEditors);

  test('lens shows the effective flow', async () => {
    const { document } = await openWithDiagnostic(
      'lens-cc.skyvva.json',
      channelText({ SforceUsername: 'someone@example.invalid' }),
      'ignored-parameter',
    );

    const lenses = await flowLenses(document.uri);

    assert.equal(lenses.length, 1);
    const [lens] = lenses as [vscode.CodeLens];
    assert.equal(lens.range.start.line, 0);
    assert.equal(lens.command?.title, 'Flow: Client-Credentials');
    assert.equal(lens.command?.command, 'skyvva.showEffectiveParameters');
    const allLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const titles = allLenses.map((lens) => lens.command?.title);
    assert.deepEqual(titles, ['Flow: Client-Credentials', 'Fetch Token', 'Send Test Message']);
    const engineCommands = allLenses.slice(1).map((lens) => lens.command?.command);
    assert.deepEqual(engineCommands, ['skyvva.fetchToken', 'skyvva.sendTestMessage']);
    assert.deepEqual(allLenses[1]?.command?.arguments, [document.uri]);
  });

  test('lens names the default flow', async () => {
    const { document } = await openWithDiagnostic(
      'lens-default.skyvva.json',
      channelText({ OAuth2Flow: undefined }),
      'flow-not-set',
    );

    const lenses = await flowLenses(document.uri);

    assert.deepEqual(
      lenses.map((lens) => lens.command?.title),
      ['Flow: Username-Password (default)'],
    );
  });

  test('effective view masks secrets', async () => {
    const literalSecret = 'literal-secret-value-1234';
    const { document } = await openWithDiagnostic(
      'effective.skyvva.json',
      channelText({
        ConsumerKey: undefined,
        ConsumeKey: 'CK-LEGACY',
        ConsumerSecret: literalSecret,
        SforceUsername: 'someone@example.invalid',
        pwdSforceLoginPassword: '${secret:LOGIN_PASSWORD}',
      }),
      'literal-secret',
    );
    const [lens] = await flowLenses(document.uri);
    assert.ok(lens?.command);

    const uri = await vscode.commands.executeCommand<vscode.Uri>(
      lens.command.command,
      ...(lens.command.arguments ?? []),
    );
    const view = await vscode.workspace.openTextDocument(uri);
    const text = view.getText();

    assert.equal(uri.scheme, 'skyvva-effective');
    assert.ok(!text.includes(literalSecret));
    assert.match(text, new RegExp(`^ConsumerSecret: \\*{8}$`, 'm'));
    assert.ok(text.includes(MASK));
    assert.match(
      text,
      /^pwdSforceLoginPassword: \$\{secret:LOGIN_PASSWORD\} {4}\(ignored by this flow\)$/m,
    );
    assert.match(text, /^ConsumerKey: CK-LEGACY {4}\(read from the legacy name ConsumeKey\)$/m);
    assert.match(text, /^SforceUsername: someone@example\.invalid {4}\(ignored by this flow\)$/m);
    assert.match(text, /^# Flow: Client-Credentials$/m);
  });

  test('effective view follows edits', async () => {
    const { document } = await openWithDiagnostic(
      'effective-live.skyvva.json',
      channelText({ Operation: 'integrate' }),
      'bulk-package-size-unused',
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>(
      'skyvva.showEffectiveParameters',
      document.uri,
    );
    const view = await vscode.workspace.openTextDocument(uri);
    assert.match(view.getText(), /^Operation: integrate$/m);

    const changed = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === uri.toString()) {
          subscription.dispose();
          resolve();
        }
      });
    });
    const edit = new vscode.WorkspaceEdit();
    const start = document.getText().indexOf('"integrate"');
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(start), document.positionAt(start + 11)),
      '"Skyvva Batch"',
    );
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await changed;

    assert.match(view.getText(), /^Operation: Skyvva Batch$/m);
  });
});
