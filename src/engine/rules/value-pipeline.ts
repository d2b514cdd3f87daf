import { isRequired, type ParameterDefinition } from '../catalogue';
import { hasControlCharacters } from '../control-characters';
import { makeFinding, type Finding } from '../findings';
import { makeFix, replaceValueEdit } from '../fixes';
import type { ParameterEntry } from '../parser';
import { parseSecretReference } from '../secrets';
import type { RuleContext } from './context';
import { KIND_RULES } from './value-rules';
import { describeWhitespace, measureWhitespace } from './whitespace';

function mayHoldSecretReference(
  name: string,
  definition: ParameterDefinition | undefined,
): boolean {
  return definition?.allowsSecretReference === true || name.startsWith('pwd');
}

function isSecret(name: string, definition: ParameterDefinition | undefined): boolean {
  return definition?.isSecret === true || name.startsWith('pwd');
}

/** Checks `${env:NAME}` and `${secret:NAME}`; returns null for a valid reference. */
function secretReferenceFinding(
  entry: ParameterEntry,
  value: string,
  definition: ParameterDefinition | undefined,
): Finding | null | undefined {
  if (!value.includes('${')) {
    return undefined;
  }
  const reference = parseSecretReference(entry.name, value);
  if (reference === undefined) {
    return makeFinding({
      code: 'invalid-secret-reference',
      severity: 'error',
      message:
        `${entry.name} contains '\${' but is not a secret reference. Write the whole value as ` +
        '${env:NAME} or ${secret:NAME}, with NAME made of letters, digits and underscores.',
      range: entry.valueRange,
      parameter: entry.name,
    });
  }
  if (!mayHoldSecretReference(entry.name, definition)) {
    return makeFinding({
      code: 'secret-reference-not-allowed',
      severity: 'error',
      message:
        `${entry.name} cannot hold a secret reference; only ConsumerKey, ConsumerSecret, ` +
        'SforceUsername and pwd* parameters can. Write the value itself.',
      range: entry.valueRange,
      parameter: entry.name,
    });
  }
  return null;
}

function typeFinding(entry: ParameterEntry): Finding | undefined {
  if (entry.valueType === 'string') {
    return undefined;
  }
  if (entry.valueType === 'number' || entry.valueType === 'boolean') {
    return makeFinding({
      code: 'non-string-value',
      severity: 'warning',
      message: `${entry.name} is a JSON ${entry.valueType}; module parameter values are strings. Quote it.`,
      range: entry.valueRange,
      parameter: entry.name,
      fixes: [
        makeFix('Quote the value', () => [replaceValueEdit(entry, entry.value ?? '')], {
          isPreferred: true,
          isSafe: true,
        }),
      ],
    });
  }
  return makeFinding({
    code: 'invalid-value-type',
    severity: 'error',
    message: `${entry.name} is ${entry.valueType === 'null' ? 'null' : `an ${entry.valueType}`}; module parameter values are strings.`,
    range: entry.valueRange,
    parameter: entry.name,
  });
}

function whitespaceFinding(
  entry: ParameterEntry,
  value: string,
  definition: ParameterDefinition,
): Finding | undefined {
  const whitespace = measureWhitespace(value);
  if (whitespace === undefined) {
    return undefined;
  }
  const secret = isSecret(entry.name, definition);
  return makeFinding({
    code: 'whitespace',
    severity: 'warning',
    message:
      `${entry.name} has ${describeWhitespace(whitespace)}, which the module sends as part of the value.` +
      (secret ? ' The value is secret and not shown.' : ''),
    range: entry.valueRange,
    parameter: entry.name,
    fixes: [
      makeFix('Trim whitespace', () => [replaceValueEdit(entry, value.trim())], {
        isPreferred: true,
        isSafe: !secret,
      }),
    ],
  });
}

function controlCharacterFinding(entry: ParameterEntry, value: string): Finding | undefined {
  if (!hasControlCharacters(value.trim())) {
    return undefined;
  }
  return makeFinding({
    code: 'control-character',
    severity: 'warning',
    message:
      `${entry.name} contains a line break or another control character, which the module ` +
      'sends as part of the value. Remove it.',
    range: entry.valueRange,
    parameter: entry.name,
  });
}

function literalSecretFinding(
  entry: ParameterEntry,
  value: string,
  definition: ParameterDefinition,
): Finding | undefined {
  if (!isSecret(entry.name, definition) || value === '') {
    return undefined;
  }
  return makeFinding({
    code: 'literal-secret',
    severity: 'hint',
    message:
      `${entry.name} holds a literal secret. Prefer \${secret:NAME} (VS Code secret storage) ` +
      'or ${env:NAME}, so the file can be shared.',
    range: entry.valueRange,
    parameter: entry.name,
  });
}

/**
 * Checks one value and returns at most one finding, the most specific: type, secret
 * reference, then the parameter's own rule, quoting, whitespace and a literal secret.
 */
export function valueFinding(
  entry: ParameterEntry,
  definition: ParameterDefinition | undefined,
  context: RuleContext,
): Finding | undefined {
  const type = typeFinding(entry);
  if (type?.severity === 'error' || entry.value === undefined) {
    return type;
  }
  const value = entry.value;
  const reference = secretReferenceFinding(entry, value, definition);
  if (reference !== undefined) {
    return reference ?? undefined;
  }
  if (definition === undefined) {
    return type;
  }
  const isBlank = value.trim() === '';
  const required = context.flow !== undefined && isRequired(definition, context.flow, 'send');
  if (isBlank && (required || definition.kind === 'flag' || definition.kind === 'flow')) {
    return undefined;
  }
  if (isBlank && value === '') {
    return undefined;
  }
  const specific = KIND_RULES[definition.kind]?.(entry, value, definition, context);
  return (
    specific ??
    type ??
    whitespaceFinding(entry, value, definition) ??
    controlCharacterFinding(entry, value) ??
    literalSecretFinding(entry, value, definition)
  );
}
