import type { Flow } from '../catalogue';
import type { EffectiveParameters } from '../effective';
import type { TextRange } from '../findings';
import type { ChannelDocument, ParameterEntry } from '../parser';

/** The inputs of every rule: the parsed file, the effective parameters and the flow. */
export interface RuleContext {
  readonly document: ChannelDocument;
  readonly effective: EffectiveParameters;
  /** The effective flow, or undefined when `OAuth2Flow` contains an unsupported value. */
  readonly flow: Flow | undefined;
  /** The `"parameters"` key, where findings about absent parameters point. */
  readonly anchor: TextRange;
  /** The entry with exactly this name, or undefined. */
  entry(name: string): ParameterEntry | undefined;
}

export function createRuleContext(
  document: ChannelDocument,
  effective: EffectiveParameters,
): RuleContext {
  const byName = document.entryIndex;
  return {
    document,
    effective,
    flow: effective.flow,
    anchor: document.parametersKeyRange ?? { offset: 0, length: 0 },
    entry: (name) => byName.get(name),
  };
}

/** Quotes a value for a message so that leading and trailing whitespace stays visible. */
export function quoteValue(value: string): string {
  return `'${value.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}'`;
}
