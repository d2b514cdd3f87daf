import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SendRunResult, TokenRunResult } from '../../src/engine/channel-engine';
import { invalidSessionRest, noResponse } from '../../src/emulator';
import type { EngineEnvironment } from './engine-environment';
import {
  CANARIES,
  emulatorChannelText,
  readLogs,
  startEngineEnvironment,
  waitForLogText,
  waitUntil,
} from './engine-environment';
import { closeAllEditors, writeWorkspaceFile } from './helpers';

const AUDIT_LOG = 'SKYVVA Audit Log';
const EXTENSION_LOG = 'SKYVVA Channel Tools';
const HOST = 'vsc.my.salesforce.com';
const SECRET_NAME = 'SKYVVA_IT_CONSUMER_SECRET';
const END_OF_RUN = 'End session handling';

async function writeChannel(
  name: string,
  changes: Readonly<Record<string, string | undefined>> = {},
): Promise<vscode.Uri> {
  return writeWorkspaceFile(name, emulatorChannelText(HOST, changes));
}

async function auditLength(): Promise<number> {
  return (await readLogs(AUDIT_LOG)).length;
}

suite('Fetch Token and Send Test Message', () => {
  let environment: EngineEnvironment;

  suiteSetup(async () => {
    environment = await startEngineEnvironment();
    await vscode.commands.executeCommand('skyvva.storeSecret', {
      name: SECRET_NAME,
      value: CANARIES.consumerSecret,
    });
  });

  suiteTeardown(async () => {
    await environment?.close();
  });

  setup(async () => {
    await vscode.commands.executeCommand('skyvva.clearSessionCache', { revoke: false });
    environment.emulator.reset();
    environment.proxy.clearRecords();
  });

  teardown(closeAllEditors);

  test('fetch token writes the three lines to check', async () => {
    const uri = await writeChannel('it-fetch.skyvva.json');
    const offset = await auditLength();

    const result = await vscode.commands.executeCommand<TokenRunResult>('skyvva.fetchToken', uri);

    assert.ok(result, 'Fetch Token returned no result');
    assert.equal(result.origin, 'new');
    assert.equal(environment.emulator.count('token'), 1);
    const audit = await waitForLogText(AUDIT_LOG, offset, END_OF_RUN);
    assert.match(audit, /\.4: Begin session handling \(SKYVVA version 2\.3\.6\)$/m);
    assert.match(audit, /^ {2}OAuth2Flow: Client-Credentials$/m);
    assert.match(audit, /\.7: \(getNewSalesforceContainerPooling\) Pick up new session id/);
    assert.match(audit, /^ {2}ConsumerSecret: \*{8}$/m);
    assert.match(audit, /determine user home cache : VS Code secret storage$/m);
  });

  test('fetch token goes through http.proxy', async () => {
    const uri = await writeChannel('it-proxy.skyvva.json');

    await vscode.commands.executeCommand('skyvva.fetchToken', uri);

    const targets = environment.proxy.connects().map((record) => record.target);
    assert.deepEqual(targets, [`${HOST}:443`]);
    assert.equal(environment.proxy.connects()[0]?.outcome, 'tunnel');
  });

  test('second test message uses cached session', async () => {
    const uri = await writeChannel('it-send.skyvva.json');
    await writeWorkspaceFile('it-send.payload.json', '{ "Name": "Example GmbH" }\n');

    const first = await vscode.commands.executeCommand<SendRunResult>(
      'skyvva.sendTestMessage',
      uri,
    );
    const offset = await auditLength();
    const second = await vscode.commands.executeCommand<SendRunResult>(
      'skyvva.sendTestMessage',
      uri,
    );

    assert.equal(first?.status, 'success');
    assert.equal(second?.status, 'success');
    assert.equal(environment.emulator.count('token'), 1);
    assert.equal(environment.emulator.count('integrate'), 2);
    const audit = await waitForLogText(AUDIT_LOG, offset, END_OF_RUN);
    assert.match(audit, /\(getNewSalesforceContainerPooling\) Session Id from Cache [0-9a-f]{8}$/m);
    assert.doesNotMatch(audit, /Pick up new session id/);
  });

  test('test message renews an expired session', async () => {
    const uri = await writeChannel('it-renew.skyvva.json');
    const payload = await writeWorkspaceFile('it-renew-payload.json', '{ "Name": "Muster KG" }\n');
    await vscode.commands.executeCommand('skyvva.fetchToken', uri);
    environment.emulator.script('integrate', invalidSessionRest());
    const offset = await auditLength();

    const result = await vscode.commands.executeCommand<SendRunResult>(
      'skyvva.sendTestMessage',
      uri,
      payload,
    );

    assert.equal(result?.status, 'success');
    assert.equal(environment.emulator.count('token'), 2);
    assert.equal(environment.emulator.count('integrate'), 2);
    const audit = await waitForLogText(AUDIT_LOG, offset, END_OF_RUN);
    assert.match(audit, /INVALID_SESSION_ID detected\. Renewing Salesforce session/);
  });

  test('cancel during token request is silent', async () => {
    const uri = await writeChannel('it-cancel.skyvva.json');
    environment.emulator.script('token', noResponse());
    const cancellation = new vscode.CancellationTokenSource();
    const offset = (await readLogs(EXTENSION_LOG)).length;

    const running = vscode.commands.executeCommand<TokenRunResult | undefined>(
      'skyvva.fetchToken',
      uri,
      { cancellation: cancellation.token },
    );
    await waitUntil(() => environment.emulator.count('token') === 1, 'the token request');
    cancellation.cancel();
    const result = await running;

    assert.equal(result, undefined);
    const log = await waitForLogText(EXTENSION_LOG, offset, 'was cancelled');
    assert.doesNotMatch(log, /\[error\]/);
    cancellation.dispose();
  });

  test('missing secret names the Store Secret command', async () => {
    const uri = await writeChannel('it-missing.skyvva.json', {
      ConsumerSecret: '${secret:SKYVVA_IT_ABSENT}',
    });
    const offset = (await readLogs(EXTENSION_LOG)).length;
    const auditOffset = await auditLength();

    const result = await vscode.commands.executeCommand('skyvva.fetchToken', uri);

    assert.equal(result, undefined);
    assert.equal(environment.emulator.count(), 0);
    const log = await waitForLogText(EXTENSION_LOG, offset, 'SKYVVA_IT_ABSENT');
    assert.match(log, /\[error\] Fetch Token failed for it-missing\.skyvva\.json: /);
    assert.match(log, /SKYVVA: Store Secret/);
    const audit = await waitForLogText(AUDIT_LOG, auditOffset, 'SKYVVA_IT_ABSENT');
    assert.match(audit, /\.11: Failed: ConsumerSecret refers to the secret SKYVVA_IT_ABSENT/);
  });

  test('env reference reads the extension host', async () => {
    process.env.SKYVVA_IT_ENV_SECRET = CANARIES.consumerSecret;
    try {
      const uri = await writeChannel('it-env.skyvva.json', {
        ConsumerSecret: '${env:SKYVVA_IT_ENV_SECRET}',
      });

      const result = await vscode.commands.executeCommand<TokenRunResult>('skyvva.fetchToken', uri);

      assert.equal(result?.origin, 'new');
      assert.equal(
        environment.emulator.requests('token')[0]?.form?.client_secret,
        CANARIES.consumerSecret,
      );
    } finally {
      delete process.env.SKYVVA_IT_ENV_SECRET;
    }
  });

  test('payload folder setting is searched', async () => {
    const uri = await writeChannel('it-folder.skyvva.json');
    await writeWorkspaceFile(
      'payloads/it-folder.payload.xml',
      '<Account><Name>Demo OHG</Name></Account>\n',
    );
    const settings = vscode.workspace.getConfiguration('skyvva');
    await settings.update('payloadFolder', 'payloads', vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<SendRunResult>(
        'skyvva.sendTestMessage',
        uri,
      );

      assert.equal(result?.status, 'success');
      const [request] = environment.emulator.requests('integrate');
      assert.equal(request?.query['request-format'], 'XML');
      assert.match(request?.body ?? '', /<Name>Demo OHG<\/Name>/);
    } finally {
      await settings.update('payloadFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('retry budget setting skips the query', async () => {
    const uri = await writeChannel('it-budget.skyvva.json');
    const payload = await writeWorkspaceFile('it-budget-payload.json', '{ "Name": "Test eG" }\n');
    const settings = vscode.workspace.getConfiguration('skyvva');
    await settings.update('retryBudget', 2, vscode.ConfigurationTarget.Global);
    try {
      const result = await vscode.commands.executeCommand<SendRunResult>(
        'skyvva.sendTestMessage',
        uri,
        payload,
      );

      assert.equal(result?.retryBudget, 2);
      assert.equal(environment.emulator.count('query'), 0);
    } finally {
      await settings.update('retryBudget', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('clear with revoke ends sessions', async () => {
    const uri = await writeChannel('it-revoke.skyvva.json');
    await vscode.commands.executeCommand('skyvva.fetchToken', uri);

    const cleared = await vscode.commands.executeCommand('skyvva.clearSessionCache', {
      revoke: true,
    });
    const next = await vscode.commands.executeCommand<TokenRunResult>('skyvva.fetchToken', uri);

    assert.deepEqual(cleared, { removed: 1, revoked: 1 });
    assert.equal(environment.emulator.count('revoke'), 1);
    assert.equal(next?.origin, 'new');
    assert.equal(environment.emulator.count('token'), 2);
  });

  test('outputs contain no canary', async () => {
    const uri = await writeChannel('it-canary.skyvva.json');
    await writeWorkspaceFile('it-canary.payload.json', '{ "Name": "Probe SE" }\n');
    const offset = await auditLength();
    await vscode.commands.executeCommand('skyvva.sendTestMessage', uri);
    await waitForLogText(AUDIT_LOG, offset, END_OF_RUN);
    const tokens = environment.emulator
      .requests('integrate')
      .map((request) => request.bearer ?? '')
      .filter((token) => token !== '');

    const outputs = await readLogs('');

    assert.ok(tokens.length > 0, 'no access token was used');
    assert.match(outputs, /Begin session handling/, 'the audit log file was not read');
    assert.match(outputs, /Test message for it-canary\.skyvva\.json sent/, 'no notification text');
    for (const secret of [...Object.values(CANARIES), ...tokens]) {
      assert.equal(outputs.includes(secret), false, `a log file contains ${secret.slice(0, 12)}…`);
    }
  });
});
