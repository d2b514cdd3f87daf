import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeBytes, analyzeText } from '../../src/engine/analyze';
import { LineIndex } from '../../src/cli/text-position';
import { applyFix, describe, single, textAt } from './rules/helpers';

const COMMENTED = [
  '{',
  '  // production channel',
  '  "parameters": {',
  '    "OAuth2Flow": "Client-Credentials",',
  '    "ConsumerKey": "CK-HC06",',
  '    "ConsumerSecret": "CANARY-SECRET-HC06",',
  '    "AuthorizationServerURL": "https://hc06.my.salesforce.com/services/oauth2/token",',
  '  }',
  '}',
].join('\n');

test('comments and trailing commas are accepted', () => {
  const analysis = analyzeText(COMMENTED);
  assert.equal(analysis.parsed, true);
  assert.equal(analysis.findings.filter((f) => f.code === 'syntax-error').length, 0);
  assert.equal(analysis.effective.flow, 'Client-Credentials');
});

test('missing comma is reported at the next line', () => {
  const text = COMMENTED.replace('"CK-HC06",', '"CK-HC06"');
  const analysis = analyzeText(text);
  const finding = single(analysis, 'syntax-error');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /comma expected/i);
  assert.deepEqual(new LineIndex(text).position(finding.range.offset), { line: 6, column: 5 });
  assert.equal(analysis.parsed, false);
  assert.equal(analysis.findings.length, 1, describe(analysis));
});

test('empty file is a syntax error', () => {
  const analysis = analyzeText('');
  assert.equal(single(analysis, 'syntax-error').severity, 'error');
  assert.equal(analysis.parsed, false);
});

test('duplicate keys are reported at both places', () => {
  const text = '{"parameters": {"ConsumerKey": "A", "Integration": "I", "ConsumerKey": "B"}}';
  const analysis = analyzeText(text);
  const duplicates = analysis.findings.filter((f) => f.code === 'duplicate-key');
  assert.equal(duplicates.length, 2);
  const expected = [text.indexOf('"ConsumerKey"'), text.lastIndexOf('"ConsumerKey"')];
  assert.deepEqual(
    duplicates.map((f) => f.range.offset),
    expected,
  );
  for (const finding of duplicates) {
    assert.equal(finding.severity, 'error');
    assert.equal(finding.related.length, 1);
  }
  assert.equal(analysis.effective.value('ConsumerKey'), undefined);
});

test('BOM file reads like the file without it', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(COMMENTED)]);
  const withBom = analyzeBytes(bytes);
  const without = analyzeText(COMMENTED);
  assert.equal(JSON.stringify(withBom.findings), JSON.stringify(without.findings));
  assert.equal(withBom.effective.flow, 'Client-Credentials');
});

test('UTF-16 files are rejected', () => {
  const littleEndian = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(COMMENTED, 'utf16le'),
  ]);
  const withoutBom = Buffer.from(COMMENTED, 'utf16le');
  const bigEndian = Buffer.from(littleEndian).swap16();
  for (const bytes of [littleEndian, withoutBom, bigEndian]) {
    const analysis = analyzeBytes(bytes);
    const finding = single(analysis, 'unsupported-encoding');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /UTF-16/);
    assert.match(finding.message, /Save it as UTF-8/);
    assert.equal(analysis.parsed, false);
    assert.equal(analysis.effective.parameters.filter((p) => p.source === 'file').length, 0);
  }
});

test('invalid UTF-8 names the byte', () => {
  const bytes = Buffer.concat([
    Buffer.from('{"parameters": {"Integration": "M'),
    Buffer.from([0xfc]),
    Buffer.from('ller"}}'),
  ]);
  const finding = single(analyzeBytes(bytes), 'unsupported-encoding');
  assert.match(finding.message, /0xfc at byte offset 33/);
});

test('wrong top-level shapes are errors', () => {
  assert.equal(single(analyzeText('[]'), 'invalid-channel-file').severity, 'error');
  assert.equal(single(analyzeText('"x"'), 'invalid-channel-file').severity, 'error');
  assert.equal(single(analyzeText('{"channel": {}}'), 'parameters-missing').severity, 'error');
  assert.equal(single(analyzeText('{"parameters": []}'), 'invalid-parameters').severity, 'error');
});

test('top-level parameters are wrapped', () => {
  const text = '{\n  // flow\n  "OAuth2Flow": "Client-Credentials",\n  "ConsumerKey": "CK"\n}';
  const analysis = analyzeText(text);
  const finding = single(analysis, 'parameters-not-wrapped');
  assert.equal(finding.fixes[0]?.isSafe, true);
  const fixed = analyzeText(applyFix(text, finding.fixes[0]!));
  assert.equal(fixed.parsed, true);
  assert.equal(fixed.effective.value('ConsumerKey'), 'CK');
  assert.match(fixed.document.text, /\/\/ flow/);
});

test('mixed top level keeps file properties', () => {
  const text =
    '{"module": {"name": "Skyvva/V3/RestIntegration"}, "OAuth2Flow": "Client-Credentials"}';
  const finding = single(analyzeText(text), 'parameters-not-wrapped');
  const fixed = analyzeText(applyFix(text, finding.fixes[0]!));
  assert.equal(fixed.parsed, true);
  assert.equal(fixed.effective.value('OAuth2Flow'), 'Client-Credentials');
  assert.match(fixed.document.text, /"module"/);
});

test('stray keys beside parameters are reported', () => {
  const text =
    '{"parameters": {}, "Integration": "I", "comment": "x", "module": {"name": "Other"}}';
  const analysis = analyzeText(text);
  assert.equal(textAt(analysis, single(analysis, 'misplaced-parameter').range), '"Integration"');
  assert.equal(textAt(analysis, single(analysis, 'unknown-property').range), '"comment"');
  assert.equal(single(analysis, 'unexpected-module').severity, 'warning');
});

test('unclosed comment stays inside the text', () => {
  const analysis = analyzeText('/*');
  for (const finding of analysis.findings) {
    assert.ok(finding.range.offset + finding.range.length <= 2, JSON.stringify(finding.range));
  }
  assert.equal(analysis.parsed, false);
});

test('invalid UTF-8 names the lead byte', () => {
  const bytes = Buffer.concat([
    Buffer.from('{"parameters": {"Integration": "'),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('"}}'),
  ]);
  const finding = single(analyzeBytes(bytes), 'unsupported-encoding');
  assert.match(finding.message, new RegExp(`0xc3 at byte offset ${bytes.indexOf(0xc3)};`));
});
