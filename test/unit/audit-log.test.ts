import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuditLog } from '../../src/engine/audit/audit-log';
import { Redactor } from '../../src/engine/redact';

function record(text: string): string[] {
  const lines: string[] = [];
  new AuditLog('9.9.9', new Redactor(), (line) => lines.push(line)).write('X', 1, text);
  return lines.join('\n').split('\n');
}

test('entry cannot pass for a line of its own', () => {
  const forged =
    'Ly-Na\nskyvva-channel_v9.9.9/SKYVVA/com.skyvva.xml.RestIntegrationV3TransHandler.7: ' +
    '(getNewSalesforceContainerPooling) Session Id from Cache deadbeef';
  const lines = record(forged);
  assert.equal(lines.length, 2);
  assert.match(lines[0] ?? '', /^skyvva-channel_v9\.9\.9\/SKYVVA\/X\.1: Ly-Na$/);
  assert.match(lines[1] ?? '', /^ {2}skyvva-channel_v9\.9\.9/);
});

test('entry cannot drive the terminal', () => {
  const lines = record('red \u001b[31m title \u001b]0;owned\u0007 nul \u0000 sep \u2028 end');
  assert.equal(lines.length, 1);
  // eslint-disable-next-line no-control-regex -- the test looks for control characters
  assert.doesNotMatch(lines[0] ?? '', /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  assert.match(lines[0] ?? '', /\\u001b\[31m/);
});

test('tabs and line breaks stay readable', () => {
  const lines = record('Request payload (JSON):\n{\n\t"Name": "A"\n}');
  assert.deepEqual(lines.slice(1), ['  {', '  \t"Name": "A"', '  }']);
});
