import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';

import { tokenSuccess } from '../../../src/emulator';
import type { CliHarness } from './cli-harness';
import { startCliHarness } from './cli-harness';
import { runCliProcess } from './cli-process';

const PROXY_USER = 'proxyuser';
const PROXY_PASSWORD = 'PROXY-PASSWORD-NETWORK';
const HOST = 'acme.my.salesforce.com';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('CLI network settings', () => {
  let harness: CliHarness;
  let runs = 0;

  before(async () => {
    harness = await startCliHarness({
      proxyCredentials: { username: PROXY_USER, password: PROXY_PASSWORD },
    });
  });

  afterEach(() => {
    harness.emulator.reset();
    harness.proxy.clearRecords();
  });

  after(async () => {
    await harness.close();
  });

  function cacheArgs(): string[] {
    return ['--cache-dir', join(harness.folder, `network-cache-${++runs}`)];
  }

  /** Writes a channel whose token URL is the emulator's loopback origin, reached directly. */
  async function loopbackChannel(name: string): Promise<string> {
    const origin = harness.emulator.loopbackOrigin;
    harness.emulator.script(
      'token',
      tokenSuccess({ accessToken: `TOKEN-${name}`, instanceUrl: origin }),
    );
    const parameters = harness.demoChannel(undefined, {
      AuthorizationServerURL: `${origin}/services/oauth2/token`,
    });
    return harness.writeChannel(name, parameters);
  }

  it('tunnels through a proxy with basic auth', async () => {
    const channel = await harness.writeChannel('proxied', harness.demoChannel(HOST));
    const result = await runCliProcess(
      ['send', channel, ...cacheArgs()],
      harness.env,
      harness.folder,
    );

    assert.equal(result.code, 0, result.stderr);
    const connects = harness.proxy.connects();
    assert.ok(connects.length >= 1);
    for (const record of connects) {
      assert.equal(record.target, `${HOST}:443`);
      assert.equal(record.outcome, 'tunnel');
      assert.equal(record.hadCredentials, true);
    }
    assert.equal(harness.emulator.count('token'), 1);
    assert.equal(harness.emulator.count('integrate'), 1);
  });

  it('reports missing proxy credentials', async () => {
    const channel = await harness.writeChannel('unauthorized', harness.demoChannel(HOST));
    const env = { ...harness.env, HTTPS_PROXY: harness.proxy.url(false) };
    const result = await runCliProcess(['token', channel, ...cacheArgs()], env, harness.folder);

    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /rejected the tunnel to acme\.my\.salesforce\.com:443 with HTTP 407/,
    );
    assert.equal(harness.emulator.count(), 0);
  });

  it('connects directly to NO_PROXY hosts', async () => {
    const channel = await loopbackChannel('bypass');
    const env = { ...harness.env, NO_PROXY: '127.0.0.1' };
    const result = await runCliProcess(['send', channel, ...cacheArgs()], env, harness.folder);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(harness.proxy.connects().length, 0);
    assert.equal(harness.emulator.count('token'), 1);
    assert.equal(harness.emulator.count('integrate'), 1);
  });

  it('names an unreachable proxy, password masked', async () => {
    const port = await closedPort();
    const channel = await harness.writeChannel('closed-proxy', harness.demoChannel(HOST));
    const env = {
      ...harness.env,
      HTTPS_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${port}`,
    };
    const result = await runCliProcess(['token', channel, ...cacheArgs()], env, harness.folder);

    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      new RegExp(
        `The proxy at http://${PROXY_USER}:\\*{8}@127\\.0\\.0\\.1:${port} could not be reached`,
      ),
    );
    assert.ok(!(result.stdout + result.stderr).includes(PROXY_PASSWORD), 'proxy password shown');
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(harness.emulator.count(), 0);
  });

  it('names NODE_EXTRA_CA_CERTS for an untrusted CA', async () => {
    const channel = await loopbackChannel('untrusted');
    const result = await runCliProcess(['token', channel, ...cacheArgs()], {}, harness.folder);

    assert.equal(result.code, 1);
    assert.match(result.stderr, /The TLS certificate of 127\.0\.0\.1 could not be verified/);
    assert.match(result.stderr, /self-signed certificate in certificate chain/);
    assert.match(result.stderr, /NODE_EXTRA_CA_CERTS/);
    assert.doesNotMatch(result.stderr, /NODE_TLS_REJECT_UNAUTHORIZED/);
    assert.equal(harness.emulator.count('token'), 0);
  });

  it('trusts the CA from NODE_EXTRA_CA_CERTS', async () => {
    const channel = await loopbackChannel('trusted');
    const env = { NODE_EXTRA_CA_CERTS: harness.caFile };
    const result = await runCliProcess(['send', channel, ...cacheArgs()], env, harness.folder);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(harness.emulator.count('token'), 1);
    assert.equal(harness.emulator.count('integrate'), 1);
  });

  it('trusts the CA through the proxy', async () => {
    const channel = await harness.writeChannel('trusted-proxied', harness.demoChannel(HOST));
    const result = await runCliProcess(
      ['send', channel, ...cacheArgs()],
      harness.env,
      harness.folder,
    );

    assert.equal(result.code, 0, result.stderr);
    assert.ok(harness.proxy.connects().length >= 1);
    assert.equal(harness.emulator.count('token'), 1);
  });

  it('exits 2 for an unreadable CA file', async () => {
    const channel = await harness.writeChannel('missing-ca', harness.demoChannel(HOST));
    const env = { ...harness.env, NODE_EXTRA_CA_CERTS: join(harness.folder, 'missing.pem') };
    const result = await runCliProcess(['token', channel, ...cacheArgs()], env, harness.folder);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /named by NODE_EXTRA_CA_CERTS could not be read \(ENOENT\)/);
    assert.equal(harness.emulator.count(), 0);
  });
});
