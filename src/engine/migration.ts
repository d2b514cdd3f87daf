import { modify, type FormattingOptions } from 'jsonc-parser';
import { analyzeText } from './analyze';
import { PARAMETERS, TOKEN_PATH } from './catalogue';
import { applySafeFixes } from './fix-all';
import type { Finding, TextEdit } from './findings';
import { removePropertyEdit, renameKeyEdit, replaceValueEdit } from './fixes';
import { isGenericLoginHost, isLoopbackHost } from './hosts';
import { parseChannelText, type ParameterEntry } from './parser';
import { applyEdits, diffAsSingleEdit } from './text-edits';

const TARGET_FLOW = 'Client-Credentials';
const LEGACY_KEY = 'ConsumeKey';
const CURRENT_KEY = 'ConsumerKey';

/** The parameters that Client-Credentials ignores: SforceUsername and pwdSforceLoginPassword. */
export const IGNORED_UNDER_CLIENT_CREDENTIALS: readonly string[] = PARAMETERS.filter((p) =>
  p.ignoredIn.includes(TARGET_FLOW),
).map((p) => p.name);

export interface MigrationOptions {
  /** Whether to remove the parameters that Client-Credentials ignores. */
  readonly removeIgnored: boolean;
}

/** A change that the migration made. */
export type MigrationStep =
  | { readonly kind: 'flow-added' }
  | { readonly kind: 'flow-changed'; readonly previous: string }
  | { readonly kind: 'url-changed'; readonly url: string }
  | { readonly kind: 'legacy-key-renamed' }
  | { readonly kind: 'legacy-key-removed' }
  | { readonly kind: 'ignored-removed'; readonly names: readonly string[] }
  | { readonly kind: 'safe-fixes-applied'; readonly count: number };

/** Work that the migration leaves to the user. */
export type MigrationTask =
  | { readonly kind: 'new-credentials' }
  | { readonly kind: 'my-domain-host'; readonly host: string }
  | { readonly kind: 'url-missing' }
  | { readonly kind: 'url-not-changed' }
  | { readonly kind: 'ignored-kept'; readonly names: readonly string[] };

/** The migration of one channel file to Client-Credentials, computed without changing it. */
export interface MigrationPlan {
  /** False when the file cannot be parsed, so nothing was changed. */
  readonly isParsed: boolean;
  readonly text: string;
  /** One edit from the original text to `text`; undefined when nothing changes. */
  readonly edit: TextEdit | undefined;
  readonly steps: readonly MigrationStep[];
  readonly tasks: readonly MigrationTask[];
  /** Error findings of the migrated text. */
  readonly remainingErrors: readonly Finding[];
}

/** The text after one step, and what the step did. */
interface StepResult {
  readonly text: string;
  readonly steps: MigrationStep[];
  readonly tasks: MigrationTask[];
}

/**
 * Plans the vendor's migration from Username-Password to Client-Credentials: OAuth2Flow set to
 * Client-Credentials, AuthorizationServerURL pointed at the token endpoint, ConsumeKey renamed to
 * ConsumerKey, and optionally the ignored SforceUsername and pwdSforceLoginPassword removed.
 * Safe fixes run before and after those steps, so that misspelled names do not hide parameters
 * and the result has no error that a safe fix would clear.
 */
export function planMigration(original: string, options: MigrationOptions): MigrationPlan {
  // The legacy name goes first, because the safe fixes would rename it without saying so.
  const legacy = replaceLegacyKey(original);
  const before = applySafeFixes(legacy.text);
  if (!parseChannelText(before.text).isUsable) {
    return notParsed(original);
  }

  const results: StepResult[] = [legacy];
  let text = before.text;
  for (const step of [setFlow, pointUrlAtTokenEndpoint]) {
    const result = step(text);
    results.push(result);
    text = result.text;
  }
  const ignored = handleIgnored(text, options);
  results.push(ignored);
  const after = applySafeFixes(ignored.text);

  const steps = results.flatMap((result) => result.steps);
  const fixCount = before.appliedCount + after.appliedCount;
  if (fixCount > 0) {
    steps.push({ kind: 'safe-fixes-applied', count: fixCount });
  }
  const tasks: MigrationTask[] = [
    { kind: 'new-credentials' },
    ...results.flatMap((result) => result.tasks),
  ];
  return {
    isParsed: true,
    text: after.text,
    edit: diffAsSingleEdit(original, after.text),
    steps,
    tasks,
    remainingErrors: analyzeText(after.text).findings.filter((f) => f.severity === 'error'),
  };
}

function notParsed(text: string): MigrationPlan {
  return {
    isParsed: false,
    text,
    edit: undefined,
    steps: [],
    tasks: [],
    remainingErrors: analyzeText(text).findings.filter((f) => f.severity === 'error'),
  };
}

function entriesNamed(text: string, name: string): ParameterEntry[] {
  return parseChannelText(text).entries.filter((entry) => entry.name === name);
}

function setFlow(text: string): StepResult {
  const entries = entriesNamed(text, 'OAuth2Flow');
  if (entries.length === 0) {
    const edits = modify(text, ['parameters', 'OAuth2Flow'], TARGET_FLOW, {
      formattingOptions: detectFormatting(text),
      getInsertionIndex: () => 0,
    });
    const textEdits = edits.map((edit) => ({ ...edit, newText: edit.content }));
    return { text: applyEdits(text, textEdits), steps: [{ kind: 'flow-added' }], tasks: [] };
  }
  const changed = entries.filter((entry) => entry.value !== TARGET_FLOW);
  if (changed.length === 0) {
    return { text, steps: [], tasks: [] };
  }
  const first = changed[0] as ParameterEntry;
  const { offset, length } = first.valueRange;
  const previous = first.value ?? text.slice(offset, offset + length);
  return {
    text: applyEdits(
      text,
      changed.map((entry) => replaceValueEdit(entry, TARGET_FLOW)),
    ),
    steps: [{ kind: 'flow-changed', previous }],
    tasks: [],
  };
}

/** Returns the token endpoint URL on the same host, or undefined when the value is no URL. */
function tokenEndpointOf(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return undefined;
  }
  // Plain http stays only for loopback hosts, such as a local emulator.
  const protocol = isLoopbackHost(url.hostname) ? url.protocol : 'https:';
  return new URL(`${protocol}//${url.host}${TOKEN_PATH}`);
}

function pointUrlAtTokenEndpoint(text: string): StepResult {
  const [entry] = entriesNamed(text, 'AuthorizationServerURL');
  if (entry === undefined) {
    return { text, steps: [], tasks: [{ kind: 'url-missing' }] };
  }
  const target = entry.value === undefined ? undefined : tokenEndpointOf(entry.value);
  if (target === undefined || entry.valueType !== 'string') {
    return { text, steps: [], tasks: [{ kind: 'url-not-changed' }] };
  }
  const tasks: MigrationTask[] = isGenericLoginHost(target.hostname)
    ? [{ kind: 'my-domain-host', host: target.hostname }]
    : [];
  if (target.href === entry.value) {
    return { text, steps: [], tasks };
  }
  return {
    text: applyEdits(text, [replaceValueEdit(entry, target.href)]),
    steps: [{ kind: 'url-changed', url: target.href }],
    tasks,
  };
}

function replaceLegacyKey(text: string): StepResult {
  const [legacy] = entriesNamed(text, LEGACY_KEY);
  if (legacy === undefined) {
    return { text, steps: [], tasks: [] };
  }
  const document = parseChannelText(text);
  // The module reads ConsumerKey when both names are set, so removing ConsumeKey changes nothing.
  if (document.entries.some((entry) => entry.name === CURRENT_KEY)) {
    return {
      text: applyEdits(text, [removePropertyEdit(document, legacy)]),
      steps: [{ kind: 'legacy-key-removed' }],
      tasks: [],
    };
  }
  return {
    text: applyEdits(text, [renameKeyEdit(legacy, CURRENT_KEY)]),
    steps: [{ kind: 'legacy-key-renamed' }],
    tasks: [],
  };
}

function handleIgnored(text: string, options: MigrationOptions): StepResult {
  const present = IGNORED_UNDER_CLIENT_CREDENTIALS.filter(
    (name) => entriesNamed(text, name).length > 0,
  );
  if (present.length === 0) {
    return { text, steps: [], tasks: [] };
  }
  if (!options.removeIgnored) {
    return { text, steps: [], tasks: [{ kind: 'ignored-kept', names: present }] };
  }
  let current = text;
  for (const name of present) {
    current = removeEvery(current, name);
  }
  return { text: current, steps: [{ kind: 'ignored-removed', names: present }], tasks: [] };
}

/** Removes every property with this name, one at a time, because each removal moves the rest. */
function removeEvery(text: string, name: string): string {
  let current = text;
  for (let remaining = entriesNamed(current, name); remaining.length > 0;) {
    const document = parseChannelText(current);
    current = applyEdits(current, [removePropertyEdit(document, remaining[0] as ParameterEntry)]);
    remaining = entriesNamed(current, name);
  }
  return current;
}

/** Reads the indentation and line breaks of the text, for the properties that are inserted. */
function detectFormatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  const insertSpaces = !indent.startsWith('\t');
  return {
    insertSpaces,
    tabSize: insertSpaces ? indent.length : 1,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}
