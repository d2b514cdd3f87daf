import * as vscode from 'vscode';
import type { TextEdit } from '../engine/findings';
import { toRange } from './to-diagnostic';

/** Converts engine edits on the document's current text into one workspace edit. */
export function toWorkspaceEdit(
  document: vscode.TextDocument,
  edits: readonly TextEdit[],
): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    workspaceEdit.replace(document.uri, toRange(document, edit), edit.newText);
  }
  return workspaceEdit;
}

/** Converts a VS Code range into the engine's UTF-16 offset and length. */
export function toTextRange(
  document: vscode.TextDocument,
  range: vscode.Range,
): { offset: number; length: number } {
  const offset = document.offsetAt(range.start);
  return { offset, length: document.offsetAt(range.end) - offset };
}
