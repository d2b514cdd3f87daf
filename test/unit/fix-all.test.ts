import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../src/engine/analyze';
import { applySafeFixes, pickSafeFixes } from '../../src/engine/fix-all';
import { analyzeWith } from './rules/helpers';

function safeFixCount(text: string): number {
  return analyzeText(text).findings.filter((f) => f.fixes.some((fix) => fix.isSafe)).length;
}

test('safe fixes are all applied', () => {
  const { text } = analyzeWith({
    Operation: undefined,
    operation: 'integrate',
    BulkPackageSize: 5,
    Integration: 'INT_TEST ',
    SforceRequestPayload: 'true',
  }).document;

  const result = applySafeFixes(text);

  assert.equal(result.appliedCount, 4);
  assert.equal(result.isStable, true);
  assert.equal(safeFixCount(result.text), 0);
  assert.match(result.text, /"Operation": "integrate"/);
  assert.match(result.text, /"BulkPackageSize": "5"/);
  assert.match(result.text, /"Integration": "INT_TEST"/);
  assert.match(result.text, /"SforceRequestPayload": "X"/);
});

test('unsafe fixes are left alone', () => {
  const { text } = analyzeWith({
    SforceUsername: 'someone@example.invalid',
    ConsumerSecret: 'secret-with-space ',
    Operation: 'Skyvva Bulch',
  }).document;

  const result = applySafeFixes(text);

  assert.equal(result.text, text);
  assert.equal(result.appliedCount, 0);
  assert.equal(result.rounds, 0);
});

test('wrap then rename takes two rounds', () => {
  const text = '{\n  "oauth2Flow": "Client-Credentials",\n  "BulkPackageSize": 5\n}\n';

  const result = applySafeFixes(text);

  assert.equal(
    result.text,
    '{\n  "parameters": {\n    "OAuth2Flow": "Client-Credentials",\n' +
      '    "BulkPackageSize": "5"\n  }\n}\n',
  );
  assert.equal(result.rounds, 2);
  assert.equal(result.appliedCount, 3);
});

test('round limit stops the loop', () => {
  const text = '{\n  "oauth2Flow": "Client-Credentials"\n}\n';

  const result = applySafeFixes(text, 1);

  assert.equal(result.isStable, false);
  assert.equal(result.rounds, 1);
  assert.match(result.text, /"parameters"/);
  assert.match(result.text, /"oauth2Flow"/);
});

test('overlapping fixes are picked once', () => {
  const { text } = analyzeWith({ Integration: 'INT_TEST ' }).document;
  const picked = pickSafeFixes(text);
  const edits = picked.flatMap((fix) => fix.edits);
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);

  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as (typeof sorted)[number];
    assert.ok(previous.offset + previous.length <= (sorted[i]?.offset ?? 0));
  }
  assert.equal(picked.length, 1);
});
