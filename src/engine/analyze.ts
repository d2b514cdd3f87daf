import { resolveEffectiveParameters, type EffectiveParameters } from './effective';
import { decodeChannelBytes } from './encoding';
import type { Finding } from './findings';
import { parseChannelText, type ChannelDocument } from './parser';
import { createRuleContext } from './rules/context';
import { runRules } from './rules';

/** The findings and effective parameters of one channel file. */
export interface Analysis {
  readonly document: ChannelDocument;
  /** Sorted by position in the file. */
  readonly findings: readonly Finding[];
  readonly effective: EffectiveParameters;
  /** False after a syntax, encoding or shape error: nothing may run on defaults then. */
  readonly parsed: boolean;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.offset - b.range.offset || a.range.length - b.range.length;
}

/** Analyses channel file text as an editor provides it (without a byte order mark). */
export function analyzeText(text: string): Analysis {
  const document = parseChannelText(text);
  const effective = resolveEffectiveParameters(document.entries, document.entryIndex);
  if (!document.isUsable) {
    return {
      document,
      findings: [...document.findings].sort(byPosition),
      effective,
      parsed: false,
    };
  }
  const findings = runRules(createRuleContext(document, effective));
  findings.push(...document.findings);
  findings.sort(byPosition);
  return { document, findings, effective, parsed: true };
}

/** Analyses the saved bytes of a channel file: UTF-8 with or without BOM, nothing else. */
export function analyzeBytes(bytes: Uint8Array): Analysis {
  const decoded = decodeChannelBytes(bytes);
  if (decoded.ok) {
    return analyzeText(decoded.text);
  }
  const document = parseChannelText('');
  return {
    document: { ...document, findings: [decoded.finding] },
    findings: [decoded.finding],
    effective: resolveEffectiveParameters([]),
    parsed: false,
  };
}
