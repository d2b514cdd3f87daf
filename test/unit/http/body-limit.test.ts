import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { MAX_BODY_BYTES } from '../../../src/engine/http';
import { hugeBody } from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

describe('response body limit', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient();
  });

  after(async () => {
    await env.close();
  });

  it('cuts off a body over 1 MiB', async () => {
    env.emulator.script('token', hugeBody(5 * MAX_BODY_BYTES));

    const response = await env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/oauth2/token',
    });

    assert.equal(MAX_BODY_BYTES, 1024 * 1024);
    assert.equal(response.truncated, true);
    assert.equal(response.body.length, MAX_BODY_BYTES);
  });

  it('keeps a body of exactly 1 MiB whole', async () => {
    env.emulator.script('token', hugeBody(MAX_BODY_BYTES));

    const response = await env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/oauth2/token',
    });

    assert.equal(response.truncated, false);
    assert.equal(response.body.length, MAX_BODY_BYTES);
  });

  it('still serves requests after a cut-off body', async () => {
    env.emulator.script('token', hugeBody(3 * MAX_BODY_BYTES));
    await env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/oauth2/token',
    });

    const response = await env.client.request({
      method: 'GET',
      url: 'https://acme.my.salesforce.com/services/nothing',
    });
    assert.equal(response.status, 404);
  });
});
