import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyzeParameters,
  analyzeWith,
  applyFix,
  describe,
  single,
  textAt,
  withCode,
} from './helpers';
import { analyzeText } from '../../../src/engine/analyze';

test('wrong-case flow name is an error', () => {
  const analysis = analyzeParameters({
    oauth2Flow: 'Client-Credentials',
    AuthorizationServerURL: 'https://hc04.my.salesforce.com/services/oauth2/token',
    ConsumerKey: 'CK-HC04',
    ConsumerSecret: 'CANARY-SECRET-HC04',
    'sessionPooling.active': 'X',
  });
  const flowName = withCode(analysis, 'parameter-name-case').find(
    (finding) => textAt(analysis, finding.range) === '"oauth2Flow"',
  );
  assert.ok(flowName, describe(analysis));
  assert.equal(flowName.severity, 'error');
  assert.match(flowName.message, /case-sensitive/);
  assert.match(flowName.message, /Did you mean 'OAuth2Flow'/);
  assert.match(flowName.message, /Username-Password/);
  assert.equal(flowName.fixes.length, 1);
  assert.equal(flowName.fixes[0]?.isSafe, true);
});

test('wrong-case optional name is a warning', () => {
  const analysis = analyzeParameters({
    oauth2Flow: 'Client-Credentials',
    AuthorizationServerURL: 'https://hc04.my.salesforce.com/services/oauth2/token',
    ConsumerKey: 'CK-HC04',
    ConsumerSecret: 'CANARY-SECRET-HC04',
    'sessionPooling.active': 'X',
  });
  const pooling = withCode(analysis, 'parameter-name-case').find(
    (finding) => textAt(analysis, finding.range) === '"sessionPooling.active"',
  );
  assert.ok(pooling, describe(analysis));
  assert.equal(pooling.severity, 'warning');
  assert.match(pooling.message, /Did you mean 'SessionPooling.Active'/);
  const fixed = applyFix(analysis.document.text, pooling.fixes[0]!);
  assert.match(fixed, /"SessionPooling\.Active": "X"/);
});

test('wrong-case flow name runs the default flow', () => {
  const analysis = analyzeParameters({
    oauth2Flow: 'Client-Credentials',
    AuthorizationServerURL: 'https://hc04.my.salesforce.com/services/oauth2/token',
    ConsumerKey: 'CK-HC04',
    ConsumerSecret: 'CANARY-SECRET-HC04',
  });
  assert.equal(analysis.effective.flow, 'Username-Password');
  const missing = withCode(analysis, 'missing-parameter').map((finding) => finding.parameter);
  assert.ok(missing.includes('SforceUsername'), describe(analysis));
  assert.ok(missing.includes('pwdSforceLoginPassword'), describe(analysis));
});

test('wrong-case required name is an error', () => {
  const analysis = analyzeWith({ Integration: undefined, integration: 'INT_TEST' });
  const finding = single(analysis, 'parameter-name-case');
  assert.equal(finding.severity, 'error');
  assert.equal(textAt(analysis, finding.range), '"integration"');
});

test('wrong-case name beside the right one offers no rename', () => {
  const analysis = analyzeWith({ operation: 'integrate' });
  const finding = single(analysis, 'parameter-name-case');
  assert.equal(finding.fixes.length, 0);
  assert.match(finding.message, /set too/);
});

test('flow value in other case is accepted', () => {
  const analysis = analyzeWith({ OAuth2Flow: 'client-credentials' });
  assert.equal(analysis.effective.flow, 'Client-Credentials');
  assert.equal(analysis.findings.filter((f) => f.severity === 'error').length, 0);
  const hint = single(analysis, 'flow-value-case');
  assert.equal(hint.severity, 'hint');
  assert.equal(hint.fixes[0]?.isSafe, true);
  assert.match(
    applyFix(analysis.document.text, hint.fixes[0]!),
    /"OAuth2Flow": "Client-Credentials"/,
  );
});

test('legacy ConsumeKey is deprecated with a rename', () => {
  const analysis = analyzeWith({ ConsumerKey: undefined, ConsumeKey: 'CK-HC03' });
  const finding = single(analysis, 'deprecated-parameter');
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.tags, ['deprecated']);
  assert.equal(textAt(analysis, finding.range), '"ConsumeKey"');
  assert.equal(withCode(analysis, 'missing-parameter').length, 0);
  assert.equal(analysis.effective.value('ConsumerKey'), 'CK-HC03');
  const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
  assert.equal(fixed.findings.length, 0, describe(fixed));
});

test('legacy and current key differing is an error', () => {
  const analysis = analyzeWith({ ConsumeKey: 'OTHER' });
  const finding = single(analysis, 'conflicting-parameter');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.related.length, 1);
  assert.equal(withCode(analysis, 'deprecated-parameter').length, 0);
});

test('legacy and current key equal is redundant', () => {
  const analysis = analyzeWith({ ConsumeKey: 'CK-TEST' });
  const finding = single(analysis, 'redundant-parameter');
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.fixes[0]?.isSafe, false);
  const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
  assert.equal(fixed.findings.length, 0, describe(fixed));
});

test('Inteface is never corrected', () => {
  const analysis = analyzeWith({});
  assert.equal(analysis.findings.length, 0, describe(analysis));
  assert.equal(analysis.effective.value('Inteface'), 'IF_TEST');
});

test('Interface is renamed to Inteface', () => {
  const analysis = analyzeWith({ Inteface: undefined, Interface: 'IF_TEST' });
  const finding = single(analysis, 'misspelled-parameter');
  assert.equal(finding.severity, 'warning');
  assert.equal(textAt(analysis, finding.range), '"Interface"');
  assert.equal(finding.fixes[0]?.isSafe, true);
  const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
  assert.equal(fixed.findings.length, 0, describe(fixed));
});

test('Interface beside Inteface is removed', () => {
  const analysis = analyzeWith({ Interface: 'IF_TEST' });
  const finding = single(analysis, 'misspelled-parameter');
  assert.match(finding.fixes[0]?.title ?? '', /Remove/);
  const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
  assert.equal(fixed.findings.length, 0, describe(fixed));
});

test('close name gets ranked suggestions', () => {
  const analysis = analyzeWith({ OAuth2Flow: undefined, OAuthFlow: 'Client-Credentials' });
  const finding = single(analysis, 'unknown-parameter');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /Did you mean 'OAuth2Flow'/);
  assert.match(finding.message, /Username-Password/);
  assert.equal(finding.fixes[0]?.title, "Rename to 'OAuth2Flow'");
  assert.equal(finding.fixes[0]?.isPreferred, true);
});

test('unknown name is a warning without suggestion', () => {
  const analysis = analyzeWith({ pwdExtraSetting: 'CANARY-PWX' });
  const finding = single(analysis, 'unknown-parameter');
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.fixes.length, 0);
  assert.match(finding.message, /pwdExtraSetting/);
  assert.doesNotMatch(finding.message, /CANARY/);
});

test('ignored parameters under Client-Credentials', () => {
  const analysis = analyzeWith({
    SforceUsername: 'integration.user@example.invalid',
    pwdSforceLoginPassword: '${env:PASSWORD}',
  });
  const findings = withCode(analysis, 'ignored-parameter');
  assert.equal(findings.length, 2, describe(analysis));
  for (const finding of findings) {
    assert.equal(finding.severity, 'information');
    assert.deepEqual(finding.tags, ['unnecessary']);
    assert.equal(finding.fixes[0]?.isSafe, false);
  }
  assert.equal(
    analysis.effective.parameters.find((p) => p.name === 'SforceUsername')?.isIgnored,
    true,
  );
});

test('no ignored finding under Username-Password', () => {
  const analysis = analyzeWith({
    OAuth2Flow: 'Username-Password',
    SforceUsername: 'integration.user@example.invalid',
    pwdSforceLoginPassword: '${env:PASSWORD}',
  });
  assert.equal(withCode(analysis, 'ignored-parameter').length, 0);
  assert.equal(analysis.findings.length, 0, describe(analysis));
});

test('conflicting legacy key can be removed', () => {
  const analysis = analyzeWith({ ConsumeKey: 'OTHER' });
  const finding = single(analysis, 'conflicting-parameter');
  assert.equal(finding.fixes[0]?.isSafe, false);
  const fixed = analyzeText(applyFix(analysis.document.text, finding.fixes[0]!));
  assert.equal(fixed.findings.length, 0, describe(fixed));
});
