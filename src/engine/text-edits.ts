import type { TextEdit } from './findings';

/** Returns the text after applying edits that do not overlap, in any order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lastFirst = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let result = text;
  for (const edit of lastFirst) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}

/**
 * Tells whether two edits touch the same text. Two insertions at one offset overlap too, because
 * their order would be undefined.
 */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.offset === b.offset) {
    return true;
  }
  return a.offset < bEnd && b.offset < aEnd;
}

/**
 * Returns one edit that turns `before` into `after`, covering only the span between their
 * common prefix and common suffix, or undefined when the texts are equal.
 */
export function diffAsSingleEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) {
    return undefined;
  }
  const maxPrefix = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
    prefix++;
  }
  const maxSuffix = maxPrefix - prefix;
  let suffix = 0;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  // A cut inside a surrogate pair would split one character across the edit boundary.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) {
    prefix--;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) {
    suffix--;
  }
  return {
    offset: prefix,
    length: before.length - prefix - suffix,
    newText: after.slice(prefix, after.length - suffix),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
