import {
  DEFAULT_FLOW,
  findByLegacyName,
  findParameter,
  isSecretName,
  parseFlow,
  PARAMETERS,
  type Flow,
} from './catalogue';
import type { ParameterEntry } from './parser';

/** One parameter as the module will read it. */
export interface EffectiveParameter {
  /** The name the module reads; for unknown parameters, the name in the file. */
  readonly name: string;
  /** Undefined when absent or ambiguous (a duplicate key); numbers and booleans as JSON text. */
  readonly value: string | undefined;
  readonly source: 'file' | 'legacy-name' | 'default' | 'absent';
  /** The key as written, such as `ConsumeKey` for `ConsumerKey` read through its legacy name. */
  readonly fileName: string | undefined;
  readonly isKnown: boolean;
  /** Whether the effective flow ignores the parameter although it is set. */
  readonly isIgnored: boolean;
  readonly isSecret: boolean;
}

/** What the module will read from a channel file: the flow and every parameter. */
export interface EffectiveParameters {
  /** Undefined when `OAuth2Flow` holds an unsupported value. */
  readonly flow: Flow | undefined;
  /** `OAuth2Flow` as written, undefined when absent. */
  readonly flowValue: string | undefined;
  /** Catalogue order, then unknown names in file order. */
  readonly parameters: readonly EffectiveParameter[];
  value(name: string): string | undefined;
}

function uniqueEntry(entries: readonly ParameterEntry[], name: string): ParameterEntry | undefined {
  return entries.find((entry) => entry.name === name);
}

function resolveFlow(
  entries: readonly ParameterEntry[],
): Pick<EffectiveParameters, 'flow' | 'flowValue'> {
  const entry = uniqueEntry(entries, 'OAuth2Flow');
  if (entry === undefined || entry.isDuplicate) {
    return { flow: entry === undefined ? DEFAULT_FLOW : undefined, flowValue: undefined };
  }
  const flowValue = entry.value;
  if (flowValue === undefined) {
    return { flow: undefined, flowValue };
  }
  // A blank value reads as absent, so the module falls back to its default flow.
  if (flowValue === '') {
    return { flow: DEFAULT_FLOW, flowValue };
  }
  return { flow: parseFlow(flowValue), flowValue };
}

function readKnown(
  entries: readonly ParameterEntry[],
  name: string,
  legacyNames: readonly string[],
): Pick<EffectiveParameter, 'value' | 'source' | 'fileName'> {
  const entry = uniqueEntry(entries, name);
  if (entry !== undefined) {
    return { value: entry.isDuplicate ? undefined : entry.value, source: 'file', fileName: name };
  }
  for (const legacyName of legacyNames) {
    const legacy = uniqueEntry(entries, legacyName);
    if (legacy !== undefined) {
      const value = legacy.isDuplicate ? undefined : legacy.value;
      return { value, source: 'legacy-name', fileName: legacyName };
    }
  }
  if (name === 'OAuth2Flow') {
    return { value: DEFAULT_FLOW, source: 'default', fileName: undefined };
  }
  return { value: undefined, source: 'absent', fileName: undefined };
}

/**
 * Resolves what the module will read: the flow (with its default), legacy names, ignored
 * parameters, and unknown names, which the module carries along but never uses.
 */
export function resolveEffectiveParameters(
  entries: readonly ParameterEntry[],
): EffectiveParameters {
  const { flow, flowValue } = resolveFlow(entries);
  const parameters: EffectiveParameter[] = PARAMETERS.map((definition) => {
    const read = readKnown(entries, definition.name, definition.legacyNames);
    const isIgnored =
      flow !== undefined && definition.ignoredIn.includes(flow) && read.source !== 'absent';
    return {
      name: definition.name,
      ...read,
      isKnown: true,
      isIgnored,
      isSecret: definition.isSecret,
    };
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    const isKnownName =
      findParameter(entry.name) !== undefined || findByLegacyName(entry.name) !== undefined;
    if (isKnownName || seen.has(entry.name)) {
      continue;
    }
    seen.add(entry.name);
    parameters.push({
      name: entry.name,
      value: entry.isDuplicate ? undefined : entry.value,
      source: 'file',
      fileName: entry.name,
      isKnown: false,
      isIgnored: false,
      isSecret: isSecretName(entry.name),
    });
  }
  const byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  return { flow, flowValue, parameters, value: (name) => byName.get(name)?.value };
}
