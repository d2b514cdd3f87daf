import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codesOf,
  hasCode,
  readWorkspaceText,
  waitForDiagnostics,
  writeWorkspaceFile,
} from './helpers';

const UTF16_LE_BOM = [0xff, 0xfe];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function encodeUtf16Le(text: string): Uint8Array {
  const bytes = new Uint8Array(UTF16_LE_BOM.length + text.length * 2);
  bytes.set(UTF16_LE_BOM);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[UTF16_LE_BOM.length + i * 2] = unit & 0xff;
    bytes[UTF16_LE_BOM.length + i * 2 + 1] = unit >> 8;
  }
  return bytes;
}

function encodeUtf8WithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM);
  bytes.set(body, UTF8_BOM.length);
  return bytes;
}

suite('Channel file encoding', () => {
  teardown(closeAllEditors);

  test('UTF-16 LE file gets encoding error', async () => {
    const text = await readWorkspaceText('wrong-case.skyvva.json');
    const uri = await writeWorkspaceFile('utf16.skyvva.json', encodeUtf16Le(text));

    await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitForDiagnostics(
      uri,
      hasCode('unsupported-encoding'),
      'unsupported-encoding',
    );

    // Nothing is analysed on a file read in the wrong encoding.
    assert.deepEqual(codesOf(diagnostics), ['unsupported-encoding']);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostics[0].message, /UTF-8/);
  });

  test('UTF-8 BOM file is analysed normally', async () => {
    const text = await readWorkspaceText('wrong-case.skyvva.json');
    const plainUri = await writeWorkspaceFile('utf8.skyvva.json', text);
    const bomUri = await writeWorkspaceFile('utf8-bom.skyvva.json', encodeUtf8WithBom(text));

    await vscode.workspace.openTextDocument(plainUri);
    await vscode.workspace.openTextDocument(bomUri);
    const plain = await waitForDiagnostics(plainUri, hasCode('parameter-name-case'), 'findings');
    const withBom = await waitForDiagnostics(bomUri, hasCode('parameter-name-case'), 'findings');

    assert.equal(hasCode('unsupported-encoding')(withBom), false);
    assert.deepEqual(
      withBom.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      plain.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
    );
  });
});
