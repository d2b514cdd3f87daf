import type { Finding } from '../../engine/findings';
import { LineIndex } from '../text-position';

/** A finding with one-based line and column positions, as the JSON output lists it. */
export interface JsonFinding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly tags: readonly string[];
  readonly fixes: readonly string[];
}

/** Converts findings to the JSON output's shape, positions one-based. */
export function toJsonFindings(text: string, findings: readonly Finding[]): JsonFinding[] {
  const index = new LineIndex(text);
  return findings.map((finding) => {
    const start = index.position(finding.range.offset);
    const end = index.position(finding.range.offset + finding.range.length);
    return {
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      tags: finding.tags,
      fixes: finding.fixes.map((fix) => fix.title),
    };
  });
}
