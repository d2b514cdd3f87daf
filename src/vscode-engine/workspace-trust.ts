import * as vscode from 'vscode';
import type { Notifier } from './notifier';

/**
 * Returns whether the workspace is trusted, and otherwise explains why the command does
 * nothing. Network commands send credentials from workspace files to the hosts those files
 * name, so they run only in a trusted workspace. Diagnostics work in every workspace.
 */
export function ensureTrusted(commandTitle: string, notifier: Notifier): boolean {
  if (vscode.workspace.isTrusted) {
    return true;
  }
  const manage = vscode.l10n.t('Manage Workspace Trust');
  notifier.warn(
    vscode.l10n.t(
      '{0} is disabled in Restricted Mode, because it sends credentials from workspace files over the network. Trust the workspace to use it.',
      commandTitle,
    ),
    [
      {
        title: manage,
        run: () => vscode.commands.executeCommand('workbench.trust.manage'),
      },
    ],
  );
  return false;
}
