import type { Fix, TextEdit, TextRange } from './findings';
import type { ChannelDocument, ParameterEntry } from './parser';

/** A fix whose edits are computed when first read, since most fixes are never applied. */
class DeferredFix implements Fix {
  private computed: readonly TextEdit[] | undefined;

  constructor(
    readonly title: string,
    private readonly computeEdits: () => readonly TextEdit[],
    readonly isPreferred: boolean,
    readonly isSafe: boolean,
  ) {}

  get edits(): readonly TextEdit[] {
    this.computed ??= this.computeEdits();
    return this.computed;
  }

  /** Lists the edits as an own property, so JSON output includes them. */
  toJSON(): Fix {
    const { title, edits, isPreferred, isSafe } = this;
    return { title, edits, isPreferred, isSafe };
  }
}

/** Builds a fix; safe fixes run in fix-all and on save. */
export function makeFix(
  title: string,
  edits: readonly TextEdit[] | (() => readonly TextEdit[]),
  options: { isPreferred?: boolean; isSafe?: boolean } = {},
): Fix {
  const compute = typeof edits === 'function' ? edits : () => edits;
  return new DeferredFix(title, compute, options.isPreferred ?? false, options.isSafe ?? false);
}

/** Returns an edit that renames a parameter key. */
export function renameKeyEdit(entry: ParameterEntry, newName: string): TextEdit {
  return { ...entry.nameRange, newText: JSON.stringify(newName) };
}

/** Returns an edit that replaces a parameter value with a JSON string. */
export function replaceValueEdit(entry: ParameterEntry, newValue: string): TextEdit {
  return { ...entry.valueRange, newText: JSON.stringify(newValue) };
}

/**
 * Returns an edit that removes a property with the comma that separates it from its neighbours, so the
 * object stays valid JSON.
 */
export function removePropertyEdit(document: ChannelDocument, entry: ParameterEntry): TextEdit {
  const siblings = findSiblings(document);
  const index = siblings.findIndex((node) => node.offset === entry.propertyRange.offset);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  const start = entry.propertyRange.offset;
  const end = start + entry.propertyRange.length;
  if (next !== undefined) {
    return { offset: start, length: next.offset - start, newText: '' };
  }
  if (previous !== undefined) {
    const previousEnd = previous.offset + previous.length;
    return {
      offset: previousEnd,
      length: end - previousEnd + trailingCommaLength(document.text, end),
      newText: '',
    };
  }
  return {
    offset: start,
    length: end - start + trailingCommaLength(document.text, end),
    newText: '',
  };
}

/** Returns the length up to and including a trailing comma after `offset`, or 0 when there is none. */
function trailingCommaLength(text: string, offset: number): number {
  const match = /^\s*,/.exec(text.slice(offset, offset + 200));
  return match === null ? 0 : match[0].length;
}

function findSiblings(document: ChannelDocument): TextRange[] {
  return document.entries.map((sibling) => sibling.propertyRange);
}

/** Returns the indentation of the line that contains `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** Returns an edit that adds `"name": "value"` as the last property of the `parameters` object. */
export function addParameterEdit(document: ChannelDocument, name: string, value: string): TextEdit {
  const property = `${JSON.stringify(name)}: ${JSON.stringify(value)}`;
  const last = document.entries[document.entries.length - 1];
  if (last !== undefined) {
    const end = last.propertyRange.offset + last.propertyRange.length;
    const indent = indentationAt(document.text, last.propertyRange.offset);
    return { offset: end, length: 0, newText: `,\n${indent}${property}` };
  }
  const parameters = document.outline.properties.find((p) => p.name === 'parameters');
  const open = (parameters?.valueRange.offset ?? 0) + 1;
  return { offset: open, length: 0, newText: ` ${property} ` };
}
