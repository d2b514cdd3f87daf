import * as path from 'node:path';
import * as vscode from 'vscode';
import { ENGINE_COMMANDS } from './engine-command-ids';
import type * as EngineCommandsModule from './engine-commands';
import { registerMoveToSecretAction } from './move-to-secret-action';
import { SessionStatusBar } from './session-status';

/** The bundle beside dist/extension.js that contains the engine commands and the network stack. */
const ENGINE_COMMANDS_BUNDLE = 'engine-commands.js';

/**
 * Registers what runs the engine from VS Code. The "Move to secret storage" quick fix and the
 * session status bar item are set up at once. Each engine command gets a stand-in that loads the engine bundle on first
 * use, replaces itself with the real command and runs it again. Activation therefore loads no
 * network code.
 */
export function registerEngineFeatures(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): void {
  registerMoveToSecretAction(context);
  const status = new SessionStatusBar();
  context.subscriptions.push(status);
  const standIns = ENGINE_COMMANDS.map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      loadEngineCommands();
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  let isLoaded = false;
  const loadEngineCommands = (): void => {
    if (isLoaded) {
      return;
    }
    isLoaded = true;
    standIns.forEach((standIn) => standIn.dispose());
    const bundle = path.join(__dirname, ENGINE_COMMANDS_BUNDLE);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const engineCommands = require(bundle) as typeof EngineCommandsModule;
    engineCommands.registerEngineCommands(context, log, status);
  };
  context.subscriptions.push(...standIns);
}
