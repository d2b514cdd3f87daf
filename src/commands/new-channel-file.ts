import * as vscode from 'vscode';
import { buildChannelTemplate } from '../engine/channel-template';

const NEW_CHANNEL_COMMAND = 'skyvva.newChannelFile';
const BASE_NAME = 'new-channel';

/** Options of New Channel File, so that callers such as tests need no dialog. */
interface NewChannelFileOptions {
  /** Writes the template to this file and opens it, instead of an untitled document. */
  readonly uri?: vscode.Uri;
}

/** Registers New Channel File: a Client-Credentials template as an untitled channel file. */
export function registerNewChannelFileCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_CHANNEL_COMMAND, (options?: NewChannelFileOptions) =>
      newChannelFile(options ?? {}, log),
    ),
  );
}

async function newChannelFile(
  options: NewChannelFileOptions,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri> {
  const template = buildChannelTemplate();
  if (options.uri !== undefined) {
    await vscode.workspace.fs.writeFile(options.uri, new TextEncoder().encode(template));
    await vscode.window.showTextDocument(options.uri);
    log.info(`Created the channel file ${options.uri.toString(true)}.`);
    return options.uri;
  }

  // The untitled document gets a *.skyvva.json name, so diagnostics and the schema apply.
  const uri = vscode.Uri.from({ scheme: 'untitled', path: freeUntitledPath() });
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), template));
  if (document.languageId !== 'jsonc') {
    await vscode.languages.setTextDocumentLanguage(document, 'jsonc');
  }
  return uri;
}

/** Returns a path in the first workspace folder that no open document uses. */
function freeUntitledPath(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.path ?? '';
  const openPaths = new Set(vscode.workspace.textDocuments.map((document) => document.uri.path));
  for (let number = 1; ; number++) {
    const suffix = number === 1 ? '' : `-${number}`;
    const path = `${folder}/${BASE_NAME}${suffix}.skyvva.json`;
    if (!openPaths.has(path)) {
      return path;
    }
  }
}
