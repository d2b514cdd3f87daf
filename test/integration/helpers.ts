import * as vscode from 'vscode';

export const EXTENSION_ID = 'channel-tools.skyvva-channel-tools';

/** Upper bound for one awaited diagnostics change. The tests wait on events, never on a clock. */
const DIAGNOSTICS_TIMEOUT_MS = 10000;

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    throw new Error('The integration tests need a workspace folder: run them with --workspace.');
  }
  return folder.uri;
}

export function workspaceUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

export async function readWorkspaceText(name: string): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(workspaceUri(name));
  return new TextDecoder().decode(bytes);
}

/** Writes a file into the test workspace and returns its URI. */
export async function writeWorkspaceFile(
  name: string,
  content: string | Uint8Array,
): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

export function skyvvaDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'skyvva');
}

export function codesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}

export function hasCode(code: string): (diagnostics: readonly vscode.Diagnostic[]) => boolean {
  return (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === code);
}

/**
 * Resolves with the document's `skyvva` diagnostics once `predicate` holds for them, checking
 * now and after each diagnostics change of that document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  description: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) {
        check();
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const current = JSON.stringify(codesOf(skyvvaDiagnostics(uri)));
      reject(
        new Error(
          `Timed out after ${DIAGNOSTICS_TIMEOUT_MS} ms waiting for ${description} on ` +
            `${uri.path}; its skyvva diagnostic codes are ${current}`,
        ),
      );
    }, DIAGNOSTICS_TIMEOUT_MS);

    function check(): void {
      const diagnostics = skyvvaDiagnostics(uri);
      if (predicate(diagnostics)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(diagnostics);
      }
    }
    check();
  });
}

/** Replaces every occurrence of `search` in the document, in one workspace edit. */
export async function replaceAll(
  document: vscode.TextDocument,
  search: string,
  replacement: string,
): Promise<void> {
  const text = document.getText();
  const edit = new vscode.WorkspaceEdit();
  for (let offset = text.indexOf(search); offset >= 0; offset = text.indexOf(search, offset + 1)) {
    const range = new vscode.Range(
      document.positionAt(offset),
      document.positionAt(offset + search.length),
    );
    edit.replace(document.uri, range, replacement);
  }
  const isApplied = await vscode.workspace.applyEdit(edit);
  if (!isApplied) {
    throw new Error(`Replacing '${search}' in ${document.uri.path} failed`);
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
