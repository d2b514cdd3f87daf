import * as vscode from 'vscode';
import { registerClearSessionCacheCommand } from '../commands/clear-session-cache';
import { registerFetchTokenCommand } from '../commands/fetch-token';
import { registerSendTestMessageCommand } from '../commands/send-test-message';
import { registerStoreSecretCommand } from '../commands/store-secret';
import { registerMoveToSecretAction } from './move-to-secret-action';
import { createRunServices } from './run-services';
import { SHOW_AUDIT_LOG_COMMAND } from './session-status';

/**
 * Registers what runs the engine from VS Code: Fetch Token, Send Test Message, Clear Session
 * Cache, Store Secret, Show Audit Log, the "Move to secret storage" quick fix, the audit log
 * and the session status bar item.
 */
export function registerEngineFeatures(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): void {
  const services = createRunServices(context, log);
  registerFetchTokenCommand(context, services, log);
  registerSendTestMessageCommand(context, services, log);
  registerClearSessionCacheCommand(context, services);
  registerStoreSecretCommand(context, services);
  registerMoveToSecretAction(context);
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_AUDIT_LOG_COMMAND, () => services.audit.show()),
  );
}
