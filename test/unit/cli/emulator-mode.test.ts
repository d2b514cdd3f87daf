import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ConnectProxy } from '../../../src/emulator';
import { runCli } from '../../../src/cli/program';
import { captureIo } from './capture-io';
import { sessionOriginLines } from './cli-harness';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');
const EXAMPLE = join(EXAMPLES, 'acme-client-credentials.skyvva.json');

describe('emulator mode', () => {
  let folder: string;
  let proxy: ConnectProxy;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'skyvva-cli-emulator-'));
    // A proxy in the environment that would see any connection the run makes outside the
    // in-process emulator. It rejects every host.
    proxy = await ConnectProxy.start({ hostMap: () => undefined });
  });

  after(async () => {
    await proxy.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function run(argv: string[]) {
    const io = captureIo(folder, { HTTPS_PROXY: proxy.url(), HTTP_PROXY: proxy.url() });
    const code = await runCli(argv, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  }

  it('runs the example twice on one session', async () => {
    const cacheDir = join(folder, 'cache');
    const first = await run(['send', EXAMPLE, '--emulator', '--cache-dir', cacheDir]);
    const second = await run(['send', EXAMPLE, '--emulator', '--cache-dir', cacheDir]);

    assert.equal(first.code, 0, first.err);
    assert.equal(second.code, 0, second.err);
    for (const output of [first.out, second.out]) {
      assert.match(output, /Begin session handling \(SKYVVA version 2\.3\.6\)/);
      assert.match(output, /^ {2}OAuth2Flow: Client-Credentials$/m);
    }
    assert.deepEqual(sessionOriginLines(first.out), { fresh: 1, cached: 0 });
    assert.deepEqual(sessionOriginLines(second.out), { fresh: 0, cached: 1 });
    assert.equal(proxy.connects().length, 0, 'no connection left the process');
    const names = await readdir(cacheDir);
    assert.equal(names.length, 1);
  });

  it('runs the Username-Password example', async () => {
    const channel = join(EXAMPLES, 'acme-username-password.skyvva.json');
    const payload = join(folder, 'order.json');
    await writeFile(payload, '{"Order":{"Number":"4711"}}');
    const argv = ['send', channel, '--payload', payload, '--emulator', '--cache-dir', folder];
    const result = await run(argv);

    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Pick up new session id from Salesforce/);
  });

  it('rejects a host the emulator does not serve', async () => {
    const channel = join(folder, 'foreign.skyvva.json');
    const parameters = {
      OAuth2Flow: 'Client-Credentials',
      AuthorizationServerURL: 'https://auth.example.test/services/oauth2/token',
      ConsumerKey: 'DEMO-CONSUMER-KEY',
      ConsumerSecret: 'DEMO-CONSUMER-SECRET',
    };
    await writeFile(channel, JSON.stringify({ parameters }));
    const argv = ['token', channel, '--emulator', '--allow-host', 'auth.example.test'];
    const result = await run([...argv, '--cache-dir', folder]);

    assert.equal(result.code, 2);
    assert.match(result.err, /--emulator serves Salesforce host names .* not auth\.example\.test/);
    assert.equal(proxy.connects().length, 0);
  });
});
