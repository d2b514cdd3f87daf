import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { ConnectProxy } from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

/** Sends one raw CONNECT and returns the proxy's status code. */
function sendConnect(proxy: ConnectProxy, target: string, authorization?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const connectRequest = request({
      host: '127.0.0.1',
      port: proxy.port,
      method: 'CONNECT',
      path: target,
      headers: authorization ? { 'proxy-authorization': authorization } : {},
    });
    connectRequest.on('connect', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    connectRequest.on('error', reject);
    connectRequest.end();
  });
}

describe('loopback CONNECT proxy', () => {
  let env: EmulatorWithClient;
  let proxy: ConnectProxy;
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  before(async () => {
    env = await startEmulatorWithClient();
    proxy = await ConnectProxy.start({
      hostMap: env.emulator.hostMap(),
      credentials: { username: 'proxyuser', password: 'CANARY-PROXY' },
    });
  });

  after(async () => {
    await proxy.close();
    await env.close();
  });

  it('tunnels a mapped host with the right credentials', async () => {
    proxy.clearRecords();

    const status = await sendConnect(
      proxy,
      'acme.my.salesforce.com:443',
      basic('proxyuser', 'CANARY-PROXY'),
    );

    assert.equal(status, 200);
    assert.deepEqual(
      proxy.connects().map((record) => [record.target, record.outcome]),
      [['acme.my.salesforce.com:443', 'tunnel']],
    );
  });

  it('returns 407 for wrong credentials', async () => {
    proxy.clearRecords();

    assert.equal(
      await sendConnect(proxy, 'acme.my.salesforce.com:443', basic('proxyuser', 'x')),
      407,
    );
    assert.equal(await sendConnect(proxy, 'acme.my.salesforce.com:443'), 407);
    assert.deepEqual(
      proxy.connects().map((record) => [record.outcome, record.hadCredentials]),
      [
        ['auth-required', true],
        ['auth-required', false],
      ],
    );
  });

  it('refuses hosts outside the map with 403', async () => {
    proxy.clearRecords();

    const status = await sendConnect(proxy, 'example.org:443', basic('proxyuser', 'CANARY-PROXY'));

    assert.equal(status, 403);
    assert.equal(proxy.connects()[0]?.outcome, 'refused');
  });

  it('builds its URL with encoded credentials', () => {
    assert.equal(proxy.url(), `http://proxyuser:CANARY-PROXY@127.0.0.1:${proxy.port}`);
    assert.equal(proxy.url(false), `http://127.0.0.1:${proxy.port}`);
  });
});
