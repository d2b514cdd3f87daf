import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';

import { createTerminalPrompt } from '../../../src/engine/hidden-prompt';

/** A stream that claims to be a terminal and records its raw-mode switches. */
function fakeTerminal(): PassThrough & {
  isTTY: boolean;
  rawModes: boolean[];
  setRawMode(mode: boolean): void;
} {
  const stream = new PassThrough() as PassThrough & {
    isTTY: boolean;
    rawModes: boolean[];
    setRawMode(mode: boolean): void;
  };
  stream.isTTY = true;
  stream.rawModes = [];
  stream.setRawMode = (mode) => {
    stream.rawModes.push(mode);
  };
  return stream;
}

describe('terminal prompt', () => {
  it('reads a line without echo', async () => {
    const input = fakeTerminal();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString();
    });
    const prompt = createTerminalPrompt(input, output);
    assert.ok(prompt !== undefined);

    const answer = prompt('Secret: ');
    input.write('abc\u007fd\r');

    assert.equal(await answer, 'abd');
    assert.equal(written, 'Secret: \n');
    assert.deepEqual(input.rawModes, [true, false]);
  });

  it('is unavailable without a terminal', () => {
    assert.equal(createTerminalPrompt(new PassThrough(), new PassThrough()), undefined);
  });

  it('cancels on Ctrl+C', async () => {
    const input = fakeTerminal();
    const prompt = createTerminalPrompt(input, new PassThrough());
    assert.ok(prompt !== undefined);

    const answer = prompt('Secret: ');
    input.write('ab\u0003');

    await assert.rejects(answer, { code: 'CANCELLED' });
    assert.deepEqual(input.rawModes, [true, false]);
  });
});
