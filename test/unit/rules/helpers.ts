import assert from 'node:assert/strict';
import { analyzeText, type Analysis } from '../../../src/engine/analyze';
import type { Finding, Fix, TextRange } from '../../../src/engine/findings';

/** Parameters of a valid Client-Credentials channel, which the rules accept as they are. */
export const VALID_CLIENT_CREDENTIALS: Readonly<Record<string, unknown>> = {
  OAuth2Flow: 'Client-Credentials',
  AuthorizationServerURL: 'https://acme.my.salesforce.com/services/oauth2/token',
  ConsumerKey: 'CK-TEST',
  ConsumerSecret: '${env:SKYVVA_SECRET}',
  Integration: 'INT_TEST',
  Inteface: 'IF_TEST',
  Operation: 'Skyvva Bulk',
  BulkPackageSize: '5',
  AppVersion: '2.48',
  'SessionPooling.Active': 'X',
  SessionGlobalFilePath: '/usr/sap/TST/SYS/global',
};

/** Analyses a channel file whose parameters are `parameters`, written with two-space indent. */
export function analyzeParameters(parameters: Readonly<Record<string, unknown>>): Analysis {
  return analyzeText(JSON.stringify({ parameters }, null, 2));
}

/** Analyses the valid channel with some parameters changed; `undefined` removes one. */
export function analyzeWith(changes: Readonly<Record<string, unknown>>): Analysis {
  const parameters: Record<string, unknown> = { ...VALID_CLIENT_CREDENTIALS };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete parameters[name];
    } else {
      parameters[name] = value;
    }
  }
  return analyzeParameters(parameters);
}

/** Returns the text a range covers. */
export function textAt(analysis: Analysis, range: TextRange): string {
  return analysis.document.text.slice(range.offset, range.offset + range.length);
}

/** Returns the findings with a code. */
export function withCode(analysis: Analysis, code: string): Finding[] {
  return analysis.findings.filter((finding) => finding.code === code);
}

/** Returns the single finding with a code, failing when there is none or more than one. */
export function single(analysis: Analysis, code: string): Finding {
  const found = withCode(analysis, code);
  assert.equal(found.length, 1, `expected one '${code}', got: ${describe(analysis)}`);
  return found[0] as Finding;
}

/** Lists the findings as `code@text` for assertion messages. */
export function describe(analysis: Analysis): string {
  return (
    analysis.findings.map((f) => `${f.code}@${textAt(analysis, f.range)}`).join(', ') || 'none'
  );
}

/** Returns the text after applying a fix's edits, last edit first. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.offset - a.offset);
  return edits.reduce(
    (result, edit) =>
      result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length),
    text,
  );
}
