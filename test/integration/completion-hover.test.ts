import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { channelText, openWithDiagnostic } from './editing-helpers';
import { closeAllEditors, writeWorkspaceFile } from './helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Removes the JSON quotes around a label, so that `"X"` and `X` count as the same value. */
function unquoted(label: string): string {
  return label.replace(/^"(.*)"$/, '$1');
}

async function completionsAt(
  document: vscode.TextDocument,
  offset: number,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    document.positionAt(offset),
  );
  return list.items;
}

/** Returns the text that a completion item inserts, without JSON quotes. */
function insertedValue(item: vscode.CompletionItem): string {
  const insert = item.insertText ?? labelOf(item);
  return unquoted(typeof insert === 'string' ? insert : insert.value);
}

/** Opens a file and returns the values that completion inserts inside a parameter's value. */
async function valueCompletions(
  name: string,
  parameter: string,
): Promise<{ document: vscode.TextDocument; values: string[] }> {
  const text = channelText({ [parameter]: '' });
  const document = await vscode.workspace.openTextDocument(await writeWorkspaceFile(name, text));
  const offset = text.indexOf(`"${parameter}": ""`) + `"${parameter}": "`.length;
  const items = await completionsAt(document, offset);
  const values = items.map(insertedValue);
  return { document, values };
}

function countOf(values: readonly string[], value: string): number {
  return values.filter((candidate) => candidate === value).length;
}

async function hoverTexts(document: vscode.TextDocument, offset: number): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    document.positionAt(offset),
  );
  return hovers.flatMap((hover) =>
    hover.contents.map((content) => (typeof content === 'string' ? content : content.value)),
  );
}

suite('Completion and hover', () => {
  teardown(closeAllEditors);

  test('OAuth2Flow values appear once each', async () => {
    const { values } = await valueCompletions('complete-flow.skyvva.json', 'OAuth2Flow');

    assert.equal(countOf(values, 'Client-Credentials'), 1, values.join(', '));
    assert.equal(countOf(values, 'Username-Password'), 1, values.join(', '));
  });

  test('Operation values appear once each', async () => {
    const { values } = await valueCompletions('complete-operation.skyvva.json', 'Operation');

    for (const operation of [
      'integrate',
      'integrateSynchronous',
      'Skyvva Batch',
      'Skyvva Bulk',
      'Salesforce Bulk',
      'Auto-Switch',
    ]) {
      assert.equal(countOf(values, operation), 1, `${operation} in ${values.join(', ')}`);
    }
  });

  test('flag values appear once each', async () => {
    const { values } = await valueCompletions('complete-flag.skyvva.json', 'SforceRequestPayload');

    assert.equal(countOf(values, 'X'), 1, values.join(', '));
    assert.equal(countOf(values, ''), 1, values.join(', '));
  });

  test('parameter names come once, without present ones', async () => {
    const text = channelText({ Operation: undefined }).replace(
      '"OAuth2Flow"',
      '"",\n  "OAuth2Flow"',
    );
    const uri = await writeWorkspaceFile('complete-names.skyvva.json', text);
    const document = await vscode.workspace.openTextDocument(uri);

    const items = await completionsAt(document, text.indexOf('""') + 1);
    const labels = items.map((item) => unquoted(labelOf(item)));

    assert.equal(countOf(labels, 'Operation'), 1, labels.join(', '));
    assert.equal(countOf(labels, 'SforceRequestPayload'), 1, labels.join(', '));
    assert.equal(countOf(labels, 'Integration'), 0, labels.join(', '));
  });

  test('hover adds the effective flow once', async () => {
    const text = channelText({ SforceUsername: 'someone@example.invalid' });
    const { document } = await openWithDiagnostic(
      'hover-ignored.skyvva.json',
      text,
      'ignored-parameter',
    );

    const texts = await hoverTexts(document, text.indexOf('"SforceUsername"') + 3);

    const flowNotes = texts.filter((hover) => hover.includes('This file runs'));
    assert.deepEqual(flowNotes, [
      'This file runs Client-Credentials, which ignores this parameter.',
    ]);
    const descriptions = texts.filter((hover) =>
      hover.includes('The Salesforce user that logs in'),
    );
    assert.equal(descriptions.length, 1, texts.join('\n---\n'));
    assert.equal(new Set(texts).size, texts.length);
  });

  test('hover marks ConsumeKey deprecated', async () => {
    const text = channelText({ ConsumerKey: undefined, ConsumeKey: 'CK-TEST' });
    const { document } = await openWithDiagnostic(
      'hover-legacy.skyvva.json',
      text,
      'deprecated-parameter',
    );

    const texts = await hoverTexts(document, text.indexOf('"ConsumeKey"') + 3);

    const deprecations = texts.filter((hover) => hover.includes('Deprecated'));
    assert.equal(deprecations.length, 1, texts.join('\n---\n'));
    assert.match(deprecations[0] as string, /Rename it to `ConsumerKey`/);
    assert.match(deprecations[0] as string, /requires this parameter to log in/);
  });
});
