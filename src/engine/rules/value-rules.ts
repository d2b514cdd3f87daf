import {
  BULK_OPERATIONS,
  FLOWS,
  OPERATIONS,
  parseFlow,
  type ParameterDefinition,
} from '../catalogue';
import { rankCandidates } from '../did-you-mean';
import { makeFinding, type Finding } from '../findings';
import { makeFix, replaceValueEdit } from '../fixes';
import type { ParameterEntry } from '../parser';
import { unsupportedFlowMessage } from '../vendor-texts';
import { quoteValue, type RuleContext } from './context';
import { urlFinding } from './url-rules';

/** Checks a value by what the parameter holds; the value is a string and not blank. */
type KindRule = (
  entry: ParameterEntry,
  value: string,
  definition: ParameterDefinition,
  context: RuleContext,
) => Finding | undefined;

function valueFixes(entry: ParameterEntry, candidates: readonly string[], isObvious: boolean) {
  return candidates.map((candidate) =>
    makeFix(`Change to '${candidate}'`, () => [replaceValueEdit(entry, candidate)], {
      isPreferred: isObvious && candidates.length === 1,
      isSafe: isObvious && candidates.length === 1,
    }),
  );
}

const flowRule: KindRule = (entry, value) => {
  const flow = parseFlow(value);
  if (flow === value) {
    return undefined;
  }
  if (flow !== undefined) {
    return makeFinding({
      code: 'flow-value-case',
      severity: 'hint',
      message: `OAuth2Flow '${value}' is read as '${flow}'; the canonical spelling is '${flow}'.`,
      range: entry.valueRange,
      parameter: entry.name,
      fixes: valueFixes(entry, [flow], true),
    });
  }
  const trimmedFlow = parseFlow(value.trim());
  const ranked = rankCandidates(value.trim(), FLOWS, 8).map((candidate) => candidate.text);
  // A flow that only needs trimming has one candidate; otherwise the ranked ones, or both.
  let candidates: readonly string[] = ranked.length > 0 ? ranked : FLOWS;
  if (trimmedFlow !== undefined) {
    candidates = [trimmedFlow];
  }
  return makeFinding({
    code: 'invalid-flow',
    severity: 'error',
    message: unsupportedFlowMessage(value),
    range: entry.valueRange,
    parameter: entry.name,
    fixes: valueFixes(entry, candidates, trimmedFlow !== undefined),
  });
};

const operationRule: KindRule = (entry, value) => {
  if ((OPERATIONS as readonly string[]).includes(value)) {
    return undefined;
  }
  const normalized = value.trim().toLowerCase();
  const obvious = OPERATIONS.filter((operation) => operation.toLowerCase() === normalized);
  const candidates =
    obvious.length > 0 ? obvious : rankCandidates(value.trim(), OPERATIONS).map((c) => c.text);
  const suggestion =
    candidates.length > 0 ? ` Did you mean ${candidates.map((c) => `'${c}'`).join(' or ')}?` : '';
  return makeFinding({
    code: 'unknown-operation',
    severity: 'warning',
    message:
      `Operation ${quoteValue(value)} is not a known operation (${OPERATIONS.join(', ')}).` +
      suggestion,
    range: entry.valueRange,
    parameter: entry.name,
    fixes: valueFixes(entry, candidates, obvious.length === 1),
  });
};

const OFF_WORDS = ['false', '0', 'no', 'off', 'n'];

const flagRule: KindRule = (entry, value) => {
  if (value === 'X') {
    return dumpInformation(entry);
  }
  const isOff = OFF_WORDS.includes(value.trim().toLowerCase());
  const target = isOff ? '' : 'X';
  return makeFinding({
    code: 'invalid-flag',
    severity: 'warning',
    message:
      `${entry.name} is ${quoteValue(value)}, but only 'X' switches a flag on; empty or absent ` +
      `means off. As written, the flag is off.`,
    range: entry.valueRange,
    parameter: entry.name,
    fixes: [
      makeFix(
        isOff ? 'Change to empty (off)' : "Change to 'X'",
        () => [replaceValueEdit(entry, target)],
        {
          isPreferred: true,
          isSafe: true,
        },
      ),
    ],
  });
};

function dumpInformation(entry: ParameterEntry): Finding | undefined {
  const what =
    entry.name === 'SforceShowSAPChannelParameters'
      ? [
          'parameter-dump-enabled',
          'The channel parameters are written to the audit log, secrets masked.',
        ]
      : entry.name === 'SforceRequestPayload'
        ? ['payload-dump-enabled', 'Request payloads are written to the audit log.']
        : undefined;
  if (what === undefined) {
    return undefined;
  }
  return makeFinding({
    code: what[0] as string,
    severity: 'information',
    message: what[1] as string,
    range: entry.valueRange,
    parameter: entry.name,
  });
}

const positiveIntegerRule: KindRule = (entry, value, _definition, context) => {
  if (/^[1-9]\d*$/.test(value)) {
    return bulkSizeUnused(entry, context);
  }
  const isTrimmable = /^[1-9]\d*$/.test(value.trim());
  return makeFinding({
    code: 'invalid-bulk-package-size',
    severity: 'error',
    message: `${entry.name} must be a positive whole number; found ${quoteValue(value)}.`,
    range: entry.valueRange,
    parameter: entry.name,
    fixes: isTrimmable ? valueFixes(entry, [value.trim()], true) : [],
  });
};

function bulkSizeUnused(entry: ParameterEntry, context: RuleContext): Finding | undefined {
  const operation = context.effective.value('Operation');
  const isKnown = operation !== undefined && (OPERATIONS as readonly string[]).includes(operation);
  if (!isKnown || BULK_OPERATIONS.includes(operation)) {
    return undefined;
  }
  return makeFinding({
    code: 'bulk-package-size-unused',
    severity: 'hint',
    message: `BulkPackageSize applies to Skyvva Bulk and Salesforce Bulk; Operation is '${operation}'.`,
    range: entry.nameRange,
    parameter: entry.name,
    tags: ['unnecessary'],
  });
}

const versionRule: KindRule = (entry, value) => {
  if (/^\d+\.\d+(\.\d+)?$/.test(value)) {
    return undefined;
  }
  return makeFinding({
    code: 'invalid-app-version',
    severity: 'warning',
    message: `AppVersion ${quoteValue(value)} is not a version like '2.48' or '2.48.1' (major.minor[.patch]).`,
    range: entry.valueRange,
    parameter: entry.name,
  });
};

/** The value rule of each kind of parameter; text and path values have only the generic ones. */
export const KIND_RULES: Partial<Record<ParameterDefinition['kind'], KindRule>> = {
  flow: flowRule,
  url: (entry, value, _definition, context) => urlFinding(entry, value, context),
  operation: operationRule,
  flag: flagRule,
  'positive-integer': positiveIntegerRule,
  version: versionRule,
};
