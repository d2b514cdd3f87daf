import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EmulatorOptions } from '../../src/emulator';
import { ConnectProxy, SalesforceEmulator } from '../../src/emulator';

/** Secrets planted in the emulator and the proxy, which no output may contain. */
export const CANARIES = {
  consumerSecret: 'CANARY-VSCODE-CONSUMER-SECRET-7f3a',
  proxyPassword: 'CANARY-VSCODE-PROXY-PASSWORD-91c2',
} as const;

export const CONSUMER_KEY = 'VSCODE-IT-CONSUMER-KEY';

/** Upper bound for waiting on an output log file to receive text. */
const LOG_TIMEOUT_MS = 10000;

/**
 * The emulator and a loopback CONNECT proxy, started inside the extension host. The proxy is
 * set as `http.proxy` and the emulator's CA as `skyvva.network.extraCaFile`, so the extension
 * reaches host names such as `vsc.my.salesforce.com` through its real network code.
 */
export interface EngineEnvironment {
  readonly emulator: SalesforceEmulator;
  readonly proxy: ConnectProxy;
  close(): Promise<void>;
}

export async function startEngineEnvironment(
  options: Pick<EmulatorOptions, 'extraHostNames'> = {},
): Promise<EngineEnvironment> {
  const emulator = await SalesforceEmulator.start({
    ...options,
    demoOrg: { consumerKey: CONSUMER_KEY, consumerSecret: CANARIES.consumerSecret },
  });
  const proxy = await ConnectProxy.start({
    hostMap: emulator.hostMap(),
    credentials: { username: 'proxyuser', password: CANARIES.proxyPassword },
  });
  const folder = await mkdtemp(path.join(tmpdir(), 'skyvva-vscode-it-'));
  const caFile = path.join(folder, 'emulator-ca.pem');
  await emulator.writeCaFile(caFile);

  const http = vscode.workspace.getConfiguration('http');
  const network = vscode.workspace.getConfiguration('skyvva.network');
  await http.update('proxy', proxy.url(), vscode.ConfigurationTarget.Global);
  await network.update('extraCaFile', caFile, vscode.ConfigurationTarget.Global);

  return {
    emulator,
    proxy,
    close: async () => {
      await http.update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await network.update('extraCaFile', undefined, vscode.ConfigurationTarget.Global);
      await proxy.close();
      await emulator.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Returns channel file text for the emulator's org. An undefined change removes a parameter. */
export function emulatorChannelText(
  host: string,
  changes: Readonly<Record<string, string | undefined>> = {},
): string {
  const parameters: Record<string, string | undefined> = {
    OAuth2Flow: 'Client-Credentials',
    AuthorizationServerURL: `https://${host}/services/oauth2/token`,
    ConsumerKey: CONSUMER_KEY,
    ConsumerSecret: '${secret:SKYVVA_IT_CONSUMER_SECRET}',
    Integration: 'INT_TEST',
    Inteface: 'IF_TEST',
    Operation: 'integrate',
    AppVersion: '2.48',
    'SessionPooling.Active': 'X',
    SessionGlobalFilePath: '/usr/sap/TST/SYS/global',
    SforceShowSAPChannelParameters: 'X',
    ...changes,
  };
  const defined = Object.entries(parameters).filter(([, value]) => value !== undefined);
  return `${JSON.stringify({ parameters: Object.fromEntries(defined) }, null, 2)}\n`;
}

/** Returns the log folder of this test run, which the runner names in VSCODE_TEST_RUN_DIR. */
function logsFolder(): string {
  const runDir = process.env.VSCODE_TEST_RUN_DIR;
  if (runDir === undefined) {
    throw new Error(
      'VSCODE_TEST_RUN_DIR is not set; run these tests with scripts/run-vscode-tests.js, ' +
        'which keeps VS Code logs in its run directory.',
    );
  }
  return path.join(runDir, 'user-data', 'logs');
}

/** Returns every log file of the run whose name contains `namePart`, or every one without it. */
export async function findLogFiles(namePart = ''): Promise<string[]> {
  const entries = await readdir(logsFolder(), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.log'))
    .filter((entry) => entry.name.includes(namePart))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Reads the text of every log file whose name contains `namePart`, joined. */
export async function readLogs(namePart: string): Promise<string> {
  const texts = await Promise.all(
    (await findLogFiles(namePart)).map((file) => readFile(file, 'utf8')),
  );
  return texts.join('\n');
}

/**
 * Waits until the log files named by `namePart` contain more text than `offset` characters
 * and that new text contains `marker`, and returns the new text. VS Code writes output channels
 * to their files with a delay, so this polls.
 */
export async function waitForLogText(
  namePart: string,
  offset: number,
  marker: string,
): Promise<string> {
  const deadline = Date.now() + LOG_TIMEOUT_MS;
  for (;;) {
    const added = (await readLogs(namePart)).slice(offset);
    if (added.includes(marker)) {
      return added;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${LOG_TIMEOUT_MS} ms waiting for '${marker}' in the log ` +
          `'${namePart}'; new text: ${JSON.stringify(added.slice(-2000))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until a condition holds, checking every 20 ms. */
export async function waitUntil(condition: () => boolean, description: string): Promise<void> {
  const deadline = Date.now() + LOG_TIMEOUT_MS;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${LOG_TIMEOUT_MS} ms waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
