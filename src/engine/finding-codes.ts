import type { Severity } from './findings';

/** A finding code with the severity it usually has and what it means, for SARIF and the README. */
export interface FindingCode {
  readonly code: string;
  readonly severity: Severity;
  readonly summary: string;
}

/** Every code the parser and the rules report. Severities vary where the summary states it. */
export const FINDING_CODES: readonly FindingCode[] = [
  {
    code: 'unsupported-encoding',
    severity: 'error',
    summary: 'The file is not UTF-8 (UTF-16, UTF-32 or invalid bytes).',
  },
  { code: 'syntax-error', severity: 'error', summary: 'The file is not valid JSON with comments.' },
  {
    code: 'invalid-channel-file',
    severity: 'error',
    summary: 'The top level is not a JSON object.',
  },
  {
    code: 'parameters-missing',
    severity: 'error',
    summary: 'The file has no "parameters" object.',
  },
  {
    code: 'parameters-not-wrapped',
    severity: 'error',
    summary: 'Parameters stand at the top level instead of inside "parameters".',
  },
  { code: 'invalid-parameters', severity: 'error', summary: '"parameters" is not an object.' },
  {
    code: 'duplicate-key',
    severity: 'error',
    summary: 'A key appears more than once in one object; every place is reported.',
  },
  {
    code: 'unknown-property',
    severity: 'warning',
    summary: 'A top-level, channel or module property the file format does not have.',
  },
  {
    code: 'invalid-property',
    severity: 'warning',
    summary: '$schema, channel or module has the wrong JSON type.',
  },
  {
    code: 'unexpected-module',
    severity: 'warning',
    summary: 'module.name is not Skyvva/V3/RestIntegration.',
  },
  {
    code: 'misplaced-parameter',
    severity: 'warning',
    summary: 'A parameter stands outside "parameters" and is not read.',
  },
  {
    code: 'parameter-name-case',
    severity: 'error',
    summary:
      'A name differs from a parameter only by letter case; an error for OAuth2Flow and required parameters, a warning otherwise.',
  },
  {
    code: 'unknown-parameter',
    severity: 'warning',
    summary: 'Not a module parameter, with "did you mean" fixes for close names.',
  },
  {
    code: 'misspelled-parameter',
    severity: 'warning',
    summary: "Interface instead of the module's spelling Inteface.",
  },
  {
    code: 'deprecated-parameter',
    severity: 'warning',
    summary: 'ConsumeKey, the deprecated name of ConsumerKey.',
  },
  {
    code: 'conflicting-parameter',
    severity: 'error',
    summary: 'ConsumeKey and ConsumerKey are both set with different values.',
  },
  {
    code: 'redundant-parameter',
    severity: 'warning',
    summary: 'ConsumeKey repeats ConsumerKey with the same value.',
  },
  {
    code: 'ignored-parameter',
    severity: 'information',
    summary:
      'SforceUsername or pwdSforceLoginPassword under Client-Credentials, which ignores them.',
  },
  {
    code: 'missing-parameter',
    severity: 'error',
    summary: 'A parameter the effective flow requires is missing or blank.',
  },
  {
    code: 'flow-not-set',
    severity: 'information',
    summary: 'OAuth2Flow is absent or blank, so Username-Password applies.',
  },
  {
    code: 'flow-value-case',
    severity: 'hint',
    summary: 'OAuth2Flow is accepted but not in its canonical spelling.',
  },
  {
    code: 'invalid-flow',
    severity: 'error',
    summary: 'OAuth2Flow is neither Client-Credentials nor Username-Password.',
  },
  {
    code: 'invalid-url',
    severity: 'error',
    summary: 'AuthorizationServerURL is not a valid https URL.',
  },
  {
    code: 'insecure-url',
    severity: 'error',
    summary: 'AuthorizationServerURL uses plain http to a host other than loopback.',
  },
  {
    code: 'url-query',
    severity: 'error',
    summary: 'AuthorizationServerURL has a query string or fragment.',
  },
  {
    code: 'soap-login-url',
    severity: 'error',
    summary:
      'AuthorizationServerURL is a SOAP login URL; an error under Client-Credentials, a warning under Username-Password.',
  },
  {
    code: 'token-path',
    severity: 'error',
    summary: 'AuthorizationServerURL has a path other than /services/oauth2/token.',
  },
  {
    code: 'lightning-host',
    severity: 'warning',
    summary: 'AuthorizationServerURL names a *.lightning.force.com UI host.',
  },
  {
    code: 'generic-login-host',
    severity: 'warning',
    summary: 'login.salesforce.com or test.salesforce.com under Client-Credentials.',
  },
  {
    code: 'non-salesforce-host',
    severity: 'warning',
    summary: "AuthorizationServerURL names a host outside Salesforce's domains and loopback.",
  },
  {
    code: 'unknown-operation',
    severity: 'warning',
    summary: 'Operation is not one of the known operations.',
  },
  {
    code: 'invalid-flag',
    severity: 'warning',
    summary: 'A flag holds something other than X or empty.',
  },
  {
    code: 'parameter-dump-enabled',
    severity: 'information',
    summary: 'SforceShowSAPChannelParameters writes the parameters to the audit log.',
  },
  {
    code: 'payload-dump-enabled',
    severity: 'information',
    summary: 'SforceRequestPayload writes payloads to the audit log.',
  },
  {
    code: 'invalid-bulk-package-size',
    severity: 'error',
    summary: 'BulkPackageSize is not a positive whole number.',
  },
  {
    code: 'bulk-package-size-unused',
    severity: 'hint',
    summary: 'BulkPackageSize is set but Operation is not a bulk operation.',
  },
  {
    code: 'invalid-app-version',
    severity: 'warning',
    summary: 'AppVersion is not major.minor[.patch].',
  },
  {
    code: 'session-pooling-off',
    severity: 'warning',
    summary: 'SessionPooling.Active is not X: every message logs in.',
  },
  {
    code: 'session-path-missing',
    severity: 'warning',
    summary: 'Pooling is on but SessionGlobalFilePath is missing or blank.',
  },
  {
    code: 'session-path-relative',
    severity: 'warning',
    summary: 'SessionGlobalFilePath is not an absolute path.',
  },
  {
    code: 'non-string-value',
    severity: 'warning',
    summary: 'A number or boolean where the module reads a string.',
  },
  {
    code: 'invalid-value-type',
    severity: 'error',
    summary: 'null, an object or an array as a parameter value.',
  },
  {
    code: 'whitespace',
    severity: 'warning',
    summary: 'Leading or trailing whitespace in a value.',
  },
  {
    code: 'control-character',
    severity: 'warning',
    summary: 'A line break or another control character inside a value.',
  },
  {
    code: 'invalid-secret-reference',
    severity: 'error',
    summary: 'A value contains ${ but is not ${env:NAME} or ${secret:NAME}.',
  },
  {
    code: 'secret-reference-not-allowed',
    severity: 'error',
    summary: 'A secret reference in a parameter other than the credentials.',
  },
  {
    code: 'literal-secret',
    severity: 'hint',
    summary: 'ConsumerSecret or a pwd* parameter holds a literal secret.',
  },
];
