import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EngineEnvironment } from '../engine-environment';
import {
  emulatorChannelText,
  readLogs,
  startEngineEnvironment,
  waitForLogText,
} from '../engine-environment';
import {
  closeAllEditors,
  hasCode,
  waitForDiagnostics,
  workspaceUri,
  writeWorkspaceFile,
} from '../helpers';

const EXTENSION_LOG = 'SKYVVA Channel Tools';
const HOST = 'restricted.my.salesforce.com';

suite('Restricted Mode', () => {
  let environment: EngineEnvironment;

  suiteSetup(async () => {
    environment = await startEngineEnvironment();
  });

  suiteTeardown(async () => {
    await environment?.close();
  });

  teardown(closeAllEditors);

  test('workspace opens untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('diagnostics still work', async () => {
    const uri = workspaceUri('wrong-case.skyvva.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

    const diagnostics = await waitForDiagnostics(
      uri,
      hasCode('parameter-name-case'),
      'parameter-name-case',
    );

    assert.ok(diagnostics.length > 0);
  });

  test('only the flow lens is shown', async () => {
    const uri = workspaceUri('wrong-case.skyvva.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      uri,
    );

    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.equal(titles.length, 1);
    assert.match(titles[0] ?? '', /^Flow: /);
  });

  for (const command of ['skyvva.fetchToken', 'skyvva.sendTestMessage']) {
    test(`${command} is refused`, async () => {
      const uri = await writeWorkspaceFile('restricted.skyvva.json', emulatorChannelText(HOST));
      await writeWorkspaceFile('restricted.payload.json', '{ "Name": "Beispiel AG" }\n');
      const offset = (await readLogs(EXTENSION_LOG)).length;

      const result = await vscode.commands.executeCommand(command, uri);

      assert.equal(result, undefined);
      assert.equal(environment.emulator.count(), 0);
      assert.equal(environment.proxy.connects().length, 0);
      const log = await waitForLogText(EXTENSION_LOG, offset, 'Restricted Mode');
      assert.match(log, /disabled in Restricted Mode, because it sends credentials/);
    });
  }

  test('revoking sessions is refused', async () => {
    const result = await vscode.commands.executeCommand('skyvva.clearSessionCache', {
      revoke: true,
    });

    assert.equal(result, undefined);
    assert.equal(environment.emulator.count(), 0);
  });

  test('clearing the cache still works', async () => {
    const result = await vscode.commands.executeCommand('skyvva.clearSessionCache', {
      revoke: false,
    });

    assert.deepEqual(result, { removed: 0, revoked: 0 });
  });
});
