import * as vscode from 'vscode';
import type { Finding, FindingTag, Severity, TextRange } from '../engine/findings';

/** The `source` of every diagnostic the extension publishes. */
export const DIAGNOSTIC_SOURCE = 'skyvva';

const SEVERITIES: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const TAGS: Readonly<Record<FindingTag, vscode.DiagnosticTag>> = {
  deprecated: vscode.DiagnosticTag.Deprecated,
  unnecessary: vscode.DiagnosticTag.Unnecessary,
};

/** Converts a range of UTF-16 offsets into the document's line and character positions. */
export function toRange(document: vscode.TextDocument, range: TextRange): vscode.Range {
  const start = document.positionAt(range.offset);
  const end = document.positionAt(range.offset + range.length);
  return new vscode.Range(start, end);
}

/** Converts a finding on the document's text into a diagnostic. */
export function toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toRange(document, finding.range),
    finding.message,
    SEVERITIES[finding.severity],
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  if (finding.tags.length > 0) {
    diagnostic.tags = finding.tags.map((tag) => TAGS[tag]);
  }
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(document.uri, toRange(document, related.range)),
          related.message,
        ),
    );
  }
  return diagnostic;
}
