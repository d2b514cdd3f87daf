import { findByLegacyName, findParameter } from '../catalogue';
import type { Finding } from '../findings';
import type { RuleContext } from './context';
import { isRead, nameFinding } from './name-rules';
import { flowNotSetFindings, missingParameterFindings, sessionFindings } from './presence-rules';
import { valueFinding } from './value-pipeline';

/** Runs every parameter rule: names, values, then what is missing from the file. */
export function runRules(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const entry of context.document.entries) {
    const current = findParameter(entry.name);
    const legacy = current === undefined ? findByLegacyName(entry.name) : undefined;
    const name = nameFinding(entry, context, current, legacy);
    if (name !== undefined) {
      findings.push(name);
    }
    if (entry.isDuplicate) {
      continue;
    }
    const definition = current ?? legacy;
    const isChecked = isRead(definition, context) || entry.name.startsWith('pwd');
    const value = isChecked ? valueFinding(entry, definition, context) : undefined;
    if (value !== undefined) {
      findings.push(value);
    }
  }
  findings.push(...missingParameterFindings(context));
  findings.push(...flowNotSetFindings(context));
  findings.push(...sessionFindings(context));
  return findings;
}
