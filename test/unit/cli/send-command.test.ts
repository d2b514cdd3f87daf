import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';

import { restError } from '../../../src/emulator';
import { defaultPayloadCandidates } from '../../../src/cli/channel-input';
import { runCli } from '../../../src/cli/program';
import { captureIo } from './capture-io';
import type { CliHarness } from './cli-harness';
import { sessionOriginLines, startCliHarness } from './cli-harness';

describe('send command', () => {
  let harness: CliHarness;
  let runs = 0;

  before(async () => {
    harness = await startCliHarness();
  });

  afterEach(() => {
    harness.emulator.reset();
    harness.proxy.clearRecords();
  });

  after(async () => {
    await harness.close();
  });

  async function run(argv: string[]) {
    const io = captureIo(harness.folder, harness.env);
    const code = await runCli(argv, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  }

  function freshCache(): string {
    return join(harness.folder, `send-cache-${++runs}`);
  }

  it('sends the default JSON payload', async () => {
    const channel = await harness.writeChannel('send-json', harness.demoChannel());
    const result = await run(['send', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 0, result.err);
    assert.match(
      result.out,
      /Result \(package 1 of 1, transferId [0-9a-f-]{36}\): HTTP 200, accepted/,
    );
    assert.match(result.out, /^Test message sent: 1 of 1 package\(s\) accepted\.$/m);
    const [request] = harness.emulator.requests('integrate');
    assert.equal(request.body, '{"Account":{"Name":"Example"}}');
    assert.equal(request.query['request-format'], 'JSON');
    assert.equal(harness.emulator.count('query'), 1);
  });

  it('falls back to the XML payload', async () => {
    const channel = await harness.writeChannel('send-xml', harness.demoChannel(), null);
    await writeFile(
      join(harness.folder, 'send-xml.payload.xml'),
      '<Account><Name>X</Name></Account>',
    );
    const result = await run(['send', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 0, result.err);
    const [request] = harness.emulator.requests('integrate');
    assert.equal(request.query['request-format'], 'XML');
    assert.equal(request.body, '<Account><Name>X</Name></Account>');
  });

  it('names both payload candidates when missing', async () => {
    const channel = await harness.writeChannel('send-none', harness.demoChannel(), null);
    const result = await run(['send', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 2);
    assert.match(result.err, /neither send-none\.payload\.json nor send-none\.payload\.xml exists/);
    assert.match(result.err, /--payload <file>/);
    assert.equal(harness.emulator.count(), 0);
    assert.equal(harness.proxy.connects().length, 0);
  });

  it('sends the --payload file', async () => {
    const channel = await harness.writeChannel('send-option', harness.demoChannel(), null);
    const payload = join(harness.folder, 'records.json');
    await writeFile(payload, '[{"Name":"A"},{"Name":"B"}]');
    const result = await run(['send', channel, '--payload', payload, '--cache-dir', freshCache()]);

    assert.equal(result.code, 0, result.err);
    assert.equal(harness.emulator.requests('integrate')[0].body, '[{"Name":"A"},{"Name":"B"}]');
  });

  it('exits 2 for an invalid payload', async () => {
    const channel = await harness.writeChannel('send-bad', harness.demoChannel(), '{"Name":');
    const result = await run(['send', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 2);
    assert.match(result.err, /The payload send-bad\.payload\.json is not valid JSON/);
    assert.equal(harness.emulator.count(), 0);
  });

  it('exits 3 on partial failure', async () => {
    const records = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((n) => ({ Name: `N${n}` })));
    const channel = await harness.writeChannel('send-partial', harness.demoChannel(), records);
    harness.emulator.script('integrate', {
      status: 200,
      body: { GlobalStatus: { Total: 5, Success: 4, Failed: 1 } },
    });
    const result = await run(['send', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 3, result.err);
    assert.equal(harness.emulator.count('integrate'), 2);
    assert.match(result.err, /the test message partly failed: 1 of 2 package\(s\)/);
    assert.match(result.err, /Package 1: HTTP 200, 1 record\(s\) failed/);
  });

  it('exits 1 when every package fails', async () => {
    const channel = await harness.writeChannel('send-failed', harness.demoChannel());
    harness.emulator.script('integrate', restError(400, 'INVALID_INTERFACE', 'No such interface'));
    const result = await run(['send', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 1);
    assert.match(result.err, /the test message failed in every package/);
    assert.match(result.err, /INVALID_INTERFACE/);
  });

  it('exits 1 for error findings of send', async () => {
    const parameters = harness.demoChannel(undefined, { BulkPackageSize: 'five' });
    const channel = await harness.writeChannel('send-findings', parameters);
    const result = await run(['send', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 1);
    assert.match(result.err, /send-findings\.skyvva\.json:\d+:\d+ error invalid-bulk-package-size/);
    assert.equal(harness.emulator.count(), 0);
  });

  it('skips the budget query with --retry-budget', async () => {
    const channel = await harness.writeChannel('send-budget', harness.demoChannel());
    const result = await run(['send', channel, '--retry-budget', '2', '--cache-dir', freshCache()]);

    assert.equal(result.code, 0, result.err);
    assert.equal(harness.emulator.count('query'), 0);
    assert.equal(harness.emulator.count('integrate'), 1);
  });

  it('reuses the session of an earlier send', async () => {
    const channel = await harness.writeChannel('send-twice', harness.demoChannel());
    const cacheDir = freshCache();
    const first = await run(['send', channel, '--cache-dir', cacheDir]);
    const second = await run(['send', channel, '--cache-dir', cacheDir]);

    assert.equal(first.code, 0, first.err);
    assert.equal(second.code, 0, second.err);
    assert.equal(harness.emulator.count('token'), 1);
    assert.deepEqual(sessionOriginLines(first.out + second.out), { fresh: 1, cached: 1 });
  });

  it('replaces an unreadable cache file', async () => {
    const channel = await harness.writeChannel('send-garbage', harness.demoChannel());
    const cacheDir = freshCache();
    await run(['token', channel, '--cache-dir', cacheDir]);
    const [name] = await readdir(cacheDir);
    const garbage = 'GARBAGE-37-BYTES-OF-A-TRUNCATED-WRITE';
    await writeFile(join(cacheDir, name), garbage);
    harness.emulator.reset();
    const result = await run(['send', channel, '--cache-dir', cacheDir]);

    assert.equal(result.code, 0, result.err);
    assert.equal(harness.emulator.count('token'), 1);
    const warnings = result.err.split('\n').filter((line) => line.includes('warn:'));
    assert.equal(warnings.length, 1, result.err);
    assert.match(warnings[0], /is unreadable .* and will be replaced/);
    assert.ok(!result.err.includes(garbage), 'file content shown');
    const content = JSON.parse(await readFile(join(cacheDir, name), 'utf8')) as {
      session: { accessToken: string };
    };
    assert.equal(content.session.accessToken, harness.emulator.requests('integrate')[0].bearer);
  });

  it('derives payload names from the channel name', () => {
    assert.deepEqual(defaultPayloadCandidates(join('/x', 'orders.skyvva.json')), [
      join('/x', 'orders.payload.json'),
      join('/x', 'orders.payload.xml'),
    ]);
  });
});
