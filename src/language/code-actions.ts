import * as vscode from 'vscode';
import { analyzeText, type Analysis } from '../engine/analyze';
import { removeDuplicateFixes } from '../engine/duplicate-fix';
import { applySafeFixes } from '../engine/fix-all';
import type { Finding, Fix } from '../engine/findings';
import { planMigration } from '../engine/migration';
import { diffAsSingleEdit } from '../engine/text-edits';
import { CHANNEL_DOCUMENT_SELECTOR, isChannelDocument } from './channel-document';
import { FIX_ALL_KIND, MIGRATE_KIND } from './code-action-kinds';
import { toTextRange, toWorkspaceEdit } from './text-edits';
import { DIAGNOSTIC_SOURCE } from './to-diagnostic';

/** The command that the migration refactoring runs, so that it can ask about ignored parameters. */
export const MIGRATE_COMMAND = 'skyvva.migrateToClientCredentials';

/** Registers the quick fixes, the fix-all source action and the migration refactoring. */
export function registerCodeActions(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      CHANNEL_DOCUMENT_SELECTOR,
      new ChannelCodeActionProvider(),
      { providedCodeActionKinds: ChannelCodeActionProvider.providedKinds },
    ),
  );
}

/**
 * Offers the engine's fixes. Every request analyses the current text again and matches each
 * diagnostic to a finding by code and range, so a stale diagnostic never applies an old edit.
 */
export class ChannelCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND, MIGRATE_KIND];

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (!isChannelDocument(document)) {
      return [];
    }
    const actions: vscode.CodeAction[] = [];
    if (isRequested(context, vscode.CodeActionKind.QuickFix)) {
      actions.push(...quickFixes(document, context.diagnostics));
    }
    // Fix-all runs only on request (Source Action menu, codeActionsOnSave), never in the light bulb.
    if (context.only?.contains(FIX_ALL_KIND) === true) {
      actions.push(...fixAllAction(document));
    }
    if (isRequested(context, MIGRATE_KIND)) {
      actions.push(...migrateAction(document));
    }
    return actions;
  }
}

function isRequested(context: vscode.CodeActionContext, kind: vscode.CodeActionKind): boolean {
  return context.only === undefined || context.only.contains(kind);
}

function quickFixes(
  document: vscode.TextDocument,
  diagnostics: readonly vscode.Diagnostic[],
): vscode.CodeAction[] {
  const ours = diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
  if (ours.length === 0) {
    return [];
  }
  const analysis = analyzeText(document.getText());
  const actions: vscode.CodeAction[] = [];
  for (const diagnostic of ours) {
    const finding = findMatchingFinding(analysis, document, diagnostic);
    if (finding === undefined) {
      continue;
    }
    for (const fix of fixesOf(analysis, finding)) {
      actions.push(toQuickFix(document, diagnostic, fix));
    }
  }
  return actions;
}

function fixesOf(analysis: Analysis, finding: Finding): readonly Fix[] {
  return finding.code === 'duplicate-key' ? removeDuplicateFixes(analysis, finding) : finding.fixes;
}

/** Finds the finding of the current text that a diagnostic was made from, if it still exists. */
function findMatchingFinding(
  analysis: Analysis,
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
): Finding | undefined {
  const { offset, length } = toTextRange(document, diagnostic.range);
  return analysis.findings.find(
    (finding) =>
      finding.code === diagnostic.code &&
      finding.range.offset === offset &&
      finding.range.length === length,
  );
}

function toQuickFix(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  fix: Fix,
): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(document, fix.edits);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred;
  return action;
}

function fixAllAction(document: vscode.TextDocument): vscode.CodeAction[] {
  const text = document.getText();
  const edit = diffAsSingleEdit(text, applySafeFixes(text).text);
  if (edit === undefined) {
    return [];
  }
  const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe SKYVVA problems'), FIX_ALL_KIND);
  action.edit = toWorkspaceEdit(document, [edit]);
  return [action];
}

function migrateAction(document: vscode.TextDocument): vscode.CodeAction[] {
  const plan = planMigration(document.getText(), { removeIgnored: false });
  const isMigrationStep = (kind: string): boolean => kind !== 'safe-fixes-applied';
  if (!plan.isParsed || !plan.steps.some((step) => isMigrationStep(step.kind))) {
    return [];
  }
  const title = vscode.l10n.t('Migrate to Client-Credentials');
  const action = new vscode.CodeAction(title, MIGRATE_KIND);
  action.command = { title, command: MIGRATE_COMMAND, arguments: [document.uri] };
  return [action];
}
