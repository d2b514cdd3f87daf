import { visit, type ParseError } from 'jsonc-parser';
import type { TextRange } from './findings';

/** The JSON type of a value as written. */
export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** One property of an object in the outline, with its key, value and their places. */
export interface OutlineProperty {
  readonly name: string;
  readonly keyRange: TextRange;
  valueRange: TextRange;
  valueType: ValueType;
  /** The value of a string, number or boolean; undefined for other types. */
  value: string | number | boolean | undefined;
  /** The properties of an object value, kept for the top level and the level below. */
  properties: OutlineProperty[] | undefined;
}

/** Returns a property's whole span, from the key's opening quote to the value's end. */
export function propertyRange(property: OutlineProperty): TextRange {
  const end = property.valueRange.offset + property.valueRange.length;
  return { offset: property.keyRange.offset, length: end - property.keyRange.offset };
}

/** The top-level value of a JSONC text: its type, span and, for an object, its properties. */
export interface Outline {
  readonly rootType: ValueType | undefined;
  readonly rootRange: TextRange;
  readonly properties: readonly OutlineProperty[];
  readonly errors: readonly ParseError[];
  /** Every object's keys that occur more than once, each with all its places. */
  readonly duplicateKeys: readonly (readonly OutlineProperty[])[];
  /** Whether values nest too deeply to read; nothing else in the outline is complete then. */
  readonly isTooDeep: boolean;
}

interface ObjectFrame {
  readonly start: number;
  readonly isArray: boolean;
  readonly properties: OutlineProperty[];
  /** The property whose value is being read. */
  pending: OutlineProperty | undefined;
}

/** Objects deeper than this keep their keys for the duplicate check only. */
const OUTLINE_DEPTH = 2;

/** Objects with more keys than this are checked with a map, keeping large files linear. */
const MAX_PAIRWISE_KEYS = 32;

function literalType(value: unknown): ValueType {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return 'string';
  }
  return typeof value === 'number' ? 'number' : 'boolean';
}

/** Groups the properties that share a name, in file order; empty when all names differ. */
function findDuplicates(properties: readonly OutlineProperty[]): OutlineProperty[][] {
  if (properties.length <= MAX_PAIRWISE_KEYS) {
    // Objects in channel files are small, so comparing pairs beats hashing every name.
    let hasDuplicate = false;
    for (let i = 1; i < properties.length && !hasDuplicate; i++) {
      const name = properties[i]?.name;
      for (let j = 0; j < i && !hasDuplicate; j++) {
        hasDuplicate = properties[j]?.name === name;
      }
    }
    if (!hasDuplicate) {
      return [];
    }
  }
  const byName = new Map<string, OutlineProperty[]>();
  for (const property of properties) {
    const group = byName.get(property.name);
    if (group === undefined) {
      byName.set(property.name, [property]);
    } else {
      group.push(property);
    }
  }
  return [...byName.values()].filter((group) => group.length > 1);
}

/**
 * Reads a JSONC text in one pass, keeping only what the channel file rules need: the root's
 * properties, the properties of objects one level below, and the duplicate keys of every
 * object. It allocates far less than a full syntax tree.
 */
export function outlineJsonc(text: string): Outline {
  const errors: ParseError[] = [];
  const duplicateKeys: OutlineProperty[][] = [];
  const frames: ObjectFrame[] = [];
  let rootType: ValueType | undefined;
  let rootRange: TextRange = { offset: 0, length: 0 };
  let rootProperties: OutlineProperty[] = [];

  const beginValue = (type: ValueType, offset: number): void => {
    const parent = frames[frames.length - 1];
    if (parent === undefined) {
      rootType ??= type;
      rootRange = { offset, length: 0 };
    } else if (parent.pending !== undefined) {
      parent.pending.valueType = type;
      parent.pending.valueRange = { offset, length: 0 };
    }
  };
  const endValue = (end: number, properties?: OutlineProperty[]): void => {
    const parent = frames[frames.length - 1];
    if (parent === undefined) {
      rootRange = { offset: rootRange.offset, length: end - rootRange.offset };
      rootProperties = properties ?? [];
      return;
    }
    const property = parent.pending;
    if (property !== undefined) {
      property.valueRange = {
        offset: property.valueRange.offset,
        length: end - property.valueRange.offset,
      };
      property.properties = frames.length <= OUTLINE_DEPTH ? properties : undefined;
      parent.pending = undefined;
    }
  };
  const beginContainer = (isArray: boolean, offset: number): void => {
    beginValue(isArray ? 'array' : 'object', offset);
    frames.push({ start: offset, isArray, properties: [], pending: undefined });
  };
  const endContainer = (offset: number, length: number): void => {
    const frame = frames.pop();
    if (frame === undefined) {
      return;
    }
    if (!frame.isArray) {
      duplicateKeys.push(...findDuplicates(frame.properties));
    }
    endValue(offset + length, frame.isArray ? undefined : frame.properties);
  };

  try {
    visitText(text, {
      beginContainer,
      endContainer,
      frames,
      beginValue,
      endValue,
      errors,
    });
  } catch (error) {
    // jsonc-parser descends recursively, so thousands of nested arrays exhaust the stack.
    if (!(error instanceof RangeError)) {
      throw error;
    }
    return { rootType, rootRange, properties: [], errors, duplicateKeys, isTooDeep: true };
  }
  return {
    rootType,
    rootRange,
    properties: rootProperties,
    errors,
    duplicateKeys,
    isTooDeep: false,
  };
}

interface VisitState {
  readonly frames: ObjectFrame[];
  readonly errors: ParseError[];
  beginContainer(isArray: boolean, offset: number): void;
  endContainer(offset: number, length: number): void;
  beginValue(type: ValueType, offset: number): void;
  endValue(end: number, properties?: OutlineProperty[]): void;
}

function visitText(text: string, state: VisitState): void {
  const { frames, errors, beginContainer, endContainer, beginValue, endValue } = state;
  visit(
    text,
    {
      onObjectBegin: (offset) => beginContainer(false, offset),
      onObjectEnd: endContainer,
      onArrayBegin: (offset) => beginContainer(true, offset),
      onArrayEnd: endContainer,
      onObjectProperty: (name, offset, length) => {
        const frame = frames[frames.length - 1];
        if (frame === undefined || frame.isArray) {
          return;
        }
        const property: OutlineProperty = {
          name,
          keyRange: { offset, length },
          valueRange: { offset: offset + length, length: 0 },
          valueType: 'null',
          value: undefined,
          properties: undefined,
        };
        frame.properties.push(property);
        frame.pending = property;
      },
      onLiteralValue: (value: unknown, offset, length) => {
        const type = literalType(value);
        beginValue(type, offset);
        const parent = frames[frames.length - 1];
        if (parent?.pending !== undefined && !parent.isArray) {
          parent.pending.value = type === 'null' ? undefined : (value as string | number | boolean);
        }
        endValue(offset + length);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
}
