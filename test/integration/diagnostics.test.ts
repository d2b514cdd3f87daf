import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codesOf,
  hasCode,
  readWorkspaceText,
  replaceAll,
  waitForDiagnostics,
  workspaceFolder,
  workspaceUri,
  writeWorkspaceFile,
} from './helpers';

const WRONG_CASE_FILE = 'wrong-case.skyvva.json';

/** Copies a fixture to a new name, so that a test can change it without affecting others. */
async function copyFixture(fixture: string, copy: string): Promise<vscode.Uri> {
  return writeWorkspaceFile(copy, await readWorkspaceText(fixture));
}

function diagnosticOn(
  document: vscode.TextDocument,
  diagnostics: readonly vscode.Diagnostic[],
  code: string,
  keyText: string,
): vscode.Diagnostic {
  const found = diagnostics.find(
    (diagnostic) => diagnostic.code === code && document.getText(diagnostic.range) === keyText,
  );
  assert.ok(
    found,
    `no ${code} diagnostic on ${keyText}; codes: ${codesOf(diagnostics).join(', ')}`,
  );
  return found;
}

suite('Channel file diagnostics', () => {
  teardown(closeAllEditors);

  test('wrong-case names are reported', async () => {
    const uri = workspaceUri(WRONG_CASE_FILE);
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitForDiagnostics(
      uri,
      hasCode('parameter-name-case'),
      'parameter-name-case',
    );

    const flowName = diagnosticOn(document, diagnostics, 'parameter-name-case', '"oauth2Flow"');
    assert.equal(flowName.severity, vscode.DiagnosticSeverity.Error);
    assert.match(flowName.message, /OAuth2Flow/);
    const poolingName = diagnosticOn(
      document,
      diagnostics,
      'parameter-name-case',
      '"sessionPooling.active"',
    );
    assert.equal(poolingName.severity, vscode.DiagnosticSeverity.Warning);

    // The misspelled flow name leaves the default flow, Username-Password, which needs these.
    const missing = diagnostics.filter((diagnostic) => diagnostic.code === 'missing-parameter');
    assert.equal(missing.length, 2);
    assert.ok(missing.some((diagnostic) => diagnostic.message.includes("'SforceUsername'")));
    assert.ok(
      missing.some((diagnostic) => diagnostic.message.includes("'pwdSforceLoginPassword'")),
    );
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'skyvva');
    }
  });

  test('diagnostics carry tags and related locations', async () => {
    const uri = workspaceUri('legacy-and-duplicate.skyvva.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, hasCode('duplicate-key'), 'duplicate-key');

    const legacy = diagnosticOn(document, diagnostics, 'deprecated-parameter', '"ConsumeKey"');
    assert.deepEqual(legacy.tags, [vscode.DiagnosticTag.Deprecated]);
    const ignored = diagnosticOn(document, diagnostics, 'ignored-parameter', '"SforceUsername"');
    assert.deepEqual(ignored.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.equal(ignored.severity, vscode.DiagnosticSeverity.Information);

    const duplicates = diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-key');
    assert.equal(duplicates.length, 2);
    const [first, second] = duplicates;
    assert.equal(first.relatedInformation?.length, 1);
    assert.equal(first.relatedInformation?.[0].location.uri.toString(), uri.toString());
    assert.deepEqual(first.relatedInformation?.[0].location.range, second.range);
    assert.deepEqual(second.relatedInformation?.[0].location.range, first.range);
  });

  test('fixing names and saving clears them', async () => {
    const uri = await copyFixture(WRONG_CASE_FILE, 'fix-and-save.skyvva.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, hasCode('parameter-name-case'), 'parameter-name-case');

    await replaceAll(document, '"oauth2Flow"', '"OAuth2Flow"');
    await replaceAll(document, '"sessionPooling.active"', '"SessionPooling.Active"');
    assert.equal(await document.save(), true);
    const diagnostics = await waitForDiagnostics(
      uri,
      (current) =>
        !hasCode('parameter-name-case')(current) && !hasCode('missing-parameter')(current),
      'no parameter-name-case and no missing-parameter',
    );

    assert.deepEqual(codesOf(diagnostics), ['literal-secret']);
    assert.match(await readWorkspaceText('fix-and-save.skyvva.json'), /"OAuth2Flow"/);
  });

  test('JSON language mode keeps diagnostics', async () => {
    const uri = await copyFixture(WRONG_CASE_FILE, 'language-switch.skyvva.json');
    let document = await vscode.workspace.openTextDocument(uri);
    await waitForDiagnostics(uri, hasCode('parameter-name-case'), 'parameter-name-case');

    // Plain text is no channel language, so the diagnostics go and the switch to JSON must
    // bring them back.
    document = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    await waitForDiagnostics(uri, (current) => current.length === 0, 'no diagnostics');
    const inJsonc = codesOf(await analyseAs(uri, document, 'jsonc'));
    document = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    await waitForDiagnostics(uri, (current) => current.length === 0, 'no diagnostics');
    const inJson = codesOf(await analyseAs(uri, document, 'json'));

    assert.ok(inJson.includes('parameter-name-case'));
    assert.deepEqual(inJson, inJsonc);
  });

  test('untitled channel file is analysed', async () => {
    const path = vscode.Uri.joinPath(workspaceFolder(), 'draft.skyvva.json').path;
    const uri = vscode.Uri.from({ scheme: 'untitled', path });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), await readWorkspaceText(WRONG_CASE_FILE));
    assert.equal(await vscode.workspace.applyEdit(edit), true);

    const diagnostics = await waitForDiagnostics(
      uri,
      hasCode('parameter-name-case'),
      'parameter-name-case',
    );

    assert.equal(document.languageId, 'jsonc');
    assert.equal(hasCode('unsupported-encoding')(diagnostics), false);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

async function analyseAs(
  uri: vscode.Uri,
  document: vscode.TextDocument,
  languageId: string,
): Promise<vscode.Diagnostic[]> {
  const switched = await vscode.languages.setTextDocumentLanguage(document, languageId);
  assert.equal(switched.languageId, languageId);
  return waitForDiagnostics(uri, hasCode('parameter-name-case'), `diagnostics in ${languageId}`);
}
