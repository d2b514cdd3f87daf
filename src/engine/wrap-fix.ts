import type { Node } from 'jsonc-parser';
import type { Fix } from './findings';
import { makeFix } from './fixes';

const FILE_KEYS = ['$schema', 'channel', 'module'];

function keyOf(property: Node): string {
  return String(property.children?.[0]?.value);
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}

/**
 * Builds the fix that moves top-level parameters into a `"parameters"` object. When the top
 * level holds only parameters, the object is wrapped as it is, comments included; otherwise
 * `$schema`, `channel` and `module` stay at the top and the rest moves.
 */
export function wrapParametersFix(text: string, root: Node): Fix {
  const properties = root.children ?? [];
  const slice = (node: Node): string => text.slice(node.offset, node.offset + node.length);
  const kept = properties.filter((property) => FILE_KEYS.includes(keyOf(property)));
  let newText: string;
  if (kept.length === 0) {
    newText = `{\n  "parameters": ${indent(slice(root), '  ')}\n}`;
  } else {
    const moved = properties.filter((property) => !FILE_KEYS.includes(keyOf(property)));
    const keptText = kept.map((property) => `  ${slice(property)}`);
    const movedText = moved.map((property) => `    ${slice(property)}`).join(',\n');
    newText = `{\n${[...keptText, `  "parameters": {\n${movedText}\n  }`].join(',\n')}\n}`;
  }
  return makeFix(
    'Move the parameters into a "parameters" object',
    [{ offset: root.offset, length: root.length, newText }],
    { isPreferred: true, isSafe: true },
  );
}
