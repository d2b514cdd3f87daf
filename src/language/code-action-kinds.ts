import * as vscode from 'vscode';

/** `source.fixAll.skyvva`: every safe fix, for the Source Action menu and `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('skyvva');

/** `refactor.rewrite.skyvva.migrate`: the migration to Client-Credentials. */
export const MIGRATE_KIND =
  vscode.CodeActionKind.RefactorRewrite.append('skyvva').append('migrate');
