import type { Fix, TextRange } from './findings';
import { makeFix } from './fixes';
import { propertyRange, type Outline, type OutlineProperty } from './json-outline';

const FILE_KEYS = ['$schema', 'channel', 'module'];

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}

/**
 * Builds the fix that moves top-level parameters into a `"parameters"` object. When the top
 * level contains only parameters, the object is wrapped as it is, comments included.
 * Otherwise `$schema`, `channel` and `module` stay at the top and the rest moves.
 */
export function wrapParametersFix(text: string, outline: Outline): Fix {
  const properties = outline.properties;
  const root = outline.rootRange;
  const slice = (range: TextRange): string => text.slice(range.offset, range.offset + range.length);
  const sliceProperty = (property: OutlineProperty): string => slice(propertyRange(property));
  const kept = properties.filter((property) => FILE_KEYS.includes(property.name));
  let newText: string;
  if (kept.length === 0) {
    newText = `{\n  "parameters": ${indent(slice(root), '  ')}\n}`;
  } else {
    const moved = properties.filter((property) => !FILE_KEYS.includes(property.name));
    const keptText = kept.map((property) => `  ${sliceProperty(property)}`);
    const movedText = moved.map((property) => `    ${sliceProperty(property)}`).join(',\n');
    newText = `{\n${[...keptText, `  "parameters": {\n${movedText}\n  }`].join(',\n')}\n}`;
  }
  return makeFix(
    'Move the parameters into a "parameters" object',
    [{ offset: root.offset, length: root.length, newText }],
    { isPreferred: true, isSafe: true },
  );
}
