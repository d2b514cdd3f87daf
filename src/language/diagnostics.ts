import * as vscode from 'vscode';
import { analyzeText } from '../engine/analyze';
import { decodeChannelBytes } from '../engine/encoding';
import type { Finding } from '../engine/findings';
import { hasSavedBytes, isChannelDocument } from './channel-document';
import { KeyedDebouncer } from './keyed-debouncer';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './to-diagnostic';

export interface DiagnosticsDependencies {
  readonly log: vscode.LogOutputChannel;
  /** Reads the saved bytes of a file, as `vscode.workspace.fs.readFile` does. */
  readonly readFile: (uri: vscode.Uri) => Thenable<Uint8Array>;
  /** Quiet time after the last edit before a changed document is analysed again. */
  readonly changeDelayMs: number;
}

/**
 * Publishes the rules' findings on channel files as diagnostics: on open, after edits, on save,
 * and for the documents already open at activation. Closing a document removes its diagnostics.
 */
export function registerDiagnostics(
  context: vscode.ExtensionContext,
  dependencies: DiagnosticsDependencies,
): void {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const publisher = new DiagnosticsPublisher(collection, dependencies);
  context.subscriptions.push(
    collection,
    publisher,
    vscode.workspace.onDidOpenTextDocument((document) => publisher.update(document, true)),
    vscode.workspace.onDidChangeTextDocument((event) => publisher.scheduleUpdate(event)),
    vscode.workspace.onDidSaveTextDocument((document) => publisher.update(document, true)),
    vscode.workspace.onDidCloseTextDocument((document) => publisher.clear(document)),
  );

  for (const document of vscode.workspace.textDocuments) {
    publisher.update(document, true);
  }
}

class DiagnosticsPublisher implements vscode.Disposable {
  private readonly debouncer: KeyedDebouncer;
  /** The encoding finding of each document's saved bytes, or undefined when they are UTF-8. */
  private readonly encodingFindings = new Map<string, Finding | undefined>();
  /** The number of each document's latest update, so an older one never publishes over it. */
  private readonly latestUpdates = new Map<string, number>();
  private updateCount = 0;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly dependencies: DiagnosticsDependencies,
  ) {
    this.debouncer = new KeyedDebouncer(dependencies.changeDelayMs);
  }

  /** Analyses the document again once edits pause. */
  scheduleUpdate(event: vscode.TextDocumentChangeEvent): void {
    const { document } = event;
    // A save or an undo to the saved text changes only the dirty state, with no new text.
    if (event.contentChanges.length === 0 || !isChannelDocument(document)) {
      return;
    }

    // A document that is not dirty after a change was reloaded from disk, so its bytes changed.
    this.debouncer.schedule(document.uri.toString(), () =>
      this.update(document, !document.isDirty),
    );
  }

  /** Analyses the document now, and with `shouldReadBytes` checks its saved bytes again. */
  update(document: vscode.TextDocument, shouldReadBytes: boolean): void {
    if (!isChannelDocument(document)) {
      return;
    }

    const key = document.uri.toString();
    const updateNumber = ++this.updateCount;
    this.debouncer.cancel(key);
    this.latestUpdates.set(key, updateNumber);
    this.publish(document, key, updateNumber, shouldReadBytes).catch((error: unknown) => {
      this.dependencies.log.error(`Checking ${document.uri.toString(true)} failed: ${error}`);
    });
  }

  clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.debouncer.cancel(key);
    this.latestUpdates.delete(key);
    this.encodingFindings.delete(key);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.debouncer.dispose();
  }

  private async publish(
    document: vscode.TextDocument,
    key: string,
    updateNumber: number,
    shouldReadBytes: boolean,
  ): Promise<void> {
    if (shouldReadBytes || !this.encodingFindings.has(key)) {
      const encodingFinding = await this.checkSavedBytes(document);
      if (this.latestUpdates.get(key) !== updateNumber) {
        return;
      }
      this.encodingFindings.set(key, encodingFinding);
    }

    // Nothing is analysed on a misread file, so the encoding finding is the only one.
    const encodingFinding = this.encodingFindings.get(key);
    const findings = encodingFinding ? [encodingFinding] : analyzeText(document.getText()).findings;
    this.collection.set(
      document.uri,
      findings.map((finding) => toDiagnostic(document, finding)),
    );
  }

  /** Returns the finding on the saved bytes, or undefined when they are UTF-8 or not on disk. */
  private async checkSavedBytes(document: vscode.TextDocument): Promise<Finding | undefined> {
    if (!hasSavedBytes(document)) {
      return undefined;
    }

    let bytes: Uint8Array;
    try {
      bytes = await this.dependencies.readFile(document.uri);
    } catch (error) {
      this.dependencies.log.warn(
        `Reading ${document.uri.toString(true)} failed, so its encoding is not checked: ${error}`,
      );
      return undefined;
    }
    const decoded = decodeChannelBytes(bytes);
    return decoded.ok ? undefined : decoded.finding;
  }
}
