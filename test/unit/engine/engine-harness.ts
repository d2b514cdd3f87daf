import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzeBytes, analyzeText } from '../../../src/engine/analyze';
import { createHostAllowList } from '../../../src/engine/auth/credential-host';
import type { Purpose } from '../../../src/engine/catalogue';
import { ChannelEngine } from '../../../src/engine/channel-engine';
import type { ChannelEngineOptions, RunOptions } from '../../../src/engine/channel-engine';
import { loadRunConfig } from '../../../src/engine/config';
import type { RunConfig } from '../../../src/engine/config';
import type { ScriptedResponse } from '../../../src/emulator';
import { Redactor } from '../../../src/engine/redact';
import { createHttpTransport } from '../../../src/engine/salesforce/transport';
import { createCliSecretResolver } from '../../../src/engine/secrets';
import type { SecretResolver } from '../../../src/engine/secrets';
import { FileSessionStore } from '../../../src/engine/session/file-session-store';
import type { Timing } from '../../../src/engine/timing';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

/** Send parameters that every test channel gets unless it overrides them. */
export const SHARED_PARAMETERS: Readonly<Record<string, string>> = {
  Integration: 'INT_TEST',
  Inteface: 'IF_TEST',
  Operation: 'Skyvva Bulk',
  BulkPackageSize: '5',
  AppVersion: '2.48',
  'SessionPooling.Active': 'X',
  SessionGlobalFilePath: '/usr/sap/TST/SYS/global',
};

/** Returns channel file text with the shared parameters, the given ones winning. */
export function channelText(
  parameters: Readonly<Record<string, string | undefined>>,
  options: { withShared?: boolean } = {},
): string {
  const merged: Record<string, string> =
    options.withShared === false ? {} : { ...SHARED_PARAMETERS };
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined) {
      delete merged[name];
    } else {
      merged[name] = value;
    }
  }
  return JSON.stringify({ parameters: merged }, null, 2);
}

/** Returns the parameters of a Client-Credentials channel whose token URL is on `host`. */
export function clientCredentials(
  host: string,
  secret: string,
  extra: Record<string, string | undefined> = {},
) {
  return {
    OAuth2Flow: 'Client-Credentials',
    AuthorizationServerURL: `https://${host}/services/oauth2/token`,
    ConsumerKey: `CK-${host.split('.')[0].toUpperCase()}`,
    ConsumerSecret: secret,
    ...extra,
  };
}

export const noSecrets: SecretResolver = createCliSecretResolver({ env: {}, prompt: undefined });

/** Analyses channel text and loads its run configuration. */
export async function configFromText(
  text: string,
  purpose: Purpose,
  redactor: Redactor,
  resolver: SecretResolver = noSecrets,
): Promise<RunConfig> {
  return loadRunConfig(analyzeText(text), purpose, { resolver, redactor });
}

/** Analyses channel bytes and loads its run configuration. */
export async function configFromBytes(
  bytes: Uint8Array,
  purpose: Purpose,
  redactor: Redactor,
): Promise<RunConfig> {
  return loadRunConfig(analyzeBytes(bytes), purpose, { resolver: noSecrets, redactor });
}

/** A clock that advances only when the engine waits, so backoff needs no real time. */
export class FakeTiming implements Timing {
  readonly sleeps: number[] = [];
  private clock = 1_700_000_000_000;

  constructor(private readonly randomValue = 0.5) {}

  now(): number {
    return this.clock;
  }

  random(): number {
    return this.randomValue;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.clock += ms;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface EngineHarness {
  readonly env: EmulatorWithClient;
  readonly engine: ChannelEngine;
  readonly store: FileSessionStore;
  readonly cacheDir: string;
  readonly redactor: Redactor;
  readonly auditLines: string[];
  /** Creates another engine on the same emulator, store and redactor, as a second run would. */
  newEngine(overrides?: Partial<ChannelEngineOptions>): ChannelEngine;
  config(parameters: Record<string, string | undefined>, purpose?: Purpose): Promise<RunConfig>;
  /** Everything the engine wrote: log lines at every level and audit lines. */
  allOutput(): string;
  runOptions(extra?: RunOptions): RunOptions;
  /** Scripts the retry-budget query to return `budget` for every session, valid or not. */
  answerBudget(budget: number): void;
  /** Returns to a fresh start between tests: emulator, audit lines, cache files and sessions. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly extraHostNames?: readonly string[];
  readonly allowHosts?: readonly string[];
  readonly timing?: Timing;
  readonly lockStaleMs?: number;
}

/** Starts the emulator, an HTTP client for it and an engine with a fresh cache directory. */
export async function startHarness(options: HarnessOptions = {}): Promise<EngineHarness> {
  const redactor = new Redactor();
  const env = await startEmulatorWithClient({
    emulator: { extraHostNames: options.extraHostNames },
    client: { redactor },
  });
  const cacheDir = join(await mkdtemp(join(tmpdir(), 'skyvva-engine-')), 'cache');
  const store = new FileSessionStore({
    directory: cacheDir,
    logger: env.logger,
    lockStaleMs: options.lockStaleMs,
  });
  const auditLines: string[] = [];
  const newEngine = (overrides: Partial<ChannelEngineOptions> = {}) =>
    new ChannelEngine({
      transport: createHttpTransport(env.client),
      store,
      redactor,
      toolVersion: '0.1.0',
      logger: env.logger,
      timing: options.timing,
      approveHost: createHostAllowList(options.allowHosts ?? []),
      ...overrides,
    });
  const engine = newEngine();
  return {
    env,
    engine,
    store,
    cacheDir,
    redactor,
    auditLines,
    newEngine,
    config: (parameters, purpose = 'send') =>
      configFromText(channelText(parameters), purpose, redactor),
    allOutput: () => [env.logger.text(), ...auditLines].join('\n'),
    runOptions: (extra = {}) => ({ onAuditLine: (line) => auditLines.push(line), ...extra }),
    answerBudget: (budget) => {
      const answer: ScriptedResponse = {
        times: Infinity,
        status: 200,
        body: {
          totalSize: 1,
          done: true,
          records: [{ skyvvasolutions__Max_Number_Of_API_Retry__c: budget }],
        },
      };
      env.emulator.script('query', answer);
    },
    reset: async () => {
      env.emulator.reset();
      auditLines.length = 0;
      await store.clear();
      // The engine keeps the last session in memory; clearing the files alone would not end it.
      engine.forgetSessions();
    },
    close: async () => {
      await env.close();
      await rm(join(cacheDir, '..'), { recursive: true, force: true });
    },
  };
}

/** A one-record JSON payload. */
export const ONE_RECORD = { format: 'JSON' as const, text: '{"Account":{"Name":"Example"}}' };

/** Returns the error a promise rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
