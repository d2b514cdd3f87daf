import type { Analysis } from './analyze';
import { isSecretName } from './catalogue';
import type { Finding, Fix } from './findings';
import { makeFix, removePropertyEdit } from './fixes';

/**
 * Builds the fix that removes the occurrence of a duplicate parameter that a `duplicate-key`
 * finding points at. Returns no fix for duplicates outside `parameters`, such as in `channel`.
 */
export function removeDuplicateFixes(analysis: Analysis, finding: Finding): Fix[] {
  if (finding.code !== 'duplicate-key') {
    return [];
  }
  const entry = analysis.document.entries.find(
    (candidate) =>
      candidate.nameRange.offset === finding.range.offset &&
      candidate.nameRange.length === finding.range.length,
  );
  if (entry === undefined) {
    return [];
  }
  // The title names the value to distinguish the occurrences, unless the value is secret.
  const isShown = entry.value !== undefined && !isSecretName(entry.name);
  const value = isShown ? `: ${JSON.stringify(entry.value)}` : '';
  return [
    makeFix(`Remove this '${entry.name}'${value}`, [removePropertyEdit(analysis.document, entry)]),
  ];
}
