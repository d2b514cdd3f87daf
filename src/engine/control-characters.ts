/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Checks whether a text contains a control character or a Unicode line separator. */
export function hasControlCharacters(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(text);
}

/**
 * Writes control characters as visible escapes (`\n`, `\u001b`), so text from a channel file
 * or a server cannot start a line of its own or drive the terminal. Characters in `keep` stay.
 */
export function escapeControlCharacters(text: string, keep = ''): string {
  return text.replace(CONTROL_CHARACTERS, (character) => {
    if (keep.includes(character)) {
      return character;
    }
    const code = character.charCodeAt(0).toString(16).padStart(4, '0');
    return NAMED_ESCAPES[character] ?? `\\u${code}`;
  });
}
