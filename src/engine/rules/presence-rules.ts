import { isRequired, PARAMETERS } from '../catalogue';
import { makeFinding, type Finding } from '../findings';
import { addParameterEdit, makeFix, replaceValueEdit } from '../fixes';
import type { RuleContext } from './context';

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Reports required parameters that are absent or blank, in catalogue order. */
export function missingParameterFindings(context: RuleContext): Finding[] {
  const flow = context.flow;
  if (flow === undefined) {
    return [];
  }
  const findings: Finding[] = [];
  for (const definition of PARAMETERS) {
    if (!isRequired(definition, flow, 'send')) {
      continue;
    }
    let entry = context.entry(definition.name);
    for (const legacyName of definition.legacyNames) {
      entry ??= context.entry(legacyName);
    }
    if (entry?.isDuplicate === true || (entry !== undefined && entry.valueType !== 'string')) {
      continue;
    }
    if (!isBlank(entry?.value)) {
      continue;
    }
    const neededFor = definition.neededFor === 'token' ? 'to log in' : 'to send messages';
    findings.push(
      makeFinding({
        code: 'missing-parameter',
        severity: 'error',
        message:
          `OAuth2Flow=${flow} requires '${definition.name}' ${neededFor}, but it is ` +
          `${entry === undefined ? 'missing' : 'blank'}.`,
        range: entry === undefined ? context.anchor : entry.valueRange,
        parameter: definition.name,
        fixes:
          entry === undefined
            ? [
                makeFix(`Add '${definition.name}'`, () => [
                  addParameterEdit(context.document, definition.name, definition.example),
                ]),
              ]
            : [],
      }),
    );
  }
  return findings;
}

/** Reports the defaulted flow and a flow value that is blank. */
export function flowNotSetFindings(context: RuleContext): Finding[] {
  const entry = context.entry('OAuth2Flow');
  if (entry !== undefined && entry.value !== '') {
    return [];
  }
  const state = entry === undefined ? 'is not set' : 'is blank';
  return [
    makeFinding({
      code: 'flow-not-set',
      severity: 'information',
      message:
        `OAuth2Flow ${state}, so the module runs Username-Password. Set OAuth2Flow to ` +
        `'Client-Credentials' for an External Client App.`,
      range: entry === undefined ? context.anchor : entry.valueRange,
      parameter: 'OAuth2Flow',
    }),
  ];
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** Reports session pooling that is off, and a missing or relative session folder. */
export function sessionFindings(context: RuleContext): Finding[] {
  const pooling = context.entry('SessionPooling.Active');
  if (pooling === undefined || pooling.value === '') {
    return [
      makeFinding({
        code: 'session-pooling-off',
        severity: 'warning',
        message:
          'SessionPooling.Active is not X, so every message logs in again and may hit ' +
          "Salesforce's login rate limit. Set SessionPooling.Active to X.",
        range: pooling === undefined ? context.anchor : pooling.valueRange,
        parameter: 'SessionPooling.Active',
        fixes: [
          makeFix('Set SessionPooling.Active to X', () => [
            pooling === undefined
              ? addParameterEdit(context.document, 'SessionPooling.Active', 'X')
              : replaceValueEdit(pooling, 'X'),
          ]),
        ],
      }),
    ];
  }
  if (pooling.value !== 'X') {
    return [];
  }
  const path = context.entry('SessionGlobalFilePath');
  if (path === undefined || path.value === undefined || path.value.trim() === '') {
    return [
      makeFinding({
        code: 'session-path-missing',
        severity: 'warning',
        message:
          'Session pooling is on but SessionGlobalFilePath is ' +
          `${path === undefined ? 'missing' : 'blank'}: set the absolute folder on the PI/PO host, ` +
          'such as /usr/sap/<SID>/SYS/global.',
        range: path === undefined ? context.anchor : path.valueRange,
        parameter: 'SessionGlobalFilePath',
      }),
    ];
  }
  // A value with surrounding whitespace already has its own finding.
  if (path.value === path.value.trim() && !isAbsolutePath(path.value)) {
    return [
      makeFinding({
        code: 'session-path-relative',
        severity: 'warning',
        message: `SessionGlobalFilePath '${path.value}' is relative; use an absolute folder on the PI/PO host.`,
        range: path.valueRange,
        parameter: 'SessionGlobalFilePath',
      }),
    ];
  }
  return [];
}
