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

  /** Lists the edits as an own property, so JSON output sees them. */
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

/** An edit that renames a parameter key. */
export function renameKeyEdit(entry: ParameterEntry, newName: string): TextEdit {
  return { ...entry.nameRange, newText: JSON.stringify(newName) };
}

/** An edit that replaces a parameter value with a JSON string. */
export function replaceValueEdit(entry: ParameterEntry, newValue: string): TextEdit {
  return { ...entry.valueRange, newText: JSON.stringify(newValue) };
}

/**
 * An edit that removes a property with the comma that separates it from its neighbours, so the
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

/** The length up to and including a trailing comma after `offset`, or 0 when there is none. */
function trailingCommaLength(text: string, offset: number): number {
  const match = /^\s*,/.exec(text.slice(offset, offset + 200));
  return match === null ? 0 : match[0].length;
}

function findSiblings(document: ChannelDocument): TextRange[] {
  return document.entries.map((sibling) => sibling.propertyRange);
}
