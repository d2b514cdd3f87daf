import * as vscode from 'vscode';
import type { TokenRunResult } from '../engine/channel-engine';
import { fileName, runOnChannel } from '../vscode-engine/channel-run';
import type { NetworkCommandOptions } from '../vscode-engine/channel-run';
import { readNetworkCommandOptions } from '../vscode-engine/command-arguments';
import type { RunServices } from '../vscode-engine/run-services';
import { ensureTrusted } from '../vscode-engine/workspace-trust';
import { resolveChannelDocument } from './channel-target';
import { FETCH_TOKEN_COMMAND } from '../vscode-engine/engine-command-ids';

/**
 * Registers Fetch Token. Arguments, all optional: the channel file's URI (else the active
 * editor's file) and NetworkCommandOptions. Returns the run's result, which never contains
 * the access token, or undefined when the run failed or was cancelled.
 */
export function registerFetchTokenCommand(
  context: vscode.ExtensionContext,
  services: RunServices,
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(FETCH_TOKEN_COMMAND, (target?: unknown, options?: unknown) =>
      fetchToken(services, log, target, readNetworkCommandOptions(options)),
    ),
  );
}

async function fetchToken(
  services: RunServices,
  log: vscode.LogOutputChannel,
  target: unknown,
  options: NetworkCommandOptions,
): Promise<TokenRunResult | undefined> {
  const title = vscode.l10n.t('Fetch Token');
  if (!ensureTrusted(title, services.notifier)) {
    return undefined;
  }
  const document = await resolveChannelDocument(target, log);
  if (document === undefined) {
    return undefined;
  }
  const result = await runOnChannel(services, {
    title,
    document,
    purpose: 'token',
    options,
    execute: (engine, config, runOptions) => engine.fetchToken(config, runOptions),
  });
  if (result !== undefined) {
    services.notifier.info(describeToken(document.uri, result));
  }
  return result;
}

function describeToken(uri: vscode.Uri, result: TokenRunResult): string {
  const name = fileName(uri);
  if (result.origin === 'cache') {
    return vscode.l10n.t(
      'Session {0} for {1} is from the cache; instance {2}.',
      result.sessionFingerprint,
      name,
      result.instanceUrl,
    );
  }
  return vscode.l10n.t(
    'Salesforce issued session {0} for {1}; instance {2}.',
    result.sessionFingerprint,
    name,
    result.instanceUrl,
  );
}
