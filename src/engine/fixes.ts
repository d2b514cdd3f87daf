import type { Node } from 'jsonc-parser';
import type { Fix, TextEdit } from './findings';
import type { ChannelDocument, ParameterEntry } from './parser';

/** Builds a fix; safe fixes run in fix-all and on save. */
export function makeFix(
  title: string,
  edits: readonly TextEdit[],
  options: { isPreferred?: boolean; isSafe?: boolean } = {},
): Fix {
  return {
    title,
    edits,
    isPreferred: options.isPreferred ?? false,
    isSafe: options.isSafe ?? false,
  };
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

function findSiblings(document: ChannelDocument): Node[] {
  const parametersObject = document.root?.children?.find(
    (property) => property.children?.[0]?.value === 'parameters',
  )?.children?.[1];
  return parametersObject?.children ?? [];
}
