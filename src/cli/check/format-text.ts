import { escapeControlCharacters } from '../../engine/control-characters';
import type { EffectiveParameters } from '../../engine/effective';
import type { Finding } from '../../engine/findings';
import { MASK, Redactor } from '../../engine/redact';
import { LineIndex } from '../text-position';

/** Masks by key only, such as URL query strings; the file's secrets are masked by name. */
const displayRedactor = new Redactor();

/** Formats findings as `file:line:col severity code message`, one line each. */
export function formatFindingsText(
  path: string,
  text: string,
  findings: readonly Finding[],
): string {
  const index = new LineIndex(text);
  return findings
    .map((finding) => {
      const { line, column } = index.position(finding.range.offset);
      return `${escapeControlCharacters(path)}:${line}:${column} ${finding.severity} ${finding.code} ${finding.message}\n`;
    })
    .join('');
}

/** Formats what the module will read, secrets masked, for `--verbose`. */
export function formatEffectiveText(path: string, effective: EffectiveParameters): string {
  const lines = [
    `${escapeControlCharacters(path)}: effective parameters (flow ${effective.flow ?? 'unsupported'})`,
  ];
  for (const parameter of effective.parameters) {
    if (parameter.source === 'absent') {
      continue;
    }
    const displayValue =
      parameter.value === undefined
        ? '(ambiguous)'
        : parameter.isSecret && !parameter.value.startsWith('${')
          ? MASK
          : escapeControlCharacters(displayRedactor.redact(JSON.stringify(parameter.value)));
    const notes = [
      parameter.source === 'default' ? 'default' : undefined,
      parameter.source === 'legacy-name' ? `read from ${parameter.fileName}` : undefined,
      parameter.isIgnored ? 'ignored' : undefined,
      parameter.isKnown ? undefined : 'not a module parameter',
    ].filter((note) => note !== undefined);
    const noteText = notes.length > 0 ? ` (${notes.join(', ')})` : '';
    lines.push(`  ${escapeControlCharacters(parameter.name)}: ${displayValue}${noteText}`);
  }
  return `${lines.join('\n')}\n`;
}
