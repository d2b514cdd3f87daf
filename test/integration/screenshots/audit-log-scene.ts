import * as vscode from 'vscode';
import { ConnectProxy, SalesforceEmulator } from '../../../src/emulator';
import { analyzeText } from '../../../src/engine/analyze';
import { workspaceUri } from '../helpers';
import { settle } from './settle';

const EXAMPLE_FILE = 'acme-client-credentials.skyvva.json';

/** Reads the demo credentials that the example holds, so the emulator accepts them. */
async function readExampleOrg(): Promise<{ consumerKey: string; consumerSecret: string }> {
  const text = new TextDecoder().decode(
    await vscode.workspace.fs.readFile(workspaceUri(EXAMPLE_FILE)),
  );
  const { effective } = analyzeText(text);
  return {
    consumerKey: effective.value('ConsumerKey') ?? '',
    consumerSecret: effective.value('ConsumerSecret') ?? '',
  };
}

/**
 * Sends the Client-Credentials example's test message twice through the emulator, so the
 * audit log shows a new session and then the cached one, and opens the audit log.
 */
export async function showAuditLogScene(): Promise<void> {
  const emulator = await SalesforceEmulator.start({ demoOrg: await readExampleOrg() });
  const proxy = await ConnectProxy.start({ hostMap: emulator.hostMap() });
  const caFile = vscode.Uri.joinPath(workspaceUri('.'), '..', 'emulator-ca.pem');
  await vscode.workspace.fs.writeFile(caFile, new TextEncoder().encode(emulator.caPem));
  await vscode.workspace
    .getConfiguration('http')
    .update('proxy', proxy.url(), vscode.ConfigurationTarget.Global);
  await vscode.workspace
    .getConfiguration('skyvva.network')
    .update('extraCaFile', caFile.fsPath, vscode.ConfigurationTarget.Global);

  const uri = workspaceUri(EXAMPLE_FILE);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  for (let run = 0; run < 2; run += 1) {
    const result = await vscode.commands.executeCommand('skyvva.sendTestMessage', uri);
    if (result === undefined) {
      throw new Error('Send Test Message failed; the extension log names the cause.');
    }
  }
  await proxy.close();
  await emulator.close();

  await vscode.commands.executeCommand('notifications.clearAll');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('skyvva.showAuditLog');
  await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
  await settle();
}
