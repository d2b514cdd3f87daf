/**
 * Quotes a value as a SOQL string literal. SOQL reads a backslash as an escape, so backslashes,
 * quotes and line breaks are escaped; the value can never end the literal early.
 */
export function soqlString(value: string): string {
  const escaped = value.replace(/[\\'"\n\r\t\b\f]/g, (character) => {
    switch (character) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      default:
        return `\\${character}`;
    }
  });
  return `'${escaped}'`;
}
