import { getLocation } from 'jsonc-parser';
import { findParameter, FLOWS, OPERATIONS } from './catalogue';
import type { TextRange } from './findings';

/** A value that completion proposes for a parameter. */
export interface ValueProposal {
  readonly value: string;
  readonly description: string;
}

/** The string value of a parameter that contains the cursor. */
export interface ValueCompletionContext {
  readonly parameter: string;
  /** The string token, quotes included, which a proposal replaces. */
  readonly range: TextRange;
}

const FLOW_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'Client-Credentials': 'External Client App; the Run-As user is set in Salesforce.',
  'Username-Password': 'Connected App with SforceUsername and pwdSforceLoginPassword.',
};

/** Returns the values that `OAuth2Flow`, `Operation` and the `X` flags accept; none for others. */
export function valueProposals(parameter: string): ValueProposal[] {
  const definition = findParameter(parameter);
  if (definition === undefined) {
    return [];
  }
  switch (definition.kind) {
    case 'flow':
      return FLOWS.map((flow) => ({ value: flow, description: FLOW_DESCRIPTIONS[flow] ?? '' }));
    case 'operation':
      return OPERATIONS.map((operation) => ({ value: operation, description: 'Operation' }));
    case 'flag':
      return [
        { value: 'X', description: 'On' },
        { value: '', description: 'Off, as when the parameter is absent' },
      ];
    default:
      return [];
  }
}

/**
 * Finds the parameter whose string value contains the offset, inside the top-level `parameters`
 * object; undefined anywhere else, including inside keys.
 */
export function findValueCompletionContext(
  text: string,
  offset: number,
): ValueCompletionContext | undefined {
  const location = getLocation(text, offset);
  const { path, previousNode, isAtPropertyKey } = location;
  if (isAtPropertyKey || path.length !== 2 || path[0] !== 'parameters') {
    return undefined;
  }
  const parameter = path[1];
  if (typeof parameter !== 'string' || previousNode?.type !== 'string') {
    return undefined;
  }
  const isInside =
    offset > previousNode.offset && offset < previousNode.offset + previousNode.length;
  const isUnterminated = text.charAt(previousNode.offset + previousNode.length - 1) !== '"';
  if (!isInside && !(isUnterminated && offset === previousNode.offset + previousNode.length)) {
    return undefined;
  }
  return { parameter, range: { offset: previousNode.offset, length: previousNode.length } };
}
