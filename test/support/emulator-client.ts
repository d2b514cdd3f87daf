/**
 * Starts a Salesforce emulator and an HTTP client that reaches it by real host names, for engine
 * tests in one process.
 *
 *   const env = await startEmulatorWithClient({ emulator: { extraHostNames: ['x.example'] } });
 *   env.emulator.script('token', tokenError('invalid_client', 'invalid client credentials'));
 *   const response = await env.client.request({ method: 'POST', url: env.url('acme'), ... });
 *   assert.equal(env.emulator.count('token'), 1);
 *   await env.close();
 *
 * The client's dispatcher maps every host the emulator serves (`*.my.salesforce.com`,
 * `*.salesforce.com`, `*.force.com`, the extra names) to it, trusts the emulator's CA through
 * the extra-CA file, and fails any other host without a DNS query. `logger` captures every
 * line at trace level; `redactor` is the one the client uses. `close()` closes both and
 * removes the temporary CA file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DispatcherOptions, HttpClient, HttpClientOptions } from '../../src/engine/http';
import { createHttpClient } from '../../src/engine/http';
import { Redactor } from '../../src/engine/redact';
import type { EmulatorOptions } from '../../src/emulator';
import { SalesforceEmulator } from '../../src/emulator';
import type { CapturingLogger } from './capturing-logger';
import { createCapturingLogger } from './capturing-logger';

export interface EmulatorWithClient {
  readonly emulator: SalesforceEmulator;
  readonly client: HttpClient;
  readonly logger: CapturingLogger;
  readonly redactor: Redactor;
  /** A folder for the test's files that close() removes. It contains `emulator-ca.pem`. */
  readonly folder: string;
  /** The path of the emulator's CA certificate in PEM format. */
  readonly caFile: string;
  /** Returns `https://<subdomain>.my.salesforce.com<path>`. */
  url(subdomain: string, path?: string): string;
  close(): Promise<void>;
}

export interface EmulatorWithClientOptions {
  readonly emulator?: EmulatorOptions;
  /** Client options; `env` defaults to an empty environment, so no proxy applies. */
  readonly client?: Partial<DispatcherOptions & HttpClientOptions>;
}

/** Starts an emulator and a ready HTTP client for it. */
export async function startEmulatorWithClient(
  options: EmulatorWithClientOptions = {},
): Promise<EmulatorWithClient> {
  const emulator = await SalesforceEmulator.start(options.emulator);
  const folder = await mkdtemp(join(tmpdir(), 'skyvva-emulator-'));
  const caFile = join(folder, 'emulator-ca.pem');
  await emulator.writeCaFile(caFile);

  const logger = createCapturingLogger();
  const redactor = options.client?.redactor ?? new Redactor();
  const client = await createHttpClient({
    env: {},
    extraCaFile: caFile,
    loopbackHosts: emulator.hostMap(),
    logger,
    ...options.client,
    redactor,
  });

  return {
    emulator,
    client,
    logger,
    redactor,
    folder,
    caFile,
    url: (subdomain, path = '') => `https://${subdomain}.my.salesforce.com${path}`,
    close: async () => {
      await client.close();
      await emulator.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
