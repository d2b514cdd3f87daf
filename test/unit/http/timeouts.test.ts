import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { createHttpClient, isNetworkError } from '../../../src/engine/http';
import { noResponse, slowBody } from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

describe('timeouts', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient({ client: { responseTimeoutMs: 300 } });
  });

  after(async () => {
    await env.close();
  });

  it('fails with NET_RESPONSE_TIMEOUT when no headers arrive', async () => {
    env.emulator.script('token', noResponse());
    const started = Date.now();

    await assert.rejects(
      env.client.request({ method: 'POST', url: env.url('acme', '/services/oauth2/token') }),
      (error: unknown) => {
        assert.ok(isNetworkError(error, 'NET_RESPONSE_TIMEOUT'));
        assert.match(error.message, /300 ms/);
        assert.match(error.message, /headers/);
        return true;
      },
    );
    assert.ok(Date.now() - started < 5_000);
  });

  it('fails with NET_RESPONSE_TIMEOUT when the body stalls', async () => {
    env.emulator.script('token', slowBody({ padding: 'x'.repeat(100) }, 2_000, 2));

    await assert.rejects(
      env.client.request({ method: 'POST', url: env.url('acme', '/services/oauth2/token') }),
      (error: unknown) =>
        isNetworkError(error, 'NET_RESPONSE_TIMEOUT') && /body/.test(error.message),
    );
  });

  it('accepts a slow body within the timeout', async () => {
    env.emulator.script('token', slowBody({ ok: true }, 50, 3));

    const response = await env.client.request({
      method: 'POST',
      url: env.url('acme', '/services/oauth2/token'),
    });
    assert.deepEqual(JSON.parse(response.body), { ok: true });
  });
});

describe('connect timeout', () => {
  let server: Server;
  const sockets = new Set<Socket>();

  before(async () => {
    // Accepts TCP connections but never starts TLS, so the handshake cannot finish.
    server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  });

  after(async () => {
    for (const socket of sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fails with NET_CONNECT_TIMEOUT when TLS never starts', async () => {
    const port = (server.address() as AddressInfo).port;
    const client = await createHttpClient({
      env: {},
      connectTimeoutMs: 200,
      loopbackHosts: () => ({ address: '127.0.0.1', port }),
    });

    try {
      await assert.rejects(
        client.request({ method: 'GET', url: 'https://stalled.my.salesforce.com/' }),
        (error: unknown) =>
          isNetworkError(error, 'NET_CONNECT_TIMEOUT') && /200 ms/.test(error.message),
      );
    } finally {
      await client.close();
    }
  });
});
