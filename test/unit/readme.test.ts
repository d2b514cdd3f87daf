import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FINDING_CODES } from '../../src/engine/finding-codes';

test('README lists every finding code', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const listed = new Set([...readme.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]));
  const missing = FINDING_CODES.filter((entry) => !listed.has(entry.code));
  assert.deepEqual(
    missing.map((entry) => entry.code),
    [],
  );
});
