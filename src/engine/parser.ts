import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { looksLikeParameterName } from './catalogue';
import { makeFinding, type Finding, type TextRange } from './findings';
import { rangeOf } from './json-nodes';
import { topLevelFindings } from './top-level';
import { wrapParametersFix } from './wrap-fix';

/** The JSON type of a parameter value as written. */
export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** One `name: value` pair of the `parameters` object, with its place in the text. */
export interface ParameterEntry {
  readonly name: string;
  readonly nameRange: TextRange;
  readonly valueRange: TextRange;
  /** The whole `"name": value` property, for edits that remove it. */
  readonly propertyRange: TextRange;
  readonly valueType: ValueType;
  /** The string value, or the JSON text of a number or boolean; undefined for other types. */
  readonly value: string | undefined;
  /** Whether another entry has the same name: the module's reading is then ambiguous. */
  readonly isDuplicate: boolean;
}

/** A parsed channel file: its text, tree, parameter entries and structural findings. */
export interface ChannelDocument {
  readonly text: string;
  readonly root: Node | undefined;
  /** The `"parameters"` key, where findings about absent parameters point. */
  readonly parametersKeyRange: TextRange | undefined;
  readonly entries: readonly ParameterEntry[];
  readonly findings: readonly Finding[];
  /** False when a syntax or shape error makes the parameters unknown. */
  readonly isUsable: boolean;
}

const TOP_LEVEL_KEYS = ['$schema', 'channel', 'module', 'parameters'];

function syntaxFindings(errors: readonly ParseError[]): Finding[] {
  return errors.map((error) =>
    makeFinding({
      code: 'syntax-error',
      severity: 'error',
      message: `Syntax error: ${describeParseError(error)}.`,
      range: { offset: error.offset, length: error.length },
    }),
  );
}

function describeParseError(error: ParseError): string {
  const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** Reports every occurrence of a key that appears more than once in one object. */
function duplicateKeyFindings(objectNode: Node, findings: Finding[]): void {
  const duplicates = duplicateNames(objectNode);
  if (duplicates.size === 0) {
    return;
  }
  const keys = (objectNode.children ?? [])
    .map((property) => property.children?.[0])
    .filter((key): key is Node => key !== undefined && duplicates.has(String(key.value)));
  for (const key of keys) {
    const name = String(key.value);
    const others = keys.filter((other) => other !== key && String(other.value) === name);
    findings.push(
      makeFinding({
        code: 'duplicate-key',
        severity: 'error',
        message: `Duplicate key '${name}': it appears ${others.length + 1} times. Keep one.`,
        range: rangeOf(key),
        parameter: name,
        related: others.map((other) => ({ range: rangeOf(other), message: `Other '${name}'` })),
      }),
    );
  }
}

/** Checks every object in the tree for duplicate keys. */
function collectDuplicateKeys(node: Node, findings: Finding[]): void {
  if (node.type === 'object') {
    duplicateKeyFindings(node, findings);
  }
  for (const child of node.children ?? []) {
    if (child.type === 'object' || child.type === 'array' || child.type === 'property') {
      collectDuplicateKeys(child, findings);
    }
  }
}

function toEntry(property: Node, duplicates: ReadonlySet<string>): ParameterEntry | undefined {
  const [key, valueNode] = property.children ?? [];
  if (key === undefined || valueNode === undefined) {
    return undefined;
  }
  const name = String(key.value);
  const valueType = valueNode.type as ValueType;
  let value: string | undefined;
  if (valueNode.type === 'string') {
    value = String(valueNode.value);
  } else if (valueNode.type === 'number' || valueNode.type === 'boolean') {
    value = String(valueNode.value);
  }
  return {
    name,
    nameRange: rangeOf(key),
    valueRange: rangeOf(valueNode),
    propertyRange: rangeOf(property),
    valueType,
    value,
    isDuplicate: duplicates.has(name),
  };
}

function shapeFinding(code: string, message: string, range: TextRange): Finding {
  return makeFinding({ code, severity: 'error', message, range });
}

function unusable(text: string, root: Node | undefined, findings: Finding[]): ChannelDocument {
  return { text, root, parametersKeyRange: undefined, entries: [], findings, isUsable: false };
}

/**
 * Parses channel file text (JSON with comments and trailing commas) into parameter entries,
 * keeping offsets. Syntax errors, duplicate keys and wrong shapes become findings.
 */
export function parseChannelText(text: string): ChannelDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const findings = syntaxFindings(errors);
  if (root === undefined || errors.length > 0) {
    if (root === undefined && errors.length === 0) {
      findings.push(
        shapeFinding('syntax-error', 'Syntax error: the file is empty.', { offset: 0, length: 0 }),
      );
    }
    return unusable(text, root, findings);
  }
  if (root.type !== 'object') {
    findings.push(
      shapeFinding(
        'invalid-channel-file',
        `A channel file is one JSON object with a "parameters" object; found ${root.type === 'array' ? 'an array' : `a ${root.type}`}.`,
        rangeOf(root),
      ),
    );
    return unusable(text, root, findings);
  }
  collectDuplicateKeys(root, findings);
  return readTopLevel(text, root, findings);
}

function readTopLevel(text: string, root: Node, findings: Finding[]): ChannelDocument {
  const properties = root.children ?? [];
  const parametersProperty = properties.find((p) => p.children?.[0]?.value === 'parameters');
  const strayNames = properties
    .map((p) => String(p.children?.[0]?.value))
    .filter((name) => !TOP_LEVEL_KEYS.includes(name));
  if (parametersProperty === undefined) {
    if (strayNames.some(looksLikeParameterName)) {
      findings.push(
        makeFinding({
          code: 'parameters-not-wrapped',
          severity: 'error',
          message:
            'Module parameters must be inside a "parameters" object; this file has them at the top level.',
          range: { offset: root.offset, length: 1 },
          fixes: [wrapParametersFix(text, root)],
        }),
      );
    } else {
      findings.push(
        shapeFinding(
          'parameters-missing',
          'The channel file has no "parameters" object. Add one with the module parameters.',
          { offset: root.offset, length: 1 },
        ),
      );
    }
    return unusable(text, root, findings);
  }
  findings.push(...topLevelFindings(properties));
  const [parametersKey, parametersValue] = parametersProperty.children ?? [];
  if (parametersKey === undefined || parametersValue?.type !== 'object') {
    findings.push(
      shapeFinding(
        'invalid-parameters',
        '"parameters" must be an object of parameter names and string values.',
        rangeOf(parametersValue ?? parametersProperty),
      ),
    );
    return unusable(text, root, findings);
  }
  const duplicates = duplicateNames(parametersValue);
  const entries = (parametersValue.children ?? [])
    .map((property) => toEntry(property, duplicates))
    .filter((entry): entry is ParameterEntry => entry !== undefined);
  return {
    text,
    root,
    parametersKeyRange: rangeOf(parametersKey),
    entries,
    findings,
    isUsable: true,
  };
}

const NO_DUPLICATES: ReadonlySet<string> = new Set();

function duplicateNames(objectNode: Node): ReadonlySet<string> {
  const seen = new Set<string>();
  let duplicates: Set<string> | undefined;
  for (const property of objectNode.children ?? []) {
    const name = String(property.children?.[0]?.value);
    if (seen.has(name)) {
      duplicates ??= new Set();
      duplicates.add(name);
    }
    seen.add(name);
  }
  return duplicates ?? NO_DUPLICATES;
}
