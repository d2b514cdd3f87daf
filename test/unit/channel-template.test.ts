import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../src/engine/analyze';
import { buildChannelTemplate, secretNameFor } from '../../src/engine/channel-template';

test('template has no findings', () => {
  const analysis = analyzeText(buildChannelTemplate());

  assert.equal(analysis.parsed, true);
  assert.deepEqual(
    analysis.findings.map((finding) => finding.code),
    [],
  );
  assert.equal(analysis.effective.flow, 'Client-Credentials');
});

test('template uses secret references', () => {
  const analysis = analyzeText(buildChannelTemplate());

  assert.equal(analysis.effective.value('ConsumerSecret'), '${secret:CONSUMER_SECRET}');
  assert.equal(analysis.effective.value('SforceUsername'), undefined);
  assert.equal(analysis.effective.value('pwdSforceLoginPassword'), undefined);
});

test('secret names are upper snake case', () => {
  assert.equal(secretNameFor('ConsumerSecret'), 'CONSUMER_SECRET');
  assert.equal(secretNameFor('pwdSforceLoginPassword'), 'PWD_SFORCE_LOGIN_PASSWORD');
});
