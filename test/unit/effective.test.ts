import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../src/engine/analyze';
import { analyzeWith } from './rules/helpers';

test('absent flow defaults to Username-Password', () => {
  const effective = analyzeWith({ OAuth2Flow: undefined }).effective;
  assert.equal(effective.flow, 'Username-Password');
  const flow = effective.parameters.find((p) => p.name === 'OAuth2Flow');
  assert.equal(flow?.source, 'default');
  assert.equal(flow?.value, 'Username-Password');
});

test('legacy name is resolved to ConsumerKey', () => {
  const effective = analyzeWith({ ConsumerKey: undefined, ConsumeKey: 'CK-LEGACY' }).effective;
  const key = effective.parameters.find((p) => p.name === 'ConsumerKey');
  assert.equal(key?.value, 'CK-LEGACY');
  assert.equal(key?.source, 'legacy-name');
  assert.equal(key?.fileName, 'ConsumeKey');
  assert.equal(
    effective.parameters.some((p) => p.name === 'ConsumeKey'),
    false,
  );
});

test('current name wins over the legacy one', () => {
  const effective = analyzeWith({ ConsumeKey: 'CK-LEGACY' }).effective;
  assert.equal(effective.value('ConsumerKey'), 'CK-TEST');
});

test('unknown names follow in file order', () => {
  const effective = analyzeWith({ zeta: '1', pwdExtraSetting: 'P' }).effective;
  const unknown = effective.parameters.filter((p) => !p.isKnown).map((p) => p.name);
  assert.deepEqual(unknown, ['zeta', 'pwdExtraSetting']);
  assert.equal(effective.parameters.find((p) => p.name === 'pwdExtraSetting')?.isSecret, true);
});

test('wrong-case names are not read', () => {
  const effective = analyzeWith({
    OAuth2Flow: undefined,
    oauth2flow: 'Client-Credentials',
  }).effective;
  assert.equal(effective.flow, 'Username-Password');
});

test('duplicate flow leaves the flow unknown', () => {
  const text =
    '{"parameters": {"OAuth2Flow": "Client-Credentials", "OAuth2Flow": "Username-Password"}}';
  assert.equal(analyzeText(text).effective.flow, undefined);
});

test('blank flow falls back to the default', () => {
  assert.equal(analyzeWith({ OAuth2Flow: '' }).effective.flow, 'Username-Password');
});

test('duplicate flow has no value to quote', () => {
  const text =
    '{"parameters": {"OAuth2Flow": "Client-Credentials", "OAuth2Flow": "Client-Credentials"}}';
  assert.equal(analyzeText(text).effective.flowValue, undefined);
});
