import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import { looksLikeParameterName } from './catalogue';
import { makeFinding, type Finding, type TextRange } from './findings';
import {
  outlineJsonc,
  propertyRange,
  type Outline,
  type OutlineProperty,
  type ValueType,
} from './json-outline';
import { topLevelFindings } from './top-level';
import { wrapParametersFix } from './wrap-fix';

export type { ValueType } from './json-outline';

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

/** A parsed channel file: its text, outline, parameter entries and structural findings. */
export interface ChannelDocument {
  readonly text: string;
  readonly outline: Outline;
  /** The `"parameters"` key, where findings about absent parameters point. */
  readonly parametersKeyRange: TextRange | undefined;
  /** The parameters in file order, duplicates included. */
  readonly entries: readonly ParameterEntry[];
  readonly findings: readonly Finding[];
  /** False when a syntax or shape error makes the parameters unknown. */
  readonly isUsable: boolean;
  /** The first entry of each name, for lookups by exact name. */
  readonly entryIndex: ReadonlyMap<string, ParameterEntry>;
}

const TOP_LEVEL_KEYS = ['$schema', 'channel', 'module', 'parameters'];

const NO_NAMES: ReadonlySet<string | undefined> = new Set();

/** The maximum number of other places a duplicate-key finding lists, so thousands of copies stay linear. */
const MAX_RELATED = 10;

function describeParseError(error: ParseError): string {
  const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function syntaxFindings(errors: readonly ParseError[], textLength: number): Finding[] {
  return errors.map((error) => {
    // jsonc-parser can report a range past the end of the text, as for an unclosed comment.
    const offset = Math.min(error.offset, textLength);
    const length = Math.min(error.length, textLength - offset);
    return makeFinding({
      code: 'syntax-error',
      severity: 'error',
      message: `Syntax error: ${describeParseError(error)}.`,
      range: { offset, length },
    });
  });
}

/** Reports every place of every duplicate key, each pointing at the other places. */
function duplicateKeyFindings(groups: readonly (readonly OutlineProperty[])[]): Finding[] {
  const findings: Finding[] = [];
  for (const group of groups) {
    for (const property of group) {
      const others = group.slice(0, MAX_RELATED + 1).filter((other) => other !== property);
      others.length = Math.min(others.length, MAX_RELATED);
      findings.push(
        makeFinding({
          code: 'duplicate-key',
          severity: 'error',
          message: `Duplicate key '${property.name}': it appears ${group.length} times. Keep one.`,
          range: property.keyRange,
          parameter: property.name,
          related: others.map((other) => ({
            range: other.keyRange,
            message: `Other '${property.name}'`,
          })),
        }),
      );
    }
  }
  return findings;
}

function toEntry(property: OutlineProperty, isDuplicate: boolean): ParameterEntry {
  const raw = property.value;
  return {
    name: property.name,
    nameRange: property.keyRange,
    valueRange: property.valueRange,
    propertyRange: propertyRange(property),
    valueType: property.valueType,
    value: raw === undefined ? undefined : String(raw),
    isDuplicate,
  };
}

function shapeFinding(code: string, message: string, range: TextRange): Finding {
  return makeFinding({ code, severity: 'error', message, range });
}

function unusable(text: string, outline: Outline, findings: Finding[]): ChannelDocument {
  return {
    text,
    outline,
    parametersKeyRange: undefined,
    entries: [],
    findings,
    isUsable: false,
    entryIndex: new Map(),
  };
}

function describeRoot(type: ValueType): string {
  return type === 'array' ? 'an array' : `a ${type}`;
}

/**
 * Parses channel file text (JSON with comments and trailing commas) into parameter entries,
 * keeping offsets. Syntax errors, duplicate keys and wrong shapes become findings.
 */
export function parseChannelText(text: string): ChannelDocument {
  const outline = outlineJsonc(text);
  if (outline.isTooDeep) {
    const finding = shapeFinding(
      'invalid-channel-file',
      'The file nests arrays or objects thousands of levels deep, too deep to read; a channel ' +
        'file needs three levels.',
      { offset: 0, length: 0 },
    );
    return unusable(text, outline, [finding]);
  }
  const findings = syntaxFindings(outline.errors, text.length);
  if (outline.errors.length > 0) {
    return unusable(text, outline, findings);
  }
  if (outline.rootType === undefined) {
    const empty = { offset: 0, length: 0 };
    findings.push(shapeFinding('syntax-error', 'Syntax error: the file is empty.', empty));
    return unusable(text, outline, findings);
  }
  if (outline.rootType !== 'object') {
    findings.push(
      shapeFinding(
        'invalid-channel-file',
        'A channel file is one JSON object with a "parameters" object; found ' +
          `${describeRoot(outline.rootType)}.`,
        outline.rootRange,
      ),
    );
    return unusable(text, outline, findings);
  }
  findings.push(...duplicateKeyFindings(outline.duplicateKeys));
  return readTopLevel(text, outline, findings);
}

function missingParametersFinding(text: string, outline: Outline): Finding {
  const start = { offset: outline.rootRange.offset, length: 1 };
  const strayNames = outline.properties
    .map((property) => property.name)
    .filter((name) => !TOP_LEVEL_KEYS.includes(name));
  if (strayNames.some(looksLikeParameterName)) {
    return makeFinding({
      code: 'parameters-not-wrapped',
      severity: 'error',
      message:
        'Module parameters must be inside a "parameters" object; this file has them at the top level.',
      range: start,
      fixes: [wrapParametersFix(text, outline)],
    });
  }
  return shapeFinding(
    'parameters-missing',
    'The channel file has no "parameters" object. Add one with the module parameters.',
    start,
  );
}

function readTopLevel(text: string, outline: Outline, findings: Finding[]): ChannelDocument {
  const parameters = outline.properties.find((property) => property.name === 'parameters');
  if (parameters === undefined) {
    findings.push(missingParametersFinding(text, outline));
    return unusable(text, outline, findings);
  }
  findings.push(...topLevelFindings(outline.properties));
  if (parameters.valueType !== 'object' || parameters.properties === undefined) {
    findings.push(
      shapeFinding(
        'invalid-parameters',
        '"parameters" must be an object of parameter names and string values.',
        parameters.valueRange,
      ),
    );
    return unusable(text, outline, findings);
  }
  const duplicates =
    outline.duplicateKeys.length === 0
      ? NO_NAMES
      : new Set(
          outline.duplicateKeys
            .filter((group) => parameters.properties?.includes(group[0] as OutlineProperty))
            .map((group) => group[0]?.name),
        );
  const entries: ParameterEntry[] = [];
  const entryIndex = new Map<string, ParameterEntry>();
  for (const property of parameters.properties) {
    const entry = toEntry(property, duplicates.has(property.name));
    entries.push(entry);
    if (!entryIndex.has(entry.name)) {
      entryIndex.set(entry.name, entry);
    }
  }
  return {
    text,
    outline,
    parametersKeyRange: parameters.keyRange,
    entries,
    findings,
    isUsable: true,
    entryIndex,
  };
}
