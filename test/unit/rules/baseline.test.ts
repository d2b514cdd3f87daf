import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeWith, describe } from './helpers';

test('valid channel has no findings', () => {
  const analysis = analyzeWith({});
  assert.equal(analysis.findings.length, 0, describe(analysis));
  assert.equal(analysis.parsed, true);
  assert.equal(analysis.effective.flow, 'Client-Credentials');
});
