import assert from 'node:assert/strict';
import dns from 'node:dns';
import { after, before, describe, it, mock } from 'node:test';

import { createHttpClient, isNetworkError } from '../../../src/engine/http';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

describe('host-to-loopback map', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient();
  });

  after(async () => {
    mock.restoreAll();
    await env.close();
  });

  it('fails an unmapped host without a DNS query', async () => {
    const lookup = mock.method(dns, 'lookup');
    const promisesLookup = mock.method(dns.promises, 'lookup');
    const resolve = mock.method(dns, 'resolve');

    await assert.rejects(
      env.client.request({ method: 'GET', url: 'https://unmapped.example.invalid/' }),
      (error: unknown) => {
        assert.ok(isNetworkError(error, 'NET_HOST_NOT_FOUND'));
        assert.match(error.message, /unmapped\.example\.invalid/);
        assert.match(error.message, /loopback host map/);
        return true;
      },
    );
    assert.equal(lookup.mock.callCount(), 0);
    assert.equal(promisesLookup.mock.callCount(), 0);
    assert.equal(resolve.mock.callCount(), 0);
    assert.equal(env.emulator.count(), 0);
  });

  it('reaches a mapped host without a DNS query', async () => {
    const lookup = mock.method(dns, 'lookup');

    const response = await env.client.request({
      method: 'GET',
      url: 'https://acme.my.salesforce.com/services/nothing',
    });

    assert.equal(response.status, 404);
    assert.equal(lookup.mock.callCount(), 0);
  });

  it('control: a client without a map calls dns.lookup', async () => {
    // The fake returns a loopback address, so the control never queries a real resolver.
    const lookup = mock.method(dns, 'lookup', ((
      _hostname: string,
      options: { all?: boolean },
      callback: (error: null, address: unknown, family?: number) => void,
    ) => {
      if (options?.all) {
        callback(null, [{ address: '127.0.0.1', family: 4 }]);
      } else {
        callback(null, '127.0.0.1', 4);
      }
    }) as unknown as typeof dns.lookup);
    const client = await createHttpClient({ env: {}, connectTimeoutMs: 2_000 });

    try {
      await assert.rejects(
        client.request({
          method: 'GET',
          url: `http://control.example.invalid:${env.emulator.port}/`,
        }),
      );
    } finally {
      await client.close();
    }
    assert.ok(lookup.mock.callCount() > 0);
  });
});
