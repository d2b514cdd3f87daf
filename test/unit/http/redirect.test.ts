import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { redirect } from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

describe('redirects', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient();
  });

  after(async () => {
    await env.close();
  });

  it('returns a 302 without following it', async () => {
    const location = 'https://hc-target.my.salesforce.com/services/oauth2/token';
    env.emulator.script('token', redirect(location));

    const response = await env.client.request({
      method: 'POST',
      url: 'https://hc-redirect.lightning.force.com/services/oauth2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=a&client_secret=b',
    });

    assert.equal(response.status, 302);
    assert.equal(response.headers.location, location);
    assert.equal(response.body, '');
    const hosts = env.emulator.requests().map((request) => request.host);
    assert.deepEqual(hosts, ['hc-redirect.lightning.force.com']);
    assert.equal(
      env.emulator.requests().filter((r) => r.host === 'hc-target.my.salesforce.com').length,
      0,
    );
  });
});
