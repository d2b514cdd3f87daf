import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, diffAsSingleEdit, editsOverlap } from '../../src/engine/text-edits';

test('edits apply in any order', () => {
  const edits = [
    { offset: 0, length: 1, newText: 'A' },
    { offset: 4, length: 1, newText: 'E' },
    { offset: 2, length: 0, newText: '+' },
  ];

  assert.equal(applyEdits('abcde', edits), 'Ab+cdE');
  assert.equal(applyEdits('abcde', [...edits].reverse()), 'Ab+cdE');
});

test('overlap includes shared insertion points', () => {
  assert.equal(
    editsOverlap({ offset: 0, length: 3, newText: '' }, { offset: 2, length: 2, newText: '' }),
    true,
  );
  assert.equal(
    editsOverlap({ offset: 0, length: 2, newText: '' }, { offset: 2, length: 2, newText: '' }),
    false,
  );
  assert.equal(
    editsOverlap({ offset: 2, length: 0, newText: 'a' }, { offset: 2, length: 0, newText: 'b' }),
    true,
  );
});

test('diff covers only the changed span', () => {
  const edit = diffAsSingleEdit('{"a": "x", "b": "y"}', '{"a": "x", "b": "z"}');

  assert.deepEqual(edit, { offset: 17, length: 1, newText: 'z' });
  assert.equal(diffAsSingleEdit('same', 'same'), undefined);
});

test('diff never splits a surrogate pair', () => {
  const before = 'x\u{1F600}y';
  const after = 'x\u{1F601}y';

  const edit = diffAsSingleEdit(before, after);

  assert.ok(edit);
  assert.equal(edit.offset, 1);
  assert.equal(edit.length, 2);
  assert.equal(applyEdits(before, [edit]), after);
});
