import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import type { TokenRunResult } from '../../src/engine/channel-engine';
import type { EngineEnvironment } from './engine-environment';
import {
  CANARIES,
  emulatorChannelText,
  readLogs,
  startEngineEnvironment,
  waitForLogText,
} from './engine-environment';
import { closeAllEditors, writeWorkspaceFile } from './helpers';

const EXTENSION_LOG = 'SKYVVA Channel Tools';
const HOST = 'network.my.salesforce.com';
const OUTSIDE_HOST = 'login.example-idp.test';

/** Returns a loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function updateSetting(section: string, name: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration(section)
    .update(name, value, vscode.ConfigurationTarget.Global);
}

async function fetchToken(uri: vscode.Uri, options?: object): Promise<TokenRunResult | undefined> {
  return vscode.commands.executeCommand<TokenRunResult | undefined>(
    'skyvva.fetchToken',
    uri,
    options,
  );
}

suite('Network settings', () => {
  let environment: EngineEnvironment;
  let channel: vscode.Uri;

  suiteSetup(async () => {
    environment = await startEngineEnvironment({ extraHostNames: [OUTSIDE_HOST] });
    await vscode.commands.executeCommand('skyvva.storeSecret', {
      name: 'SKYVVA_IT_CONSUMER_SECRET',
      value: CANARIES.consumerSecret,
    });
    channel = await writeWorkspaceFile(
      'network.skyvva.json',
      emulatorChannelText(HOST, { 'SessionPooling.Active': '' }),
    );
  });

  suiteTeardown(async () => {
    await environment?.close();
  });

  setup(() => {
    environment.emulator.reset();
    environment.proxy.clearRecords();
  });

  teardown(closeAllEditors);

  test('proxy comes from HTTPS_PROXY', async () => {
    await updateSetting('http', 'proxy', undefined);
    process.env.HTTPS_PROXY = environment.proxy.url();
    try {
      const result = await fetchToken(channel);

      assert.equal(result?.origin, 'new');
      const targets = environment.proxy.connects().map((record) => record.target);
      assert.deepEqual(targets, [`${HOST}:443`]);
    } finally {
      delete process.env.HTTPS_PROXY;
      await updateSetting('http', 'proxy', environment.proxy.url());
    }
  });

  test('unreachable proxy hides its password', async () => {
    const port = await closedPort();
    await updateSetting(
      'http',
      'proxy',
      `http://proxyuser:${CANARIES.proxyPassword}@127.0.0.1:${port}`,
    );
    const offset = (await readLogs(EXTENSION_LOG)).length;
    try {
      const result = await fetchToken(channel);

      assert.equal(result, undefined);
      const log = await waitForLogText(EXTENSION_LOG, offset, 'Fetch Token failed');
      assert.match(log, new RegExp(`proxy at http://proxyuser:\\*{8}@127\\.0\\.0\\.1:${port}`));
      assert.equal(log.includes(CANARIES.proxyPassword), false);
    } finally {
      await updateSetting('http', 'proxy', environment.proxy.url());
    }
  });

  test('missing CA fails TLS verification', async () => {
    const caFile = vscode.workspace.getConfiguration('skyvva.network').get<string>('extraCaFile');
    await updateSetting('skyvva.network', 'extraCaFile', undefined);
    const offset = (await readLogs(EXTENSION_LOG)).length;
    try {
      const result = await fetchToken(channel);

      assert.equal(result, undefined);
      assert.equal(environment.emulator.count('token'), 0);
      const log = await waitForLogText(EXTENSION_LOG, offset, 'Fetch Token failed');
      assert.match(log, /TLS certificate of network\.my\.salesforce\.com could not be verified/);
      assert.match(log, /extra CA certificate setting/);
    } finally {
      await updateSetting('skyvva.network', 'extraCaFile', caFile);
    }
  });

  test('relative CA path is rejected', async () => {
    const caFile = vscode.workspace.getConfiguration('skyvva.network').get<string>('extraCaFile');
    await updateSetting('skyvva.network', 'extraCaFile', 'certs/ca.pem');
    const offset = (await readLogs(EXTENSION_LOG)).length;
    try {
      const result = await fetchToken(channel);

      assert.equal(result, undefined);
      assert.equal(environment.proxy.connects().length, 0);
      const log = await waitForLogText(EXTENSION_LOG, offset, 'Fetch Token failed');
      assert.match(log, /skyvva\.network\.extraCaFile must be an absolute path/);
    } finally {
      await updateSetting('skyvva.network', 'extraCaFile', caFile);
    }
  });

  test('proxyStrictSSL false is logged once', async () => {
    await updateSetting('http', 'proxyStrictSSL', false);
    const offset = (await readLogs(EXTENSION_LOG)).length;
    try {
      const first = await fetchToken(channel);
      const second = await fetchToken(channel);

      assert.equal(first?.origin, 'new');
      assert.equal(second?.origin, 'new');
      const log = await waitForLogText(EXTENSION_LOG, offset, 'http.proxyStrictSSL is false');
      assert.equal(log.split('http.proxyStrictSSL is false').length - 1, 1);
    } finally {
      await updateSetting('http', 'proxyStrictSSL', undefined);
    }
  });

  test('approved outside host gets credentials', async () => {
    const uri = await writeWorkspaceFile(
      'network-outside.skyvva.json',
      emulatorChannelText(OUTSIDE_HOST, { 'SessionPooling.Active': '' }),
    );

    const result = await fetchToken(uri, { approvedHosts: [OUTSIDE_HOST] });

    assert.equal(result?.origin, 'new');
    assert.equal(environment.emulator.count('token'), 1);
    assert.equal(environment.emulator.requests('token')[0]?.host, OUTSIDE_HOST);
  });

  test('audit log files get the language', async () => {
    const uri = await writeWorkspaceFile(
      'saved.skyvva-audit.log',
      'skyvva-channel_v0.1.0/SKYVVA/...RestIntegrationV3.13: End session handling\n',
    );

    const document = await vscode.workspace.openTextDocument(uri);

    assert.equal(document.languageId, 'skyvva-audit-log');
  });
});
