import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../src/engine/analyze';
import {
  analyzeParameters,
  analyzeWith,
  applyFix,
  describe,
  single,
  textAt,
  withCode,
} from './helpers';

test('blank required values are missing', () => {
  const analysis = analyzeParameters({
    OAuth2Flow: 'Client-Credentials',
    AuthorizationServerURL: '   ',
    ConsumerKey: 'CK-HC03',
    ConsumerSecret: '',
  });
  const missing = withCode(analysis, 'missing-parameter');
  const url = missing.find((f) => f.parameter === 'AuthorizationServerURL');
  const secret = missing.find((f) => f.parameter === 'ConsumerSecret');
  assert.ok(url, describe(analysis));
  assert.ok(secret, describe(analysis));
  assert.equal(url.severity, 'error');
  assert.equal(textAt(analysis, url.range), '"   "');
  assert.equal(textAt(analysis, secret.range), '""');
  assert.equal(
    missing.find((f) => f.parameter === 'ConsumerKey'),
    undefined,
  );
  assert.equal(withCode(analysis, 'whitespace').length, 0);
  assert.equal(withCode(analysis, 'invalid-url').length, 0);
});

test('absent required parameter points at parameters', () => {
  const analysis = analyzeWith({ Integration: undefined });
  const finding = single(analysis, 'missing-parameter');
  assert.equal(textAt(analysis, finding.range), '"parameters"');
  assert.match(finding.message, /'Integration'/);
});

test('flow with trailing space is the flow error', () => {
  const analysis = analyzeWith({ OAuth2Flow: 'Client-Credentials ' });
  const finding = single(analysis, 'invalid-flow');
  assert.equal(finding.severity, 'error');
  assert.equal(
    finding.message,
    "Unsupported OAuth2Flow value 'Client-Credentials '. Expected 'Username-Password' or 'Client-Credentials'.",
  );
  assert.equal(withCode(analysis, 'whitespace').length, 0);
  assert.equal(analysis.effective.flow, undefined);
});

test('misspelled flow offers ranked candidates', () => {
  const analysis = analyzeWith({ OAuth2Flow: 'Cleint-Credentials' });
  const finding = single(analysis, 'invalid-flow');
  assert.equal(finding.fixes[0]?.title, "Change to 'Client-Credentials'");
  assert.equal(
    finding.fixes.every((fix) => !fix.isSafe),
    true,
  );
});

test('unrelated flow offers both flows', () => {
  const analysis = analyzeWith({ OAuth2Flow: 'CC' });
  const finding = single(analysis, 'invalid-flow');
  assert.equal(finding.fixes.length, 2);
});

test('secret whitespace is counted, never shown', () => {
  const analysis = analyzeWith({ ConsumerSecret: 'CANARY-SECRET-HC05 ' });
  const finding = single(analysis, 'whitespace');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /ConsumerSecret/);
  assert.match(finding.message, /1 trailing whitespace character/);
  assert.doesNotMatch(finding.message, /CANARY/);
  assert.doesNotMatch(finding.fixes[0]?.title ?? '', /CANARY/);
  assert.equal(finding.fixes[0]?.isSafe, false);
});

test('plain whitespace gets a safe trim', () => {
  const analysis = analyzeWith({ Integration: '\tINT_TEST  ' });
  const finding = single(analysis, 'whitespace');
  assert.match(finding.message, /1 leading whitespace character and 2 trailing/);
  assert.equal(finding.fixes[0]?.isSafe, true);
  const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
  assert.equal(fixed.findings.length, 0, describe(fixed));
});

for (const [value, target] of [
  ['x', 'X'],
  ['true', 'X'],
  ['1', 'X'],
  ['false', ''],
] as const) {
  test(`flag value '${value}' is fixed to '${target}'`, () => {
    const analysis = analyzeWith({ 'SessionPooling.Active': 'X', SforceRequestPayload: value });
    const finding = single(analysis, 'invalid-flag');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.fixes[0]?.isSafe, true);
    assert.match(
      applyFix(analysis.document.text, finding.fixes[0]!),
      new RegExp(`"SforceRequestPayload": "${target}"`),
    );
  });
}

test('number value is quoted', () => {
  const analysis = analyzeWith({ BulkPackageSize: 5 });
  const finding = single(analysis, 'non-string-value');
  assert.equal(finding.severity, 'warning');
  assert.equal(analysis.effective.value('BulkPackageSize'), '5');
  const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
  assert.equal(fixed.findings.length, 0, describe(fixed));
});

test('invalid number value wins over quoting', () => {
  const analysis = analyzeWith({ BulkPackageSize: 0 });
  single(analysis, 'invalid-bulk-package-size');
  assert.equal(withCode(analysis, 'non-string-value').length, 0);
});

test('null value is an error', () => {
  const analysis = analyzeWith({ Integration: null });
  assert.equal(single(analysis, 'invalid-value-type').severity, 'error');
});

for (const value of ['0', '-1', 'abc', '1.5']) {
  test(`bulk package size '${value}' is an error`, () => {
    const finding = single(analyzeWith({ BulkPackageSize: value }), 'invalid-bulk-package-size');
    assert.equal(finding.severity, 'error');
  });
}

test('bulk package size on integrate is unused', () => {
  const analysis = analyzeWith({ Operation: 'integrate' });
  const finding = single(analysis, 'bulk-package-size-unused');
  assert.equal(finding.severity, 'hint');
  assert.deepEqual(finding.tags, ['unnecessary']);
});

test('malformed app version is a warning', () => {
  assert.equal(
    single(analyzeWith({ AppVersion: 'v2' }), 'invalid-app-version').severity,
    'warning',
  );
  assert.equal(withCode(analyzeWith({ AppVersion: '2.48.1' }), 'invalid-app-version').length, 0);
});

test('unknown operation is a warning with candidates', () => {
  const analysis = analyzeWith({ Operation: 'Skyva Bulk' });
  const finding = single(analysis, 'unknown-operation');
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.fixes[0]?.title, "Change to 'Skyvva Bulk'");
});

test('operation in other case has one safe fix', () => {
  const finding = single(analyzeWith({ Operation: 'skyvva bulk' }), 'unknown-operation');
  assert.equal(finding.fixes.length, 1);
  assert.equal(finding.fixes[0]?.isSafe, true);
});

test('every listed operation is accepted', () => {
  for (const operation of [
    'integrate',
    'integrateSynchronous',
    'Skyvva Batch',
    'Skyvva Bulk',
    'Salesforce Bulk',
    'Auto-Switch',
  ]) {
    assert.equal(
      withCode(analyzeWith({ Operation: operation }), 'unknown-operation').length,
      0,
      operation,
    );
  }
});

test('secret reference in a credential is accepted', () => {
  const analysis = analyzeWith({ ConsumerKey: '${secret:cc_key}' });
  assert.equal(analysis.findings.length, 0, describe(analysis));
});

test('secret reference elsewhere is an error', () => {
  const finding = single(
    analyzeWith({ Integration: '${env:INTEGRATION}' }),
    'secret-reference-not-allowed',
  );
  assert.equal(finding.severity, 'error');
});

test('malformed secret reference is an error', () => {
  for (const value of ['${env:}', '${vault:x}', 'prefix-${env:X}', '${env:1X}']) {
    const finding = single(analyzeWith({ ConsumerSecret: value }), 'invalid-secret-reference');
    assert.equal(finding.severity, 'error', value);
  }
});

test('literal secret gets a hint', () => {
  const finding = single(analyzeWith({ ConsumerSecret: 'CANARY-LITERAL' }), 'literal-secret');
  assert.equal(finding.severity, 'hint');
  assert.doesNotMatch(finding.message, /CANARY/);
});

test('pooling absent warns about the login limit', () => {
  const analysis = analyzeWith({ 'SessionPooling.Active': undefined });
  const finding = single(analysis, 'session-pooling-off');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /login rate limit/);
});

test('pooling without a session folder warns', () => {
  const missing = analyzeWith({ SessionGlobalFilePath: undefined });
  assert.equal(single(missing, 'session-path-missing').severity, 'warning');
  const relative = analyzeWith({ SessionGlobalFilePath: 'sap/global' });
  assert.equal(single(relative, 'session-path-relative').severity, 'warning');
  const windows = analyzeWith({ SessionGlobalFilePath: 'D:\\usr\\sap\\TST\\SYS\\global' });
  assert.equal(windows.findings.length, 0, describe(windows));
});

test('dump flags are reported as information', () => {
  const analysis = analyzeWith({ SforceShowSAPChannelParameters: 'X', SforceRequestPayload: 'X' });
  assert.equal(single(analysis, 'parameter-dump-enabled').severity, 'information');
  assert.equal(single(analysis, 'payload-dump-enabled').severity, 'information');
});

test('absent flow is reported as information', () => {
  const analysis = analyzeWith({
    OAuth2Flow: undefined,
    SforceUsername: 'u',
    pwdSforceLoginPassword: '${env:P}',
  });
  const finding = single(analysis, 'flow-not-set');
  assert.equal(finding.severity, 'information');
  assert.equal(analysis.effective.flow, 'Username-Password');
});

test('every kind of whitespace is found', () => {
  for (const space of [' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff']) {
    const analysis = analyzeWith({ Integration: `INT_TEST${space}` });
    assert.equal(withCode(analysis, 'whitespace').length, 1, JSON.stringify(space));
  }
});

test('missing parameter can be added', () => {
  const analysis = analyzeWith({ Integration: undefined });
  const finding = single(analysis, 'missing-parameter');
  assert.equal(finding.fixes[0]?.isSafe, false);
  const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
  assert.equal(fixed.findings.length, 0, describe(fixed));
  assert.equal(fixed.effective.value('Integration'), 'Ly-Na');
});

test('missing parameter is added to an empty object', () => {
  const text = '{"parameters": {}}';
  const analysis = analyzeText(text);
  const finding = withCode(analysis, 'missing-parameter').find(
    (f) => f.parameter === 'SforceUsername',
  );
  assert.ok(finding, describe(analysis));
  const fixed = analyzeText(applyFix(text, finding.fixes[0]!));
  assert.equal(fixed.parsed, true);
  assert.ok(fixed.effective.value('SforceUsername'));
});

test('pooling off can be switched on', () => {
  for (const change of [{ 'SessionPooling.Active': undefined }, { 'SessionPooling.Active': '' }]) {
    const analysis = analyzeWith(change);
    const finding = single(analysis, 'session-pooling-off');
    const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
    assert.equal(fixed.findings.length, 0, describe(fixed));
  }
});

test('control character inside a value', () => {
  const analysis = analyzeWith({
    Integration: 'Ly-Na\n  OAuth2Flow: Client-Credentials\u001b[32m',
  });
  const finding = single(analysis, 'control-character');
  assert.equal(finding.severity, 'warning');
  assert.doesNotMatch(finding.message, /Ly-Na/);
});

test('finding messages escape control characters', () => {
  const analysis = analyzeWith({ '\u001b[31mX\nforged.skyvva.json:1:1 error z': 'v' });
  const finding = single(analysis, 'unknown-parameter');
  // eslint-disable-next-line no-control-regex -- the test looks for control characters
  assert.doesNotMatch(finding.message, /[\u0000-\u001f]/);
  assert.match(finding.message, /\\u001b\[31mX\\nforged/);
});
