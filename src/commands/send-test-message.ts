import * as vscode from 'vscode';
import type { SendRunResult } from '../engine/channel-engine';
import type { Payload } from '../engine/skyvva/payload';
import { fileName, runOnChannel } from '../vscode-engine/channel-run';
import type { NetworkCommandOptions } from '../vscode-engine/channel-run';
import { readNetworkCommandOptions, toUri } from '../vscode-engine/command-arguments';
import { describeFailure } from '../vscode-engine/failures';
import { findPayloadFile, loadPayload, pickPayloadFile } from '../vscode-engine/payload-file';
import type { RunServices } from '../vscode-engine/run-services';
import { ensureTrusted } from '../vscode-engine/workspace-trust';
import { resolveChannelDocument } from './channel-target';
import { SEND_TEST_MESSAGE_COMMAND } from '../vscode-engine/engine-command-ids';

/**
 * Registers Send Test Message. Arguments, all optional: the channel file's URI (else the active
 * editor's file), the payload file's URI (else the sibling `<name>.payload.json` or `.xml`,
 * the payload folder, or a file dialog) and NetworkCommandOptions. Returns the run's result,
 * or undefined when the message was not sent or the run was cancelled.
 */
export function registerSendTestMessageCommand(
  context: vscode.ExtensionContext,
  services: RunServices,
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      SEND_TEST_MESSAGE_COMMAND,
      (target?: unknown, payload?: unknown, options?: unknown) =>
        sendTestMessage(services, log, target, payload, readNetworkCommandOptions(options)),
    ),
  );
}

async function sendTestMessage(
  services: RunServices,
  log: vscode.LogOutputChannel,
  target: unknown,
  payloadTarget: unknown,
  options: NetworkCommandOptions,
): Promise<SendRunResult | undefined> {
  const title = vscode.l10n.t('Send Test Message');
  if (!ensureTrusted(title, services.notifier)) {
    return undefined;
  }
  const document = await resolveChannelDocument(target, log);
  if (document === undefined) {
    return undefined;
  }
  const payload = await readPayloadFor(services, document.uri, payloadTarget, title);
  if (payload === undefined) {
    return undefined;
  }
  const result = await runOnChannel(services, {
    title,
    document,
    purpose: 'send',
    options,
    execute: (engine, config, runOptions) => engine.sendTestMessage(config, payload, runOptions),
  });
  if (result !== undefined) {
    reportResult(services, document.uri, result);
  }
  return result;
}

async function readPayloadFor(
  services: RunServices,
  channelUri: vscode.Uri,
  payloadTarget: unknown,
  title: string,
): Promise<Payload | undefined> {
  const uri =
    toUri(payloadTarget) ??
    (await findPayloadFile(channelUri)) ??
    (await pickPayloadFile(channelUri));
  if (uri === undefined) {
    services.logger.info(`${title} for ${fileName(channelUri)}: no payload was chosen.`);
    return undefined;
  }
  try {
    return await loadPayload(uri);
  } catch (error) {
    const message = describeFailure(error, services.redactor);
    services.notifier.error(vscode.l10n.t('{0} failed: {1}', title, message));
    return undefined;
  }
}

function reportResult(services: RunServices, uri: vscode.Uri, result: SendRunResult): void {
  const name = fileName(uri);
  const total = result.packages.length;
  if (result.status === 'success') {
    services.notifier.info(
      vscode.l10n.t('Test message for {0} sent: {1} of {1} packages succeeded.', name, total),
    );
    return;
  }
  const failed = result.packages.filter((item) => item.status !== 'success').length;
  services.notifier.error(
    vscode.l10n.t(
      'Test message for {0} failed in {1} of {2} packages; the audit log shows each result.',
      name,
      failed,
      total,
    ),
  );
}
