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
  /** The first entry of each name, for lookups by exact name. */
  readonly entryIndex: ReadonlyMap<string, ParameterEntry>;
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
  if (duplicates === NO_DUPLICATES) {
    return;
  }
  const keysByName = new Map<string, Node[]>();
  for (const property of objectNode.children ?? []) {
    const key = property.children?.[0];
    const name = String(key?.value);
    if (key !== undefined && duplicates.has(name)) {
      const keys = keysByName.get(name);
      if (keys === undefined) {
        keysByName.set(name, [key]);
      } else {
        keys.push(key);
      }
    }
  }
  for (const [name, keys] of keysByName) {
    for (const key of keys) {
      // Related locations are capped so a file with thousands of copies stays linear.
      const others = keys.slice(0, MAX_RELATED + 1).filter((other) => other !== key);
      others.length = Math.min(others.length, MAX_RELATED);
      findings.push(
        makeFinding({
          code: 'duplicate-key',
          severity: 'error',
          message: `Duplicate key '${name}': it appears ${keys.length} times. Keep one.`,
          range: rangeOf(key),
          parameter: name,
          related: others.map((other) => ({ range: rangeOf(other), message: `Other '${name}'` })),
        }),
      );
    }
  }
}

/** The most other places a duplicate-key finding lists. */
const MAX_RELATED = 10;

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
  return {
    text,
    root,
    parametersKeyRange: undefined,
    entries: [],
    findings,
    isUsable: false,
    entryIndex: new Map(),
  };
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
  const entries: ParameterEntry[] = [];
  const entryIndex = new Map<string, ParameterEntry>();
  for (const property of parametersValue.children ?? []) {
    const entry = toEntry(property, duplicates);
    if (entry !== undefined) {
      entries.push(entry);
      if (!entryIndex.has(entry.name)) {
        entryIndex.set(entry.name, entry);
      }
    }
  }
  return {
    text,
    root,
    parametersKeyRange: rangeOf(parametersKey),
    entries,
    findings,
    isUsable: true,
    entryIndex,
  };
}

const NO_DUPLICATES: ReadonlySet<string> = new Set();

/** Returns the names that occur more than once in an object; allocates only when one does. */
function duplicateNames(objectNode: Node): ReadonlySet<string> {
  const properties = objectNode.children ?? [];
  if (properties.length > MAX_PAIRWISE_KEYS) {
    return duplicateNamesHashed(properties);
  }
  let duplicates: Set<string> | undefined;
  // Objects in channel files are small, so comparing pairs beats hashing every name.
  for (let i = 1; i < properties.length; i++) {
    const name = properties[i]?.children?.[0]?.value;
    for (let j = 0; j < i; j++) {
      if (properties[j]?.children?.[0]?.value === name) {
        duplicates ??= new Set();
        duplicates.add(String(name));
        break;
      }
    }
  }
  return duplicates ?? NO_DUPLICATES;
}

/** Objects with more keys than this are checked with a set, keeping large files linear. */
const MAX_PAIRWISE_KEYS = 32;

function duplicateNamesHashed(properties: readonly Node[]): ReadonlySet<string> {
  const seen = new Set<unknown>();
  const duplicates = new Set<string>();
  for (const property of properties) {
    const name = property.children?.[0]?.value;
    if (seen.has(name)) {
      duplicates.add(String(name));
    }
    seen.add(name);
  }
  return duplicates.size === 0 ? NO_DUPLICATES : duplicates;
}
