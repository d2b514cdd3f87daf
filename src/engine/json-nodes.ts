import type { Node } from 'jsonc-parser';
import type { TextRange } from './findings';

/** Returns the span of a jsonc-parser node. */
export function rangeOf(node: Node): TextRange {
  return { offset: node.offset, length: node.length };
}
