import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { isNetworkError } from '../../../src/engine/http';
import { noResponse, slowBody } from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

describe('cancellation', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient();
  });

  after(async () => {
    await env.close();
  });

  it('cancels a request waiting for headers', async () => {
    env.emulator.script('token', noResponse());
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);

    await assert.rejects(
      env.client.request({
        method: 'POST',
        url: env.url('acme', '/services/oauth2/token'),
        signal: controller.signal,
      }),
      (error: unknown) => isNetworkError(error, 'NET_ABORTED'),
    );
    assert.ok(Date.now() - started < 2_000);
  });

  it('cancels a request while reading the body', async () => {
    env.emulator.script('token', slowBody({ padding: 'x'.repeat(1000) }, 1_000, 5));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);

    await assert.rejects(
      env.client.request({
        method: 'POST',
        url: env.url('acme', '/services/oauth2/token'),
        signal: controller.signal,
      }),
      (error: unknown) => isNetworkError(error, 'NET_ABORTED'),
    );
  });

  it('sends nothing for a signal aborted before the call', async () => {
    env.emulator.reset();

    await assert.rejects(
      env.client.request({
        method: 'POST',
        url: env.url('acme', '/services/oauth2/token'),
        signal: AbortSignal.abort(),
      }),
      (error: unknown) => isNetworkError(error, 'NET_ABORTED'),
    );
    assert.equal(env.emulator.count(), 0);
  });
});
