import * as path from 'node:path';
import * as vscode from 'vscode';
import { readPayload } from '../engine/skyvva/payload';
import type { Payload } from '../engine/skyvva/payload';

const CHANNEL_SUFFIX = '.skyvva.json';
const PAYLOAD_SUFFIXES = ['.payload.json', '.payload.xml'];

/**
 * Finds the payload of a test message without asking: `<name>.payload.json` or
 * `<name>.payload.xml` beside the channel file `<name>.skyvva.json`, else the same names in
 * the folder of the `skyvva.payloadFolder` setting. Returns undefined when none exists.
 */
export async function findPayloadFile(channelUri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const baseName = payloadBaseName(channelUri);
  const folders = [vscode.Uri.joinPath(channelUri, '..'), payloadFolder(channelUri)];
  for (const folder of folders) {
    if (folder === undefined) {
      continue;
    }
    for (const suffix of PAYLOAD_SUFFIXES) {
      const candidate = vscode.Uri.joinPath(folder, baseName + suffix);
      if (await exists(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** Asks for a payload file, starting in the payload folder or beside the channel file. */
export async function pickPayloadFile(channelUri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Choose the payload of the test message'),
    defaultUri: payloadFolder(channelUri) ?? vscode.Uri.joinPath(channelUri, '..'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('Payloads')]: ['json', 'xml'] },
    openLabel: vscode.l10n.t('Send'),
  });
  return picked?.[0];
}

/** Reads a payload from its open editor when it has one, else from disk. */
export async function loadPayload(uri: vscode.Uri): Promise<Payload> {
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  const text =
    open !== undefined
      ? open.getText()
      : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  return readPayload(path.posix.basename(uri.path), text);
}

function payloadBaseName(channelUri: vscode.Uri): string {
  const name = path.posix.basename(channelUri.path);
  return name.endsWith(CHANNEL_SUFFIX) ? name.slice(0, -CHANNEL_SUFFIX.length) : name;
}

/** Returns the `skyvva.payloadFolder` folder, relative to the channel file's workspace folder. */
function payloadFolder(channelUri: vscode.Uri): vscode.Uri | undefined {
  const setting = vscode.workspace
    .getConfiguration('skyvva', channelUri)
    .get<string>('payloadFolder', '')
    .trim();
  if (setting === '') {
    return undefined;
  }
  if (path.isAbsolute(setting)) {
    return vscode.Uri.file(setting);
  }
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(channelUri);
  return workspaceFolder === undefined
    ? undefined
    : vscode.Uri.joinPath(workspaceFolder.uri, setting);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}
