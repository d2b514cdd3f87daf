import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeWith, applyFix, describe, single, textAt, withCode } from './helpers';

const URL_CODES = [
  'invalid-url',
  'insecure-url',
  'url-query',
  'soap-login-url',
  'token-path',
  'lightning-host',
  'generic-login-host',
  'non-salesforce-host',
];

function urlFindings(url: string, flow = 'Client-Credentials') {
  const analysis = analyzeWith({
    OAuth2Flow: flow,
    AuthorizationServerURL: url,
    SforceUsername: 'u',
    pwdSforceLoginPassword: '${env:P}',
  });
  return { analysis, findings: analysis.findings.filter((f) => URL_CODES.includes(f.code)) };
}

test('generic login host warns under Client-Credentials', () => {
  const { analysis } = urlFindings('https://test.salesforce.com/services/oauth2/token');
  const finding = single(analysis, 'generic-login-host');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /my\.salesforce\.com\/services\/oauth2\/token/);
  assert.match(finding.message, /sandbox/);
  assert.equal(
    textAt(analysis, finding.range),
    '"https://test.salesforce.com/services/oauth2/token"',
  );
});

test('generic login host is fine under Username-Password', () => {
  const { findings } = urlFindings(
    'https://test.salesforce.com/services/oauth2/token',
    'Username-Password',
  );
  assert.equal(findings.length, 0);
});

test('My Domain hosts have no host warning', () => {
  for (const host of [
    'acme.my.salesforce.com',
    'acme--uat.sandbox.my.salesforce.com',
    '127.0.0.1:8443',
    'localhost',
  ]) {
    const { findings, analysis } = urlFindings(`https://${host}/services/oauth2/token`);
    assert.equal(findings.length, 0, `${host}: ${describe(analysis)}`);
  }
});

test('Lightning host warns with a fix', () => {
  const { analysis } = urlFindings('https://hc14.lightning.force.com/services/oauth2/token');
  const finding = single(analysis, 'lightning-host');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /hc14\.my\.salesforce\.com/);
  assert.match(
    applyFix(analysis.document.text, finding.fixes[0]!),
    /https:\/\/hc14\.my\.salesforce\.com\/services\/oauth2\/token/,
  );
});

test('foreign host warns and suggests the domain', () => {
  const { analysis } = urlFindings('https://hc16.my.salesfroce.com/services/oauth2/token');
  const finding = single(analysis, 'non-salesforce-host');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /not a Salesforce domain/);
  assert.match(finding.fixes[0]?.title ?? '', /hc16\.my\.salesforce\.com/);
});

test('leading line break makes an invalid URL', () => {
  const { analysis } = urlFindings('\nhttps://hc05.my.salesforce.com/services/oauth2/token');
  const finding = single(analysis, 'invalid-url');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /line break/);
  assert.equal(withCode(analysis, 'whitespace').length, 0);
  assert.equal(finding.fixes[0]?.isSafe, true);
});

test('text that is no URL is an error', () => {
  for (const value of [
    'acme.my.salesforce.com',
    'ftp://acme.my.salesforce.com/services/oauth2/token',
    'https://',
  ]) {
    const { analysis } = urlFindings(value);
    assert.equal(single(analysis, 'invalid-url').severity, 'error', value);
  }
});

test('plain http to a remote host is an error', () => {
  const { analysis } = urlFindings('http://acme.my.salesforce.com/services/oauth2/token');
  assert.equal(single(analysis, 'insecure-url').severity, 'error');
  assert.equal(urlFindings('http://127.0.0.1:8080/services/oauth2/token').findings.length, 0);
});

test('query string is an error and masked', () => {
  const { analysis } = urlFindings(
    'https://acme.my.salesforce.com/services/oauth2/token?client_secret=CANARY-Q',
  );
  const finding = single(analysis, 'url-query');
  assert.equal(finding.severity, 'error');
  assert.doesNotMatch(finding.message, /CANARY/);
  assert.match(
    applyFix(analysis.document.text, finding.fixes[0]!),
    /"https:\/\/acme\.my\.salesforce\.com\/services\/oauth2\/token"/,
  );
});

test('SOAP login path depends on the flow', () => {
  const soap = 'https://acme.my.salesforce.com/services/Soap/u/59.0';
  const clientCredentials = single(urlFindings(soap).analysis, 'soap-login-url');
  assert.equal(clientCredentials.severity, 'error');
  const { analysis } = urlFindings(soap, 'Username-Password');
  const usernamePassword = single(analysis, 'soap-login-url');
  assert.equal(usernamePassword.severity, 'warning');
  assert.match(
    applyFix(analysis.document.text, usernamePassword.fixes[0]!),
    /"https:\/\/acme\.my\.salesforce\.com\/services\/oauth2\/token"/,
  );
});

test('other path is an error', () => {
  for (const path of ['/', '/services/oauth2/authorize', '/services/oauth2/token/']) {
    const { analysis } = urlFindings(`https://acme.my.salesforce.com${path}`);
    assert.equal(single(analysis, 'token-path').severity, 'error', path);
  }
});
