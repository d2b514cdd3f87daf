import {
  findByLegacyName,
  findParameter,
  isRequired,
  PARAMETERS,
  type ParameterDefinition,
} from '../catalogue';
import { rankCandidates } from '../did-you-mean';
import { makeFinding, type Finding, type Severity } from '../findings';
import { makeFix, removePropertyEdit, renameKeyEdit } from '../fixes';
import type { ParameterEntry } from '../parser';
import type { RuleContext } from './context';

const KNOWN_NAMES = PARAMETERS.map((definition) => definition.name);

/** Describes what happens when the module does not find a parameter under its exact name. */
function consequence(definition: ParameterDefinition, context: RuleContext): string {
  if (definition.name === 'OAuth2Flow') {
    return 'the module runs Username-Password, the default';
  }
  if (context.flow !== undefined && definition.requiredIn.includes(context.flow)) {
    return `the module runs without ${definition.name}`;
  }
  return definition.kind === 'flag' ? 'the flag stays off' : 'the default applies';
}

/** Builds the rename fixes, leaving out targets that are already in the file. */
function renameFixes(entry: ParameterEntry, targets: readonly string[], context: RuleContext) {
  const free = targets.filter((target) => context.entry(target) === undefined);
  return free.map((target) =>
    makeFix(`Rename to '${target}'`, () => [renameKeyEdit(entry, target)], {
      isPreferred: free.length === 1,
      isSafe: free.length === 1,
    }),
  );
}

function caseFinding(
  entry: ParameterEntry,
  definition: ParameterDefinition,
  context: RuleContext,
): Finding {
  const isNeeded =
    definition.name === 'OAuth2Flow' ||
    (context.flow !== undefined && isRequired(definition, context.flow, 'send'));
  const severity: Severity = isNeeded ? 'error' : 'warning';
  const exists = context.entry(definition.name) !== undefined;
  const message =
    `'${entry.name}' is not a module parameter: names are case-sensitive. ` +
    `Did you mean '${definition.name}'? ` +
    (exists
      ? `'${definition.name}' is set too, so this one is ignored.`
      : `As written, ${consequence(definition, context)}.`);
  return makeFinding({
    code: 'parameter-name-case',
    severity,
    message,
    range: entry.nameRange,
    parameter: entry.name,
    fixes: renameFixes(entry, [definition.name], context),
  });
}

function mistakenNameFinding(
  entry: ParameterEntry,
  definition: ParameterDefinition,
  context: RuleContext,
): Finding {
  const exists = context.entry(definition.name) !== undefined;
  const fixes = exists
    ? [makeFix(`Remove '${entry.name}'`, () => [removePropertyEdit(context.document, entry)])]
    : renameFixes(entry, [definition.name], context);
  return makeFinding({
    code: 'misspelled-parameter',
    severity: 'warning',
    message:
      `The module does not read '${entry.name}': its parameter is spelled '${definition.name}' ` +
      `(the module's own spelling).` +
      (exists ? ` '${definition.name}' is set too, so '${entry.name}' can go.` : ''),
    range: entry.nameRange,
    parameter: entry.name,
    fixes,
  });
}

function legacyNameFinding(
  entry: ParameterEntry,
  definition: ParameterDefinition,
  context: RuleContext,
): Finding {
  const current = context.entry(definition.name);
  if (current === undefined) {
    return makeFinding({
      code: 'deprecated-parameter',
      severity: 'warning',
      message: `'${entry.name}' is deprecated; rename it to '${definition.name}'.`,
      range: entry.nameRange,
      parameter: entry.name,
      tags: ['deprecated'],
      fixes: renameFixes(entry, [definition.name], context),
    });
  }
  const related = [{ range: current.nameRange, message: `'${definition.name}' is set here` }];
  if (current.value !== entry.value) {
    return makeFinding({
      code: 'conflicting-parameter',
      severity: 'error',
      message:
        `'${entry.name}' and '${definition.name}' are both set, with different values. ` +
        `Keep only '${definition.name}' with the right value.`,
      range: entry.nameRange,
      parameter: entry.name,
      tags: ['deprecated'],
      related,
      fixes: [
        makeFix(`Remove '${entry.name}' and keep '${definition.name}'`, () => [
          removePropertyEdit(context.document, entry),
        ]),
      ],
    });
  }
  return makeFinding({
    code: 'redundant-parameter',
    severity: 'warning',
    message: `'${entry.name}' repeats '${definition.name}' with the same value; remove the deprecated name.`,
    range: entry.nameRange,
    parameter: entry.name,
    tags: ['deprecated', 'unnecessary'],
    related,
    fixes: [
      makeFix(`Remove '${entry.name}'`, () => [removePropertyEdit(context.document, entry)], {
        isPreferred: true,
      }),
    ],
  });
}

function unknownNameFinding(entry: ParameterEntry, context: RuleContext): Finding {
  const candidates = rankCandidates(entry.name, KNOWN_NAMES).filter((c) => !c.isCaseOnly);
  const best = candidates[0] === undefined ? undefined : findParameter(candidates[0].text);
  let message = `'${entry.name}' is not a module parameter, so the module ignores it.`;
  if (best !== undefined) {
    const names = candidates.map((candidate) => `'${candidate.text}'`).join(' or ');
    message += ` Did you mean ${names}? As written, ${consequence(best, context)}.`;
  }
  return makeFinding({
    code: 'unknown-parameter',
    severity: 'warning',
    message,
    range: entry.nameRange,
    parameter: entry.name,
    fixes: renameFixes(
      entry,
      candidates.map((candidate) => candidate.text),
      context,
    ),
  });
}

function ignoredFinding(entry: ParameterEntry, context: RuleContext): Finding {
  return makeFinding({
    code: 'ignored-parameter',
    severity: 'information',
    message: `OAuth2Flow=${context.flow}: '${entry.name}' is ignored. The Run-As user is configured in the External Client App.`,
    range: entry.nameRange,
    parameter: entry.name,
    tags: ['unnecessary'],
    fixes: [makeFix(`Remove '${entry.name}'`, () => [removePropertyEdit(context.document, entry)])],
  });
}

function byLowerCase(names: (definition: ParameterDefinition) => readonly string[]) {
  return new Map(
    PARAMETERS.flatMap((definition) =>
      names(definition).map((name) => [name.toLowerCase(), definition] as const),
    ),
  );
}

const caseVariants = byLowerCase((definition) => [definition.name, ...definition.legacyNames]);
const mistakes = byLowerCase((definition) => definition.mistakenNames);

function findCaseVariant(name: string): ParameterDefinition | undefined {
  return caseVariants.get(name.toLowerCase());
}

function findMistake(name: string): ParameterDefinition | undefined {
  return mistakes.get(name.toLowerCase());
}

/** Checks one parameter name: exact, legacy, mistaken, wrong case, close to a name, or unknown. */
export function nameFinding(
  entry: ParameterEntry,
  context: RuleContext,
  definition = findParameter(entry.name),
  legacy = definition === undefined ? findByLegacyName(entry.name) : undefined,
): Finding | undefined {
  if (definition !== undefined) {
    const isIgnored = context.flow !== undefined && definition.ignoredIn.includes(context.flow);
    return isIgnored ? ignoredFinding(entry, context) : undefined;
  }
  if (legacy !== undefined) {
    return legacyNameFinding(entry, legacy, context);
  }
  const mistake = findMistake(entry.name);
  if (mistake !== undefined) {
    return mistakenNameFinding(entry, mistake, context);
  }
  const caseVariant = findCaseVariant(entry.name);
  if (caseVariant !== undefined) {
    return caseFinding(entry, caseVariant, context);
  }
  return unknownNameFinding(entry, context);
}

/** Checks whether the module reads a parameter's value under the effective flow. */
export function isRead(definition: ParameterDefinition | undefined, context: RuleContext): boolean {
  if (definition === undefined) {
    return false;
  }
  return context.flow === undefined || !definition.ignoredIn.includes(context.flow);
}
