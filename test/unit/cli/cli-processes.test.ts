import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';

import { noResponse, tokenSuccess } from '../../../src/emulator';
import type { CliHarness } from './cli-harness';
import { sessionOriginLines, startCliHarness } from './cli-harness';
import { runCliProcess, startCliProcess } from './cli-process';

const RUNS = 20;
const HOST = 'acme.my.salesforce.com';

describe('CLI processes sharing a cache', () => {
  let harness: CliHarness;
  let channel: string;

  before(async () => {
    harness = await startCliHarness();
    channel = await harness.writeChannel('processes', harness.demoChannel(HOST));
  });

  afterEach(() => {
    harness.emulator.reset();
    harness.proxy.clearRecords();
  });

  after(async () => {
    await harness.close();
  });

  it('makes one token request for 20 runs in a row', async () => {
    const cacheDir = join(harness.folder, 'sequential');
    const outputs: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await runCliProcess(
        ['send', channel, '--cache-dir', cacheDir],
        harness.env,
        harness.folder,
      );
      assert.equal(result.code, 0, `run ${run + 1}: ${result.stderr}`);
      outputs.push(result.stdout);
    }

    assert.equal(harness.emulator.count('token'), 1);
    assert.equal(harness.emulator.count('integrate'), RUNS);
    assert.deepEqual(sessionOriginLines(outputs.join('')), { fresh: 1, cached: RUNS - 1 });
    assert.deepEqual(sessionOriginLines(outputs[0]), { fresh: 1, cached: 0 });
    assert.ok(harness.proxy.connects().every((record) => record.target === `${HOST}:443`));
  });

  it('makes one token request for 20 processes at once', async () => {
    const cacheDir = join(harness.folder, 'concurrent');
    const token = 'TOKEN-CONCURRENT';
    harness.emulator.script('token', {
      ...tokenSuccess({ accessToken: token, instanceUrl: `https://${HOST}` }),
      times: Infinity,
      delayMs: 200,
    });
    const runs = Array.from({ length: RUNS }, () =>
      runCliProcess(['send', channel, '--cache-dir', cacheDir], harness.env, harness.folder),
    );
    const results = await Promise.all(runs);

    for (const [index, result] of results.entries()) {
      assert.equal(result.code, 0, `process ${index + 1}: ${result.stderr}`);
    }
    assert.equal(harness.emulator.count('token'), 1);
    assert.equal(harness.emulator.count('integrate'), RUNS);
    const output = results.map((result) => result.stdout).join('');
    assert.deepEqual(sessionOriginLines(output), { fresh: 1, cached: RUNS - 1 });
    const names = await readdir(cacheDir);
    assert.equal(names.length, 1, `files left: ${names.join(', ')}`);
    assert.match(names[0], /^SKYVVA_SalesforceContainer_CC_[0-9a-f]{12}\.json$/);
    const content = JSON.parse(await readFile(join(cacheDir, names[0]), 'utf8')) as {
      session: { accessToken: string };
    };
    assert.equal(content.session.accessToken, token);
  });

  it('ends on SIGINT without a stack trace', async () => {
    const cacheDir = join(harness.folder, 'interrupted');
    harness.emulator.script('token', noResponse());
    const running = startCliProcess(
      ['send', channel, '--cache-dir', cacheDir],
      harness.env,
      harness.folder,
    );
    while (harness.emulator.count('token') === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    running.child.kill('SIGINT');
    const result = await running.result;

    assert.equal(result.code, 130, result.stderr);
    assert.equal(result.stderr, 'skyvva-channel: cancelled.\n');
    assert.deepEqual(await readdir(cacheDir), [], 'no lock or temporary file left');
  });
});
