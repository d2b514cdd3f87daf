import type * as Sarif from 'sarif';
import { FINDING_CODES } from '../../engine/finding-codes';
import type { Severity } from '../../engine/findings';
import type { JsonFinding } from './format-json';

const LEVELS: Record<Severity, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** One checked file for the SARIF log: its URI relative to the working folder, and its findings. */
export interface SarifFile {
  readonly uri: string;
  readonly findings: readonly JsonFinding[];
}

/** Percent-encodes each segment of a relative path, so it is a valid URI reference. */
function toUriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Builds a SARIF 2.1.0 log, so CI systems can show the findings inline. */
export function buildSarifLog(
  version: string,
  files: readonly SarifFile[],
  unreadable: readonly { uri: string; reason: string }[] = [],
): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = FINDING_CODES.map((entry) => ({
    id: entry.code,
    shortDescription: { text: entry.summary },
    defaultConfiguration: { level: LEVELS[entry.severity] },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Sarif.Result[] = files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.code,
      ruleIndex: ruleIndex.get(finding.code),
      level: LEVELS[finding.severity as Severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUriReference(file.uri), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: finding.line,
              startColumn: finding.column,
              endLine: finding.endLine,
              endColumn: finding.endColumn,
            },
          },
        },
      ],
    })),
  );
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'skyvva-channel', version, rules } },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((file) => ({
              level: 'error' as const,
              message: { text: `Cannot read the file: ${file.reason}.` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: toUriReference(file.uri), uriBaseId: '%SRCROOT%' },
                  },
                },
              ],
            })),
          },
        ],
        results,
      },
    ],
  };
}
