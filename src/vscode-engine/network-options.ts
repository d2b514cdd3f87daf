import { isAbsolute } from 'node:path';
import * as vscode from 'vscode';
import type { DispatcherOptions } from '../engine/http';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_RESPONSE_TIMEOUT_MS } from '../engine/http';
import type { Logger } from '../engine/logger';

/** The network part of the HTTP client options, read from the settings and the environment. */
export type NetworkOptions = Pick<
  DispatcherOptions,
  'env' | 'proxyUrl' | 'noProxy' | 'extraCaFile' | 'connectTimeoutMs' | 'responseTimeoutMs'
>;

/** An error for a network setting whose value no request can use. */
export class NetworkSettingError extends Error {
  override readonly name = 'NetworkSettingError';
}

/**
 * Reads the HTTP client options of a run. The proxy comes from `http.proxy`, else from
 * HTTPS_PROXY or HTTP_PROXY in the extension host's environment, and `http.noProxy` adds to
 * NO_PROXY. The `skyvva.network.*` settings are machine-scoped, so VS Code ignores workspace
 * values and a workspace cannot redirect traffic or trust a CA.
 */
export class NetworkSettingsReader {
  private hasReportedStrictSsl = false;

  constructor(
    private readonly logger: Logger,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  read(): NetworkOptions {
    const http = vscode.workspace.getConfiguration('http');
    const network = vscode.workspace.getConfiguration('skyvva.network');
    this.reportStrictSsl(http.get<boolean>('proxyStrictSSL', true));

    const proxyUrl = http.get<string>('proxy', '').trim();
    return {
      env: this.env,
      proxyUrl: proxyUrl === '' ? undefined : proxyUrl,
      noProxy: http.get<string[]>('noProxy', []).filter((entry) => typeof entry === 'string'),
      extraCaFile: readCaFile(network.get<string>('extraCaFile', '')),
      connectTimeoutMs: readSeconds(network, 'connectTimeoutSeconds', DEFAULT_CONNECT_TIMEOUT_MS),
      responseTimeoutMs: readSeconds(
        network,
        'responseTimeoutSeconds',
        DEFAULT_RESPONSE_TIMEOUT_MS,
      ),
    };
  }

  // NOTE: TLS verification stays on whatever the value of http.proxyStrictSSL, because the
  // engine sends credentials. The setting is only logged.
  private reportStrictSsl(isStrict: boolean): void {
    if (isStrict || this.hasReportedStrictSsl) {
      return;
    }
    this.hasReportedStrictSsl = true;
    this.logger.warn(
      'http.proxyStrictSSL is false; SKYVVA Channel Tools ignores it and always verifies TLS ' +
        'certificates. Add a private CA with the setting skyvva.network.extraCaFile.',
    );
  }
}

function readCaFile(value: string): string | undefined {
  const path = value.trim();
  if (path === '') {
    return undefined;
  }
  if (!isAbsolute(path)) {
    throw new NetworkSettingError(
      vscode.l10n.t(
        'The setting skyvva.network.extraCaFile must be an absolute path to a PEM file, not "{0}".',
        path,
      ),
    );
  }
  return path;
}

function readSeconds(
  section: vscode.WorkspaceConfiguration,
  name: string,
  defaultMs: number,
): number {
  const seconds = section.get<number>(name);
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
    return defaultMs;
  }
  return Math.round(seconds * 1000);
}
