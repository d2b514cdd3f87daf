import * as vscode from 'vscode';
import { registerClearSessionCacheCommand } from '../commands/clear-session-cache';
import { registerFetchTokenCommand } from '../commands/fetch-token';
import { registerSendTestMessageCommand } from '../commands/send-test-message';
import { registerStoreSecretCommand } from '../commands/store-secret';
import { SHOW_AUDIT_LOG_COMMAND } from './engine-command-ids';
import { createRunServices } from './run-services';
import type { SessionStatusBar } from './session-status';

/**
 * Registers the commands that run the engine: Fetch Token, Send Test Message, Clear Session
 * Cache, Store Secret and Show Audit Log, with the audit log. The session status bar item
 * comes from the activation, so it shows before the first engine command.
 * This module is bundled apart (dist/engine-commands.js) and loaded on the first such command,
 * so activating the extension never loads the network stack.
 */
export function registerEngineCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  status: SessionStatusBar,
): void {
  const services = createRunServices(context, log, status);
  registerFetchTokenCommand(context, services, log);
  registerSendTestMessageCommand(context, services, log);
  registerClearSessionCacheCommand(context, services);
  registerStoreSecretCommand(context, services);
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_AUDIT_LOG_COMMAND, () => services.audit.show()),
  );
}
