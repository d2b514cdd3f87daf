import * as vscode from 'vscode';
import { applySafeFixes } from '../engine/fix-all';
import { diffAsSingleEdit } from '../engine/text-edits';
import { toWorkspaceEdit } from '../language/text-edits';
import { reportError, reportInformation, resolveChannelDocument } from './channel-target';

export const FIX_ALL_COMMAND = 'skyvva.fixAll';

/** The outcome of Fix All Problems, returned for callers such as tests. */
export interface FixAllOutcome {
  readonly appliedCount: number;
}

/** Registers Fix All Problems: every safe fix of a channel file, in one undoable edit. */
export function registerFixAllCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(FIX_ALL_COMMAND, (target?: unknown) => fixAll(target, log)),
  );
}

async function fixAll(
  target: unknown,
  log: vscode.LogOutputChannel,
): Promise<FixAllOutcome | undefined> {
  const document = await resolveChannelDocument(target, log);
  if (document === undefined) {
    return undefined;
  }
  const text = document.getText();
  const result = applySafeFixes(text);
  const edit = diffAsSingleEdit(text, result.text);
  const name = vscode.workspace.asRelativePath(document.uri);
  if (edit === undefined) {
    reportInformation(log, vscode.l10n.t('{0} has no problems with a safe fix.', name));
    return { appliedCount: 0 };
  }
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, [edit])))) {
    reportError(log, vscode.l10n.t('Applying the fixes to {0} failed.', name));
    return undefined;
  }
  reportInformation(
    log,
    vscode.l10n.t('Applied {0} safe fixes to {1}.', result.appliedCount, name),
  );
  if (!result.isStable) {
    log.warn(`Fix-all on ${name} stopped after ${result.rounds} rounds with safe fixes left.`);
  }
  return { appliedCount: result.appliedCount };
}
