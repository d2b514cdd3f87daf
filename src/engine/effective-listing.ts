import type { Analysis } from './analyze';
import type { EffectiveParameter } from './effective';
import { MASK, Redactor } from './redact';
import { parseSecretReference } from './secrets';

/**
 * Formats what the module will read from a channel file, one `Name: value` line per parameter
 * with notes on defaults, legacy names and ignored parameters. Secret values are masked and
 * secret references shown as written; other values pass the redactor, which masks URL query
 * strings and credential-looking fields.
 */
export function formatEffectiveListing(fileName: string, analysis: Analysis): string {
  const { effective } = analysis;
  const flow =
    effective.flow ?? `unsupported OAuth2Flow value ${JSON.stringify(effective.flowValue)}`;
  const lines = [`# Effective parameters of ${fileName}`, `# Flow: ${flow}`];
  if (!analysis.parsed) {
    lines.push('#', '# The file has errors that stop the module from reading it; fix them first.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('');
  const redactor = new Redactor();
  for (const parameter of effective.parameters) {
    if (parameter.isSecret && parameter.value !== undefined) {
      redactor.addSecret(parameter.value);
    }
  }
  for (const parameter of effective.parameters) {
    if (parameter.source !== 'absent') {
      lines.push(formatParameter(parameter, redactor));
    }
  }
  const absent = effective.parameters.filter((parameter) => parameter.source === 'absent');
  if (absent.length > 0) {
    lines.push('', `# Not set: ${absent.map((parameter) => parameter.name).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatParameter(parameter: EffectiveParameter, redactor: Redactor): string {
  const notes = [
    parameter.source === 'default' ? 'default' : undefined,
    parameter.source === 'legacy-name'
      ? `read from the legacy name ${parameter.fileName}`
      : undefined,
    parameter.isIgnored ? 'ignored by this flow' : undefined,
    parameter.isKnown ? undefined : 'not a module parameter, carried along unused',
  ].filter((note) => note !== undefined);
  const suffix = notes.length > 0 ? `    (${notes.join('; ')})` : '';
  return `${parameter.name}: ${showValue(parameter, redactor)}${suffix}`;
}

function showValue(parameter: EffectiveParameter, redactor: Redactor): string {
  const { value } = parameter;
  if (value === undefined) {
    return '(ambiguous: the name appears more than once)';
  }
  if (parseSecretReference(parameter.name, value) !== undefined) {
    return value;
  }
  if (parameter.isSecret) {
    return value === '' ? '(empty)' : MASK;
  }
  return value === '' ? '(empty)' : redactor.redact(value);
}
