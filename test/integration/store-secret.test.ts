import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { channelText, diagnosticAt, openWithDiagnostic, quickFixesFor } from './editing-helpers';
import type { EngineEnvironment } from './engine-environment';
import {
  CANARIES,
  emulatorChannelText,
  readLogs,
  startEngineEnvironment,
} from './engine-environment';
import { closeAllEditors, readWorkspaceText, writeWorkspaceFile } from './helpers';

const HOST = 'store.my.salesforce.com';

suite('Store Secret', () => {
  let environment: EngineEnvironment;

  suiteSetup(async () => {
    environment = await startEngineEnvironment();
  });

  suiteTeardown(async () => {
    await environment?.close();
  });

  teardown(closeAllEditors);

  test('stored secret reaches the token request', async () => {
    const uri = await writeWorkspaceFile(
      'store-round-trip.skyvva.json',
      emulatorChannelText(HOST, { ConsumerSecret: '${secret:SKYVVA_IT_ROUND_TRIP}' }),
    );
    environment.emulator.reset();

    const stored = await vscode.commands.executeCommand('skyvva.storeSecret', {
      name: 'SKYVVA_IT_ROUND_TRIP',
      value: CANARIES.consumerSecret,
    });
    const result = await vscode.commands.executeCommand('skyvva.fetchToken', uri, {
      renew: true,
    });

    assert.deepEqual(stored, { name: 'SKYVVA_IT_ROUND_TRIP', isReferenceWritten: false });
    assert.ok(result, 'Fetch Token failed with the stored secret');
    const form = environment.emulator.requests('token')[0]?.form;
    assert.equal(form?.client_secret, CANARIES.consumerSecret);
  });

  test('invalid secret name is rejected', async () => {
    const result = await vscode.commands.executeCommand('skyvva.storeSecret', {
      name: '1-not-valid',
      value: 'any value',
    });

    assert.equal(result, undefined);
  });

  test('quick fix moves literal to storage', async () => {
    const literal = 'literal-consumer-secret-5521';
    const { document, diagnostics } = await openWithDiagnostic(
      'store-move.skyvva.json',
      channelText({ ConsumerSecret: literal }),
      'literal-secret',
    );
    const diagnostic = diagnosticAt(document, diagnostics, 'literal-secret', `"${literal}"`);

    const fixes = await quickFixesFor(document, diagnostic);
    const move = fixes.find((fix) => fix.title === 'Move to secret storage');
    assert.ok(move?.command, 'no "Move to secret storage" quick fix');
    assert.equal(move.command.command, 'skyvva.storeSecret');
    const [argument] = (move.command.arguments ?? []) as [Record<string, unknown>];
    const result = await vscode.commands.executeCommand('skyvva.storeSecret', {
      ...argument,
      name: 'SKYVVA_IT_MOVED',
    });

    assert.deepEqual(result, { name: 'SKYVVA_IT_MOVED', isReferenceWritten: true });
    const saved = await readWorkspaceText('store-move.skyvva.json');
    assert.match(saved, /"ConsumerSecret": "\$\{secret:SKYVVA_IT_MOVED\}"/);
    assert.equal(saved.includes(literal), false);
    assert.equal((await readLogs('')).includes(literal), false);
  });
});
