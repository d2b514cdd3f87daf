import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  EXTENSION_ID,
  hasCode,
  waitForDiagnostics,
  writeWorkspaceFile,
} from './helpers';

const MIGRATE_KIND = 'refactor.rewrite.skyvva.migrate';

interface MigrationOutcome {
  readonly steps: readonly { readonly kind: string }[];
  readonly tasks: readonly { readonly kind: string; readonly host?: string }[];
  readonly remainingErrorCodes: readonly string[];
}

/** Copies the half-migrated example that ships with the repository into the workspace. */
async function copyHalfMigratedExample(name: string): Promise<vscode.TextDocument> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const example = vscode.Uri.joinPath(
    extension.extensionUri,
    'examples',
    'half-migrated.skyvva.json',
  );
  const uri = await writeWorkspaceFile(name, await vscode.workspace.fs.readFile(example));
  const document = await vscode.workspace.openTextDocument(uri);
  await waitForDiagnostics(uri, hasCode('invalid-flow'), 'invalid-flow');
  return document;
}

function errorsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error);
}

suite('Migrate to Client-Credentials', () => {
  teardown(closeAllEditors);

  test('half-migrated example loses its errors', async () => {
    const document = await copyHalfMigratedExample('migrate-remove.skyvva.json');

    const outcome = await vscode.commands.executeCommand<MigrationOutcome>(
      'skyvva.migrateToClientCredentials',
      { uri: document.uri, removeIgnored: true },
    );

    const text = document.getText();
    assert.match(text, /"OAuth2Flow": "Client-Credentials"/);
    assert.match(
      text,
      /"AuthorizationServerURL": "https:\/\/login\.salesforce\.com\/services\/oauth2\/token"/,
    );
    assert.match(text, /"ConsumerKey": /);
    assert.doesNotMatch(text, /ConsumeKey"/);
    assert.doesNotMatch(text, /SforceUsername|pwdSforceLoginPassword/);
    assert.match(text, /"Inteface": /);
    assert.deepEqual(outcome.remainingErrorCodes, []);
    assert.deepEqual(
      outcome.tasks.map((task) => task.kind),
      ['new-credentials', 'my-domain-host'],
    );
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (now) => !hasCode('invalid-flow')(now) && hasCode('generic-login-host')(now),
      'migrated diagnostics',
    );
    assert.deepEqual(errorsOf(document.uri), []);
    // What is left needs the External Client App: its My Domain host and its own secret.
    assert.deepEqual(
      diagnostics
        .filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning)
        .map((diagnostic) => diagnostic.code)
        .sort(),
      ['generic-login-host', 'session-path-missing', 'whitespace'],
    );
  });

  test('ignored parameters can stay', async () => {
    const document = await copyHalfMigratedExample('migrate-keep.skyvva.json');

    const outcome = await vscode.commands.executeCommand<MigrationOutcome>(
      'skyvva.migrateToClientCredentials',
      document.uri,
      { removeIgnored: false },
    );

    assert.match(document.getText(), /"SforceUsername": /);
    assert.match(document.getText(), /"pwdSforceLoginPassword": /);
    assert.ok(outcome.tasks.some((task) => task.kind === 'ignored-kept'));
    assert.deepEqual(outcome.remainingErrorCodes, []);
  });

  test('migration is one undo step', async () => {
    const document = await copyHalfMigratedExample('migrate-undo.skyvva.json');
    const original = document.getText();
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('skyvva.migrateToClientCredentials', {
      uri: document.uri,
      removeIgnored: true,
    });
    assert.notEqual(document.getText(), original);

    await vscode.commands.executeCommand('undo');

    assert.equal(document.getText(), original);
  });

  test('refactoring runs the migration command', async () => {
    const document = await copyHalfMigratedExample('migrate-refactor.skyvva.json');
    const top = new vscode.Range(0, 0, 0, 0);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      top,
      MIGRATE_KIND,
    );

    const migrate = actions.filter((action) => action.kind?.value === MIGRATE_KIND);
    assert.equal(migrate.length, 1);
    assert.equal(migrate[0]?.title, 'Migrate to Client-Credentials');
    assert.equal(migrate[0]?.command?.command, 'skyvva.migrateToClientCredentials');
    assert.equal(String(migrate[0]?.command?.arguments?.[0]), document.uri.toString());
  });

  test('migrated file gets no refactoring', async () => {
    const document = await copyHalfMigratedExample('migrate-twice.skyvva.json');
    await vscode.commands.executeCommand('skyvva.migrateToClientCredentials', {
      uri: document.uri,
      removeIgnored: true,
    });

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(0, 0, 0, 0),
      MIGRATE_KIND,
    );

    assert.deepEqual(
      actions.filter((action) => action.kind?.value === MIGRATE_KIND),
      [],
    );
  });
});
