import {
  DEFAULT_FLOW,
  findByLegacyName,
  findParameter,
  isSecretName,
  parseFlow,
  PARAMETERS,
  type Flow,
  type ParameterDefinition,
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

/** The flow and every parameter that the module will read from a channel file. */
export interface EffectiveParameters {
  /** Undefined when `OAuth2Flow` contains an unsupported value. */
  readonly flow: Flow | undefined;
  /** `OAuth2Flow` as written, undefined when absent. */
  readonly flowValue: string | undefined;
  /** Catalogue order, then unknown names in file order. */
  readonly parameters: readonly EffectiveParameter[];
  value(name: string): string | undefined;
}

type EntryIndex = ReadonlyMap<string, ParameterEntry>;

function indexEntries(entries: readonly ParameterEntry[]): EntryIndex {
  const index = new Map<string, ParameterEntry>();
  for (const entry of entries) {
    if (!index.has(entry.name)) {
      index.set(entry.name, entry);
    }
  }
  return index;
}

function resolveFlow(index: EntryIndex): Pick<EffectiveParameters, 'flow' | 'flowValue'> {
  const entry = index.get('OAuth2Flow');
  if (entry === undefined) {
    return { flow: DEFAULT_FLOW, flowValue: undefined };
  }
  // A duplicate key leaves the flow unknown; its value is not one to quote as unsupported.
  if (entry.isDuplicate || entry.value === undefined) {
    return { flow: undefined, flowValue: undefined };
  }
  // A blank value reads as absent, so the module falls back to its default flow.
  if (entry.value === '') {
    return { flow: DEFAULT_FLOW, flowValue: entry.value };
  }
  return { flow: parseFlow(entry.value), flowValue: entry.value };
}

function readKnown(
  definition: ParameterDefinition,
  index: EntryIndex,
  flow: Flow | undefined,
): EffectiveParameter {
  let entry = index.get(definition.name);
  let source: EffectiveParameter['source'] = 'file';
  for (let i = 0; entry === undefined && i < definition.legacyNames.length; i++) {
    entry = index.get(definition.legacyNames[i] as string);
    source = 'legacy-name';
  }
  if (entry === undefined) {
    const isFlow = definition.name === 'OAuth2Flow';
    return {
      name: definition.name,
      value: isFlow ? DEFAULT_FLOW : undefined,
      source: isFlow ? 'default' : 'absent',
      fileName: undefined,
      isKnown: true,
      isIgnored: false,
      isSecret: definition.isSecret,
    };
  }
  return {
    name: definition.name,
    value: entry.isDuplicate ? undefined : entry.value,
    source,
    fileName: entry.name,
    isKnown: true,
    isIgnored: flow !== undefined && definition.ignoredIn.includes(flow),
    isSecret: definition.isSecret,
  };
}

function readUnknown(name: string, entry: ParameterEntry): EffectiveParameter {
  return {
    name,
    value: entry.isDuplicate ? undefined : entry.value,
    source: 'file',
    fileName: name,
    isKnown: false,
    isIgnored: false,
    isSecret: isSecretName(name),
  };
}

/** The effective parameters of one file; the full list is built on first use. */
class ResolvedParameters implements EffectiveParameters {
  private list: EffectiveParameter[] | undefined;

  constructor(
    readonly flow: Flow | undefined,
    readonly flowValue: string | undefined,
    private readonly index: EntryIndex,
  ) {}

  get parameters(): readonly EffectiveParameter[] {
    this.list ??= [
      ...PARAMETERS.map((definition) => readKnown(definition, this.index, this.flow)),
      ...[...this.index]
        .filter(
          ([name]) => findParameter(name) === undefined && findByLegacyName(name) === undefined,
        )
        .map(([name, entry]) => readUnknown(name, entry)),
    ];
    return this.list;
  }

  value(name: string): string | undefined {
    const definition = findParameter(name);
    if (definition !== undefined) {
      return readKnown(definition, this.index, this.flow).value;
    }
    const entry = findByLegacyName(name) === undefined ? this.index.get(name) : undefined;
    return entry === undefined || entry.isDuplicate ? undefined : entry.value;
  }
}

/**
 * Resolves what the module will read: the flow (with its default), legacy names, ignored
 * parameters, and unknown names, which the module carries along but never uses. The rules
 * need only the flow and single values, so the full list is built when a caller reads it.
 */
export function resolveEffectiveParameters(
  entries: readonly ParameterEntry[],
  index: EntryIndex = indexEntries(entries),
): EffectiveParameters {
  const { flow, flowValue } = resolveFlow(index);
  return new ResolvedParameters(flow, flowValue, index);
}
