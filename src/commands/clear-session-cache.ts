import * as vscode from 'vscode';
import { createHttpClient } from '../engine/http';
import { describeFailure, isCancellation } from '../vscode-engine/failures';
import { revokeSessions } from '../vscode-engine/revoke-sessions';
import type { RunServices } from '../vscode-engine/run-services';
import { ensureTrusted } from '../vscode-engine/workspace-trust';
import { CLEAR_SESSION_CACHE_COMMAND } from '../vscode-engine/engine-command-ids';

/** The outcome of Clear Session Cache. */
export interface ClearResult {
  readonly removed: number;
  /** Sessions that Salesforce confirmed as revoked; 0 without `revoke`. */
  readonly revoked: number;
}

/**
 * Registers Clear Session Cache, which removes every cached session from VS Code secret
 * storage. The argument `{ revoke: boolean }` sets whether to revoke the sessions at
 * Salesforce first; without it the command asks. Returns undefined when nothing was done.
 */
export function registerClearSessionCacheCommand(
  context: vscode.ExtensionContext,
  services: RunServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CLEAR_SESSION_CACHE_COMMAND, (options?: unknown) =>
      clearSessionCache(services, readRevoke(options)),
    ),
  );
}

function readRevoke(options: unknown): boolean | undefined {
  const revoke = (options as { revoke?: unknown } | undefined)?.revoke;
  return typeof revoke === 'boolean' ? revoke : undefined;
}

async function clearSessionCache(
  services: RunServices,
  revokeOption: boolean | undefined,
): Promise<ClearResult | undefined> {
  const revoke = revokeOption ?? (await askRevoke());
  if (revoke === undefined) {
    return undefined;
  }
  let revoked = 0;
  if (revoke) {
    if (!ensureTrusted(vscode.l10n.t('Revoking sessions'), services.notifier)) {
      return undefined;
    }
    const count = await revokeWithProgress(services).catch((error: unknown) => {
      const message = describeFailure(error, services.redactor);
      services.notifier.error(vscode.l10n.t('Revoking the cached sessions failed: {0}', message));
      return undefined;
    });
    if (count === undefined) {
      return undefined;
    }
    revoked = count;
  }
  const removed = await services.store.clear();
  services.status.clear();
  services.notifier.info(
    revoke
      ? vscode.l10n.t('Removed {0} cached sessions; Salesforce revoked {1}.', removed, revoked)
      : vscode.l10n.t('Removed {0} cached sessions.', removed),
  );
  return { removed, revoked };
}

/** Asks whether to revoke; undefined when the dialog was closed. */
async function askRevoke(): Promise<boolean | undefined> {
  const clear = vscode.l10n.t('Clear');
  const revokeAndClear = vscode.l10n.t('Revoke and Clear');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Clear the cached Salesforce sessions?'),
    {
      modal: true,
      detail: vscode.l10n.t(
        'The next token request or test message logs in again. "Revoke and Clear" also ends the sessions at Salesforce.',
      ),
    },
    clear,
    revokeAndClear,
  );
  return choice === undefined ? undefined : choice === revokeAndClear;
}

/** Revokes every cached session; undefined when the user cancelled. */
async function revokeWithProgress(services: RunServices): Promise<number | undefined> {
  const options = {
    location: vscode.ProgressLocation.Notification,
    title: vscode.l10n.t('SKYVVA: revoking cached sessions'),
    cancellable: true,
  };
  return vscode.window.withProgress(options, async (_progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    const client = await createHttpClient({
      ...services.network.read(),
      redactor: services.redactor,
      logger: services.logger,
    });
    try {
      const sessions = await services.store.sessions();
      sessions.forEach(({ session }) => services.redactor.addSecret(session.accessToken));
      return await revokeSessions(sessions, client, services.logger, controller.signal);
    } catch (error) {
      if (isCancellation(error, controller.signal)) {
        services.logger.info('Revoking the cached sessions was cancelled.');
        return undefined;
      }
      throw error;
    } finally {
      subscription.dispose();
      await (controller.signal.aborted ? client.dispatcher.destroy() : client.close());
    }
  });
}
