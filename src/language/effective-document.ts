import * as vscode from 'vscode';
import { analyzeText } from '../engine/analyze';
import { formatEffectiveListing } from '../engine/effective-listing';
import { isChannelDocument } from './channel-document';

/** The scheme of the read-only documents that list a channel file's effective parameters. */
export const EFFECTIVE_SCHEME = 'skyvva-effective';

/** Returns the URI of the effective-parameters view of a channel file. */
export function effectiveUriFor(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({
    scheme: EFFECTIVE_SCHEME,
    path: `${source.path}.effective`,
    query: source.toString(),
  });
}

/** Registers the provider of the effective-parameters views, which follow edits of the file. */
export function registerEffectiveDocuments(context: vscode.ExtensionContext): void {
  const provider = new EffectiveParametersProvider();
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((event) => provider.refresh(event.document)),
  );
}

class EffectiveParametersProvider implements vscode.TextDocumentContentProvider {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = vscode.Uri.parse(uri.query, true);
    const document = await vscode.workspace.openTextDocument(source);
    if (!isChannelDocument(document)) {
      return vscode.l10n.t('{0} is not a channel file (*.skyvva.json).', source.toString(true));
    }
    const fileName = source.path.slice(source.path.lastIndexOf('/') + 1);
    return formatEffectiveListing(fileName, analyzeText(document.getText()));
  }

  /** Tells VS Code to read the view of a changed channel file again, if that view is open. */
  refresh(document: vscode.TextDocument): void {
    if (!isChannelDocument(document)) {
      return;
    }
    const effective = effectiveUriFor(document.uri).toString();
    const view = vscode.workspace.textDocuments.find((open) => open.uri.toString() === effective);
    if (view !== undefined) {
      this.changeEmitter.fire(view.uri);
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
