import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeBytes, analyzeText } from '../../src/engine/analyze';
import { PARAMETERS } from '../../src/engine/catalogue';
import { applyFix } from './rules/helpers';

const NAMES = PARAMETERS.map((definition) => definition.name);

/** Parameter names: known ones, their case variants and near misses, and arbitrary text. */
const nameArbitrary = fc.oneof(
  fc.constantFrom(...NAMES, 'ConsumeKey', 'Interface', 'pwdExtra'),
  fc.constantFrom(...NAMES).map((name) => name.toLowerCase()),
  fc
    .constantFrom(...NAMES)
    .chain((name) => fc.nat(name.length).map((cut) => name.slice(0, cut) + name.slice(cut + 1))),
  fc.string({ maxLength: 40 }),
);

const valueArbitrary = fc.oneof(
  fc.constantFrom(
    'X',
    'x',
    '',
    ' ',
    'Client-Credentials',
    'client-credentials',
    'Cleint-Credentials ',
    '${env:A}',
    '${secret:}',
    'Skyvva Bulk',
    '5',
    '0',
  ),
  fc.constantFrom(
    'https://acme.my.salesforce.com/services/oauth2/token',
    'http://x',
    'https://login.salesforce.com/services/Soap/u/1',
    'https://a.lightning.force.com/x?y#z',
  ),
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
);

const channelArbitrary = fc.dictionary(nameArbitrary, valueArbitrary, { maxKeys: 20 });

/** Checks what every analysis must satisfy: ranges inside the text, fixes that apply cleanly. */
function assertWellFormed(text: string, analysis: ReturnType<typeof analyzeText>): void {
  for (const finding of analysis.findings) {
    assert.ok(
      finding.range.offset >= 0 && finding.range.offset + finding.range.length <= text.length,
    );
    assert.match(finding.code, /^[a-z]+(-[a-z]+)*$/);
    for (const fix of finding.fixes) {
      applyFix(text, fix);
    }
  }
}

test('rules never throw on random parameter maps', () => {
  fc.assert(
    fc.property(channelArbitrary, (parameters) => {
      const text = JSON.stringify({ parameters }, null, 2);
      assertWellFormed(text, analyzeText(text));
    }),
    { numRuns: 2000 },
  );
});

test('fixes on random parameter maps keep valid files', () => {
  fc.assert(
    fc.property(channelArbitrary, (parameters) => {
      const text = JSON.stringify({ parameters }, null, 2);
      for (const finding of analyzeText(text).findings) {
        for (const fix of finding.fixes) {
          const fixed = analyzeText(applyFix(text, fix));
          assert.equal(
            fixed.findings.filter((f) => f.code === 'syntax-error').length,
            0,
            fix.title,
          );
        }
      }
    }),
    { numRuns: 500 },
  );
});

test('parser never throws on random JSONC text', () => {
  const tokens = fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"parameters"',
    '"OAuth2Flow"',
    '"X"',
    '// c\n',
    '/* c */',
    '1',
    'true',
    'null',
    ' ',
    '\n',
    '"',
    '\\',
    '\u2028',
  );
  const jsoncText = fc.oneof(
    fc.array(tokens, { maxLength: 60 }).map((parts) => parts.join('')),
    fc.string({ maxLength: 200 }),
  );
  fc.assert(
    fc.property(jsoncText, (text) => {
      assertWellFormed(text, analyzeText(text));
    }),
    { numRuns: 3000 },
  );
});

test('decoder never throws on random bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const analysis = analyzeBytes(bytes);
      assert.ok(Array.isArray(analysis.findings));
    }),
    { numRuns: 3000 },
  );
});

test('huge hostile names and values finish', () => {
  const long = 'A'.repeat(200_000);
  const text = JSON.stringify({
    parameters: { [long]: long, OAuth2Flow: long, AuthorizationServerURL: `https://${long}` },
  });
  const analysis = analyzeText(text);
  assert.ok(analysis.findings.length > 0);
});

test('many keys in one object stay linear', () => {
  const parameters: Record<string, string> = {};
  for (let i = 0; i < 100_000; i++) {
    parameters[`Custom${i}`] = 'x';
  }
  const text = JSON.stringify({ parameters }).replace('"Custom7":', '"Custom6":');
  const analysis = analyzeText(text);
  assert.equal(analysis.findings.filter((f) => f.code === 'duplicate-key').length, 2);
});

test('thousands of copies of one key finish', () => {
  const text = `{"parameters": {${Array.from({ length: 20_000 }, () => '"Integration": "I"').join(',')}}}`;
  const analysis = analyzeText(text);
  assert.equal(analysis.findings.filter((f) => f.code === 'duplicate-key').length, 20_000);
});

test('deeply nested values are reported', () => {
  for (const [open, close] of [
    ['[', ']'],
    ['{"a":', '}'],
  ]) {
    const text = `{"parameters": {"X": ${open.repeat(100_000)}1${close.repeat(100_000)}}}`;
    const analysis = analyzeText(text);
    const codes = analysis.findings.map((finding) => finding.code);
    assert.deepEqual(codes, ['invalid-channel-file']);
    assert.equal(analysis.parsed, false);
  }
});
