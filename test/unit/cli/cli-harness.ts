/**
 * The emulator and a CONNECT proxy in the test process, reached by the CLI the way a user's
 * machine reaches Salesforce: through HTTPS_PROXY, trusting the emulator's CA through
 * NODE_EXTRA_CA_CERTS. The proxy sends every host the emulator serves to it and rejects others,
 * so nothing leaves loopback.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConnectProxy, SalesforceEmulator } from '../../../src/emulator';
import type { EmulatorOptions } from '../../../src/emulator';

/** Send parameters of every test channel unless it overrides them. */
const SEND_PARAMETERS: Readonly<Record<string, string>> = {
  Integration: 'INT_TEST',
  Inteface: 'IF_TEST',
  Operation: 'Skyvva Bulk',
  BulkPackageSize: '5',
  AppVersion: '2.48',
  'SessionPooling.Active': 'X',
  SessionGlobalFilePath: '/usr/sap/TST/SYS/global',
};

export interface CliHarness {
  readonly emulator: SalesforceEmulator;
  readonly proxy: ConnectProxy;
  /** A folder for channel files and caches, removed by close(). */
  readonly folder: string;
  readonly caFile: string;
  /** HTTPS_PROXY and NODE_EXTRA_CA_CERTS for the CLI. */
  readonly env: Record<string, string>;
  /** Returns the parameters of a Client-Credentials channel for the demo org on `host`. */
  demoChannel(host?: string, extra?: Record<string, string | undefined>): Record<string, string>;
  /** Writes a channel file (and a one-record payload beside it unless `payload` is null). */
  writeChannel(
    name: string,
    parameters: Record<string, string>,
    payload?: string | null,
  ): Promise<string>;
  close(): Promise<void>;
}

export interface CliHarnessOptions {
  readonly emulator?: EmulatorOptions;
  readonly proxyCredentials?: { readonly username: string; readonly password: string };
}

export const ONE_RECORD_PAYLOAD = '{"Account":{"Name":"Example"}}';

/** Starts the emulator and the proxy and creates the test folder. */
export async function startCliHarness(options: CliHarnessOptions = {}): Promise<CliHarness> {
  const emulator = await SalesforceEmulator.start(options.emulator);
  const proxy = await ConnectProxy.start({
    hostMap: emulator.hostMap(),
    credentials: options.proxyCredentials,
  });
  const folder = await mkdtemp(join(tmpdir(), 'skyvva-cli-'));
  const caFile = join(folder, 'emulator-ca.pem');
  await emulator.writeCaFile(caFile);
  const { org } = emulator;

  return {
    emulator,
    proxy,
    folder,
    caFile,
    env: { HTTPS_PROXY: proxy.url(), NODE_EXTRA_CA_CERTS: caFile },
    demoChannel: (host = 'acme.my.salesforce.com', extra = {}) => {
      const merged: Record<string, string | undefined> = {
        OAuth2Flow: 'Client-Credentials',
        AuthorizationServerURL: `https://${host}/services/oauth2/token`,
        ConsumerKey: org.consumerKey,
        ConsumerSecret: org.consumerSecret,
        ...SEND_PARAMETERS,
        ...extra,
      };
      return Object.fromEntries(
        Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
    },
    writeChannel: async (name, parameters, payload = ONE_RECORD_PAYLOAD) => {
      const path = join(folder, `${name}.skyvva.json`);
      await writeFile(path, JSON.stringify({ parameters }, null, 2));
      if (payload !== null) {
        await writeFile(join(folder, `${name}.payload.json`), payload);
      }
      return path;
    },
    close: async () => {
      await proxy.close();
      await emulator.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Returns the audit-log lines that name where the session came from. */
export function sessionOriginLines(output: string): { fresh: number; cached: number } {
  return {
    fresh: output.split('Pick up new session id from Salesforce').length - 1,
    cached: output.split('Session Id from Cache').length - 1,
  };
}
