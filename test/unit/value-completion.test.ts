import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findValueCompletionContext, valueProposals } from '../../src/engine/value-completion';

const TEXT =
  '{\n  "parameters": {\n    "OAuth2Flow": "Cl",\n    "Operation": "",\n    "X": { "Operation": "" }\n  }\n}';

test('values of flow, operation and flags', () => {
  assert.deepEqual(
    valueProposals('OAuth2Flow').map((p) => p.value),
    ['Client-Credentials', 'Username-Password'],
  );
  assert.equal(valueProposals('Operation').length, 6);
  assert.deepEqual(
    valueProposals('SessionPooling.Active').map((p) => p.value),
    ['X', ''],
  );
  assert.deepEqual(valueProposals('Integration'), []);
  assert.deepEqual(valueProposals('NotAParameter'), []);
});

test('context inside a value string', () => {
  const offset = TEXT.indexOf('"Cl"') + 3;

  const context = findValueCompletionContext(TEXT, offset);

  assert.deepEqual(context, {
    parameter: 'OAuth2Flow',
    range: { offset: TEXT.indexOf('"Cl"'), length: 4 },
  });
});

test('context inside an empty value', () => {
  const offset = TEXT.indexOf('"Operation": ""') + '"Operation": "'.length;

  assert.equal(findValueCompletionContext(TEXT, offset)?.parameter, 'Operation');
});

test('no context on keys or nested objects', () => {
  assert.equal(findValueCompletionContext(TEXT, TEXT.indexOf('OAuth2Flow') + 2), undefined);
  const nested = TEXT.indexOf('{ "Operation": ""') + '{ "Operation": "'.length;
  assert.equal(findValueCompletionContext(TEXT, nested), undefined);
  assert.equal(findValueCompletionContext(TEXT, TEXT.indexOf('"Cl"')), undefined);
});

test('context in an unterminated value', () => {
  const text = '{ "parameters": { "Operation": "Sky';

  assert.equal(findValueCompletionContext(text, text.length)?.parameter, 'Operation');
});
