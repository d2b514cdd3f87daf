import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../src/engine/analyze';
import { removeDuplicateFixes } from '../../src/engine/duplicate-fix';
import { applyEdits } from '../../src/engine/text-edits';

const TEXT =
  '{\n  "parameters": {\n    "Operation": "integrate",\n    "pwdX": "a-secret",\n    "Operation": "Skyvva Bulk",\n    "pwdX": "b-secret"\n  }\n}\n';

test('each occurrence gets its own removal', () => {
  const analysis = analyzeText(TEXT);
  const operations = analysis.findings.filter(
    (f) => f.code === 'duplicate-key' && f.parameter === 'Operation',
  );
  assert.equal(operations.length, 2);

  const [first, second] = operations.map((f) => removeDuplicateFixes(analysis, f)[0]);

  assert.equal(first?.title, 'Remove this \'Operation\': "integrate"');
  assert.equal(first?.isSafe, false);
  assert.doesNotMatch(applyEdits(TEXT, first?.edits ?? []), /"integrate"/);
  assert.match(applyEdits(TEXT, second?.edits ?? []), /"integrate"/);
  assert.doesNotMatch(applyEdits(TEXT, second?.edits ?? []), /Skyvva Bulk/);
});

test('secret values stay out of titles', () => {
  const analysis = analyzeText(TEXT);
  const secret = analysis.findings.find(
    (f) => f.code === 'duplicate-key' && f.parameter === 'pwdX',
  );
  assert.ok(secret);

  const [fix] = removeDuplicateFixes(analysis, secret);

  assert.equal(fix?.title, "Remove this 'pwdX'");
});

test('duplicates outside parameters get no fix', () => {
  const text = '{ "channel": { "name": "a", "name": "b" }, "parameters": {} }';
  const analysis = analyzeText(text);
  const finding = analysis.findings.find((f) => f.code === 'duplicate-key');
  assert.ok(finding);

  assert.deepEqual(removeDuplicateFixes(analysis, finding), []);
});
