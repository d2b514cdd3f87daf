import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeText } from '../../src/engine/analyze';
import { ChannelCodeActionProvider } from '../../src/language/code-actions';
import {
  applyAction,
  channelText,
  diagnosticAt,
  openWithDiagnostic,
  quickFixesFor,
  revertAndClose,
} from './editing-helpers';
import { closeAllEditors, hasCode, waitForDiagnostics, workspaceFolder } from './helpers';

/** One quick fix: the file, the diagnostic it fixes, and the text it must produce. */
interface QuickFixCase {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  /** The text that the diagnostic's range covers. */
  readonly rangeText: string;
  readonly title: string;
  readonly isPreferred: boolean;
  readonly expected: string;
}

function renameCase(name: string, code: string, from: string, to: string): QuickFixCase {
  const text = channelText({ [to]: undefined, [from]: 'VALUE' });
  return {
    name,
    text,
    code,
    rangeText: `"${from}"`,
    title: `Rename to '${to}'`,
    isPreferred: true,
    expected: text.replace(`"${from}"`, `"${to}"`),
  };
}

const CASES: readonly QuickFixCase[] = [
  renameCase('wrong-case name is renamed', 'parameter-name-case', 'oauth2Flow', 'OAuth2Flow'),
  renameCase('misspelled name is renamed', 'unknown-parameter', 'Integraton', 'Integration'),
  renameCase('ConsumeKey becomes ConsumerKey', 'deprecated-parameter', 'ConsumeKey', 'ConsumerKey'),
  renameCase('Interface becomes Inteface', 'misspelled-parameter', 'Interface', 'Inteface'),
  {
    name: 'flow value gets canonical casing',
    text: channelText({ OAuth2Flow: 'client-credentials' }),
    code: 'flow-value-case',
    rangeText: '"client-credentials"',
    title: "Change to 'Client-Credentials'",
    isPreferred: true,
    expected: channelText(),
  },
  {
    name: 'whitespace is trimmed',
    text: channelText({ Integration: 'INT_TEST  ' }),
    code: 'whitespace',
    rangeText: '"INT_TEST  "',
    title: 'Trim whitespace',
    isPreferred: true,
    expected: channelText(),
  },
  {
    name: 'number value is quoted',
    text: channelText({ BulkPackageSize: 5 }),
    code: 'non-string-value',
    rangeText: '5',
    title: 'Quote the value',
    isPreferred: true,
    expected: channelText(),
  },
  {
    name: 'ignored parameter is removed',
    text: channelText({ SforceUsername: 'someone@example.invalid' }),
    code: 'ignored-parameter',
    rangeText: '"SforceUsername"',
    title: "Remove 'SforceUsername'",
    isPreferred: false,
    expected: channelText(),
  },
  {
    name: 'redundant legacy key is removed',
    text: channelText({ ConsumeKey: 'CK-TEST' }),
    code: 'redundant-parameter',
    rangeText: '"ConsumeKey"',
    title: "Remove 'ConsumeKey'",
    isPreferred: true,
    expected: channelText(),
  },
  {
    name: 'SOAP login path becomes token path',
    text: channelText({
      AuthorizationServerURL: 'https://acme.my.salesforce.com/services/Soap/u/59.0',
    }),
    code: 'soap-login-url',
    rangeText: '"https://acme.my.salesforce.com/services/Soap/u/59.0"',
    title: 'Change the path to /services/oauth2/token',
    isPreferred: true,
    expected: channelText(),
  },
  {
    name: 'flag value becomes X',
    text: channelText({ 'SessionPooling.Active': 'true' }),
    code: 'invalid-flag',
    rangeText: '"true"',
    title: "Change to 'X'",
    isPreferred: true,
    expected: channelText(),
  },
  {
    name: 'top-level parameters are wrapped',
    text: '{\n  "OAuth2Flow": "Client-Credentials",\n  "Integration": "INT_TEST"\n}\n',
    code: 'parameters-not-wrapped',
    rangeText: '{',
    title: 'Move the parameters into a "parameters" object',
    isPreferred: true,
    expected:
      '{\n  "parameters": {\n    "OAuth2Flow": "Client-Credentials",\n' +
      '    "Integration": "INT_TEST"\n  }\n}\n',
  },
];

suite('Quick fixes', () => {
  teardown(closeAllEditors);

  CASES.forEach((fixCase, index) => {
    test(fixCase.name, async () => {
      const { document, diagnostics } = await openWithDiagnostic(
        `quick-fix-${index}.skyvva.json`,
        fixCase.text,
        fixCase.code,
      );
      const diagnostic = diagnosticAt(document, diagnostics, fixCase.code, fixCase.rangeText);

      const actions = await quickFixesFor(document, diagnostic);
      const action = actions.find((candidate) => candidate.title === fixCase.title);
      assert.ok(action, `no '${fixCase.title}' among ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(action.isPreferred ?? false, fixCase.isPreferred);

      assert.equal(await applyAction(document, action), fixCase.expected);
      await waitForDiagnostics(document.uri, (now) => !hasCode(fixCase.code)(now), 'fixed');
    });
  });

  test('misspelled flow gets ranked candidates', async () => {
    await checkRankedCandidates('ranked-flow.skyvva.json', { OAuth2Flow: 'CC' }, 'invalid-flow');
  });

  test('misspelled operation gets ranked candidates', async () => {
    await checkRankedCandidates(
      'ranked-operation.skyvva.json',
      { Operation: 'Skyvva Bulch' },
      'unknown-operation',
    );
  });

  test('duplicate key occurrence is removed', async () => {
    const text = channelText().replace(
      '"Operation": "Skyvva Bulk",',
      '"Operation": "integrate",\n    "Operation": "Skyvva Bulk",',
    );
    const { document, diagnostics } = await openWithDiagnostic(
      'duplicate.skyvva.json',
      text,
      'duplicate-key',
    );
    const duplicates = diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-key');
    assert.equal(duplicates.length, 2);

    const second = duplicates[1] as vscode.Diagnostic;
    const actions = await quickFixesFor(document, second);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Remove this \'Operation\': "Skyvva Bulk"'],
    );
    const fixed = await applyAction(document, actions[0] as vscode.CodeAction);

    assert.equal(fixed, channelText({ Operation: 'integrate' }));
    await waitForDiagnostics(document.uri, (now) => !hasCode('duplicate-key')(now), 'no duplicate');
  });

  test('stale diagnostic gets no fix', async () => {
    const { document, diagnostics } = await openWithDiagnostic(
      'stale.skyvva.json',
      channelText({ OAuth2Flow: 'client-credentials' }),
      'flow-value-case',
    );
    const diagnostic = diagnosticAt(
      document,
      diagnostics,
      'flow-value-case',
      '"client-credentials"',
    );
    // The diagnostic now points one character off the value, as after an edit not yet analysed.
    const stale = new vscode.Diagnostic(
      diagnostic.range.with({ start: diagnostic.range.start.translate(0, 1) }),
      diagnostic.message,
      diagnostic.severity,
    );
    stale.source = diagnostic.source;
    stale.code = diagnostic.code;

    const provider = new ChannelCodeActionProvider();
    const context: vscode.CodeActionContext = {
      diagnostics: [stale],
      only: undefined,
      triggerKind: vscode.CodeActionTriggerKind.Invoke,
    };
    const actions = provider.provideCodeActions(document, stale.range, context);

    assert.deepEqual(actions, []);
  });

  test('quick fix works in JSON mode', async () => {
    const { document: opened } = await openWithDiagnostic(
      'json-mode-fix.skyvva.json',
      channelText({ BulkPackageSize: 5 }),
      'non-string-value',
    );
    const document = await vscode.languages.setTextDocumentLanguage(opened, 'json');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      hasCode('non-string-value'),
      'non-string-value in JSON mode',
    );
    const diagnostic = diagnosticAt(document, diagnostics, 'non-string-value', '5');

    const actions = await quickFixesFor(document, diagnostic);
    const quote = actions.find((action) => action.title === 'Quote the value');
    assert.ok(quote);

    assert.equal(document.languageId, 'json');
    assert.equal(await applyAction(document, quote), channelText());
  });

  test('quick fix works in untitled file', async () => {
    const path = vscode.Uri.joinPath(workspaceFolder(), 'untitled-fix.skyvva.json').path;
    const uri = vscode.Uri.from({ scheme: 'untitled', path });
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), channelText({ BulkPackageSize: 5 }));
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const diagnostics = await waitForDiagnostics(uri, hasCode('non-string-value'), 'number value');
    const diagnostic = diagnosticAt(document, diagnostics, 'non-string-value', '5');

    const actions = await quickFixesFor(document, diagnostic);
    const quote = actions.find((action) => action.title === 'Quote the value');
    assert.ok(quote);

    assert.equal(await applyAction(document, quote), channelText());
    await revertAndClose(document);
  });
});

/** Checks that VS Code offers one quick fix per candidate that the engine ranks, in its order. */
async function checkRankedCandidates(
  name: string,
  changes: Readonly<Record<string, unknown>>,
  code: string,
): Promise<void> {
  const text = channelText(changes);
  const { document, diagnostics } = await openWithDiagnostic(name, text, code);
  const [value] = Object.values(changes);
  const diagnostic = diagnosticAt(document, diagnostics, code, JSON.stringify(value));
  const finding = analyzeText(text).findings.find((candidate) => candidate.code === code);
  assert.ok(finding);
  assert.ok(finding.fixes.length >= 2, `the engine ranks ${finding.fixes.length} candidates`);

  const actions = await quickFixesFor(document, diagnostic);

  assert.deepEqual(
    actions.map((action) => action.title),
    finding.fixes.map((fix) => fix.title),
  );
  assert.ok(actions.every((action) => action.isPreferred !== true));
  const first = finding.fixes[0]?.title.replace(/^Change to '(.*)'$/, '$1');
  const fixed = await applyAction(document, actions[0] as vscode.CodeAction);
  assert.equal(fixed, text.replace(JSON.stringify(value), JSON.stringify(first)));
}
