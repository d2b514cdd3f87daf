import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { formatAge } from '../../../src/cli/cache-command';
import { runCli } from '../../../src/cli/program';
import { captureIo } from './capture-io';
import type { CliHarness } from './cli-harness';
import { startCliHarness } from './cli-harness';

describe('cache command', () => {
  let harness: CliHarness;
  let cacheDir: string;

  before(async () => {
    harness = await startCliHarness();
    cacheDir = join(harness.folder, 'cache');
  });

  after(async () => {
    await harness.close();
  });

  async function run(argv: string[], env: Record<string, string> = harness.env) {
    const io = captureIo(harness.folder, env);
    const code = await runCli(argv, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  }

  it('lists an empty cache directory', async () => {
    const result = await run(['cache', 'list', '--cache-dir', cacheDir]);

    assert.equal(result.code, 0);
    assert.equal(result.out, `No cached sessions in ${cacheDir}.\n`);
  });

  it('lists sessions without tokens', async () => {
    const channel = await harness.writeChannel('cache-cc', harness.demoChannel());
    const token = await run(['token', channel, '--cache-dir', cacheDir]);
    assert.equal(token.code, 0, token.err);
    await writeFile(join(cacheDir, 'SKYVVA_SalesforceContainer_UP_000000000000.json'), 'garbage');
    const result = await run(['cache', 'list', '--cache-dir', cacheDir]);

    assert.equal(result.code, 0, result.err);
    const lines = result.out.trimEnd().split('\n');
    assert.equal(lines[0], `Cached sessions in ${cacheDir}:`);
    assert.match(lines[1], /^KEY +FLOW +INSTANCE URL +AGE$/);
    assert.match(
      result.out,
      /^CC_[0-9a-f]{12} +Client-Credentials +https:\/\/acme\.my\.salesforce\.com +\d+ s$/m,
    );
    assert.match(result.out, /^UP_000000000000 +Username-Password +\(unreadable; replaced/m);
    const cacheFile = (await readdir(cacheDir)).find((name) => name.includes('_CC_')) ?? '';
    const content = JSON.parse(await readFile(join(cacheDir, cacheFile), 'utf8')) as {
      session: { accessToken: string };
    };
    assert.ok(content.session.accessToken.length > 20);
    assert.ok(!result.out.includes(content.session.accessToken), 'access token in the list');
  });

  it('clears every session', async () => {
    const result = await run(['cache', 'clear', '--cache-dir', cacheDir]);

    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, `Removed 2 cached session(s) from ${cacheDir}.\n`);
    assert.deepEqual(await readdir(cacheDir), []);
  });

  const isXdgPlatform = process.platform !== 'win32' && process.platform !== 'darwin';

  it('uses XDG_CACHE_HOME by default', { skip: !isXdgPlatform }, async () => {
    const xdg = join(harness.folder, 'xdg');
    const result = await run(['cache', 'list'], { XDG_CACHE_HOME: xdg });
    const emulator = await run(['cache', 'list', '--emulator'], { XDG_CACHE_HOME: xdg });

    assert.equal(result.out, `No cached sessions in ${join(xdg, 'skyvva-channel')}.\n`);
    assert.equal(
      emulator.out,
      `No cached sessions in ${join(xdg, 'skyvva-channel', 'emulator')}.\n`,
    );
  });

  it('formats ages', () => {
    assert.equal(formatAge(59_999), '59 s');
    assert.equal(formatAge(60_000), '1 min');
    assert.equal(formatAge(2 * 3_600_000), '2 h');
    assert.equal(formatAge(3 * 86_400_000), '3 d');
    assert.equal(formatAge(-5), '0 s');
  });
});
