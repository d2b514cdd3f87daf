import { createHostAllowList } from '../engine/auth/credential-host';
import { ChannelEngine } from '../engine/channel-engine';
import type { RunOptions } from '../engine/channel-engine';
import type { RunConfig } from '../engine/config';
import { createHttpClient } from '../engine/http';
import type { HttpClient } from '../engine/http';
import type { Logger } from '../engine/logger';
import type { Redactor } from '../engine/redact';
import { createHttpTransport } from '../engine/salesforce/transport';
import { FileSessionStore } from '../engine/session/file-session-store';
import { startEmulatorMode } from './emulator-mode';
import type { EmulatorMode } from './emulator-mode';
import { resolveCacheDirectory } from './engine-options';
import type { EngineCommandOptions } from './engine-options';
import { CliError } from './failure';
import type { CliIo } from './io';
import { TOOL_VERSION } from './version';

/** The engine of one `token` or `send` run, with the options to pass to each of its calls. */
export interface EngineRun {
  readonly engine: ChannelEngine;
  readonly runOptions: RunOptions;
  /** Ends the HTTP client, and the emulator of an `--emulator` run. */
  close(): Promise<void>;
}

export interface EngineRunInputs {
  readonly config: RunConfig;
  readonly options: EngineCommandOptions;
  readonly io: CliIo;
  /** The run's one redactor, shared by the HTTP client, the engine and the CLI's output. */
  readonly redactor: Redactor;
  readonly logger: Logger;
}

/**
 * Builds the engine for one run: an HTTP client configured from the environment (proxy
 * variables and NODE_EXTRA_CA_CERTS), or for the in-process emulator under `--emulator`, the
 * file session store, and the `--allow-host` list.
 */
export async function startEngineRun(inputs: EngineRunInputs): Promise<EngineRun> {
  const { config, options, io, redactor, logger } = inputs;
  const emulator = options.emulator ? await startEmulatorFor(config, logger) : undefined;
  let client: HttpClient;
  try {
    client = await createHttpClient({
      // Under --emulator the environment is ignored, because a proxy from it would carry the
      // demo credentials towards the real host.
      env: emulator === undefined ? io.env : {},
      loopbackHosts: emulator?.hostMap,
      extraCaFile: emulator?.caFile,
      redactor,
      logger,
    });
  } catch (error) {
    await emulator?.close();
    throw error;
  }
  logNetworkSettings(client, logger);
  if (emulator !== undefined) {
    logger.debug('--emulator ignores HTTPS_PROXY, HTTP_PROXY, NO_PROXY and NODE_EXTRA_CA_CERTS.');
  }
  const directory = resolveCacheDirectory(options, io);
  logRunOptions(options, directory, logger);
  const engine = new ChannelEngine({
    transport: createHttpTransport(client),
    store: new FileSessionStore({ directory, logger }),
    redactor,
    toolVersion: TOOL_VERSION,
    logger,
    approveHost: createHostAllowList(options.allowHost ?? []),
  });
  const runOptions: RunOptions = {
    renew: options.renew,
    retryBudgetOverride: options.retryBudget,
    onAuditLine: (line) => io.stdout(`${line}\n`),
    signal: io.signal,
  };
  const close = async (): Promise<void> => {
    // After Ctrl-C, running requests are cut off instead of awaited.
    await (io.signal?.aborted === true ? client.dispatcher.destroy() : client.close());
    await emulator?.close();
  };
  return { engine, runOptions, close };
}

async function startEmulatorFor(config: RunConfig, logger: Logger): Promise<EmulatorMode> {
  const host = new URL(config.tokenUrl).hostname;
  const emulator = await startEmulatorMode(logger);
  if (!emulator.servesHost(host)) {
    await emulator.close();
    throw new CliError(
      `--emulator serves Salesforce host names such as acme.my.salesforce.com and localhost, ` +
        `not ${host} from AuthorizationServerURL; use such a host or run without --emulator.`,
    );
  }
  return emulator;
}

function logNetworkSettings(client: HttpClient, logger: Logger): void {
  const { proxy } = client.dispatcher.settings;
  const proxies = [
    `HTTPS ${proxy.httpsProxy?.href ?? 'direct'}`,
    `HTTP ${proxy.httpProxy?.href ?? 'direct'}`,
    `NO_PROXY ${proxy.noProxy.length > 0 ? proxy.noProxy.join(',') : '(none)'}`,
  ];
  logger.debug(`Proxy settings: ${proxies.join('; ')}`);
}

function logRunOptions(options: EngineCommandOptions, directory: string, logger: Logger): void {
  const budget =
    options.retryBudget === undefined ? 'read from the SKYVVA Interface' : options.retryBudget;
  const hosts = options.allowHost?.join(', ') || '(none)';
  logger.debug(`Session cache directory: ${directory}`);
  logger.debug(
    `Retry budget: ${budget}; renew: ${options.renew ? 'yes' : 'no'}; allowed hosts: ${hosts}`,
  );
}
