import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, hasCode, waitForDiagnostics, workspaceUri } from '../integration/helpers';

const EXTENSION_ID = 'channel-tools.skyvva-channel-tools';

function installedExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('Installed .vsix', () => {
  teardown(closeAllEditors);

  test('extension comes from the extensions folder', async () => {
    const extension = installedExtension();
    // Timed only when no activation event has fired yet; the number goes to the run's output.
    if (!extension.isActive) {
      const start = performance.now();
      await extension.activate();
      const elapsed = (performance.now() - start).toFixed(1);
      console.log(`activate() of the installed extension took ${elapsed} ms in the extension host`);
    }

    assert.match(extension.extensionUri.path, /\/channel-tools\.skyvva-channel-tools-[\d.]+$/);
    assert.equal(extension.packageJSON.displayName, 'SKYVVA Channel Tools');
  });

  test('package holds only what runs', async () => {
    const root = installedExtension().extensionUri;

    assert.equal(await exists(vscode.Uri.joinPath(root, 'dist', 'extension.js')), true);
    assert.equal(await exists(vscode.Uri.joinPath(root, 'dist', 'engine-commands.js')), true);
    assert.equal(
      await exists(vscode.Uri.joinPath(root, 'schemas', 'skyvva-channel.schema.json')),
      true,
    );
    for (const absent of [
      'dist/cli.js',
      'dist/extension.js.map',
      'src',
      'test',
      'node_modules',
      'out',
    ]) {
      assert.equal(await exists(vscode.Uri.joinPath(root, absent)), false, `${absent} is packaged`);
    }
  });

  test('channel file activates it', async () => {
    const uri = workspaceUri('wrong-case.skyvva.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

    const diagnostics = await waitForDiagnostics(
      uri,
      hasCode('parameter-name-case'),
      'parameter-name-case',
    );

    assert.equal(installedExtension().isActive, true);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'skyvva'));
  });

  test('commands are registered', async () => {
    await installedExtension().activate();

    const commands = await vscode.commands.getCommands(true);

    for (const command of [
      'skyvva.fixAll',
      'skyvva.migrateToClientCredentials',
      'skyvva.showEffectiveParameters',
      'skyvva.newChannelFile',
    ]) {
      assert.ok(commands.includes(command), `${command} is not registered`);
    }
  });

  test('engine commands load on first use', async () => {
    await installedExtension().activate();

    // Show Audit Log loads the engine-commands bundle, which contains the network stack.
    await vscode.commands.executeCommand('skyvva.showAuditLog');

    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('skyvva.fetchToken'));
  });
});
