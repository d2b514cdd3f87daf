import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { createHttpClient, isNetworkError } from '../../../src/engine/http';
import { resetConnection } from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

describe('connection errors', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient();
  });

  after(async () => {
    await env.close();
  });

  it('reports a reset connection as NET_CONNECTION_RESET', async () => {
    env.emulator.script('integrate', resetConnection());

    await assert.rejects(
      env.client.request({
        method: 'POST',
        url: env.url('acme', '/services/apexrest/skyvvasolutions/V4/integrate'),
      }),
      (error: unknown) => {
        assert.ok(isNetworkError(error, 'NET_CONNECTION_RESET'));
        assert.match(error.message, /acme\.my\.salesforce\.com/);
        return true;
      },
    );
  });

  it('reports a closed port as NET_CONNECTION_REFUSED', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = await createHttpClient({
      env: {},
      loopbackHosts: () => ({ address: '127.0.0.1', port }),
    });

    try {
      await assert.rejects(
        client.request({ method: 'GET', url: 'https://closed.my.salesforce.com/' }),
        (error: unknown) =>
          isNetworkError(error, 'NET_CONNECTION_REFUSED') &&
          /closed\.my\.salesforce\.com/.test(error.message) &&
          !/fetch failed/.test(error.message),
      );
    } finally {
      await client.close();
    }
  });

  it('rejects a URL that is not http or https', async () => {
    await assert.rejects(
      env.client.request({ method: 'GET', url: 'ftp://acme.my.salesforce.com/' }),
      (error: unknown) => isNetworkError(error, 'NET_INVALID_URL'),
    );
  });
});
