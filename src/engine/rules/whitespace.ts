/** Leading and trailing whitespace of a value, counted in characters. */
export interface Whitespace {
  readonly leading: number;
  readonly trailing: number;
  readonly hasLineBreak: boolean;
}

/** Checks whether a UTF-16 code is whitespace that String.prototype.trim removes. */
function isWhitespaceCode(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Measures the whitespace around a value; undefined when there is none. */
export function measureWhitespace(value: string): Whitespace | undefined {
  if (
    value === '' ||
    (!isWhitespaceCode(value.charCodeAt(0)) &&
      !isWhitespaceCode(value.charCodeAt(value.length - 1)))
  ) {
    return undefined;
  }
  const leading = value.length - value.trimStart().length;
  const trailing = value.length - value.trimEnd().length;
  if (leading === 0 && trailing === 0) {
    return undefined;
  }
  const outer = value.slice(0, leading) + value.slice(value.length - trailing);
  return { leading, trailing, hasLineBreak: /[\r\n]/.test(outer) };
}

function count(n: number, where: string): string {
  return `${n} ${where} whitespace character${n === 1 ? '' : 's'}`;
}

/** Describes whitespace without showing the value: "1 trailing whitespace character". */
export function describeWhitespace(whitespace: Whitespace): string {
  const parts: string[] = [];
  if (whitespace.leading > 0) {
    parts.push(count(whitespace.leading, 'leading'));
  }
  if (whitespace.trailing > 0) {
    parts.push(count(whitespace.trailing, 'trailing'));
  }
  const lineBreak = whitespace.hasLineBreak ? ', including a line break' : '';
  return parts.join(' and ') + lineBreak;
}
