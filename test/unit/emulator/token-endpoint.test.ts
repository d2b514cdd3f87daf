import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

type TokenBody = Record<string, string>;

describe('emulator token endpoint', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient();
  });

  after(async () => {
    await env.close();
  });

  async function requestToken(host: string, fields: Record<string, string>) {
    const response = await env.client.request({
      method: 'POST',
      url: `https://${host}/services/oauth2/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, body: JSON.parse(response.body) as TokenBody };
  }

  function clientCredentials(overrides: Record<string, string> = {}) {
    const { org } = env.emulator;
    return {
      grant_type: 'client_credentials',
      client_id: org.consumerKey,
      client_secret: org.consumerSecret,
      ...overrides,
    };
  }

  it('issues a token for client credentials', async () => {
    const { status, body } = await requestToken('acme.my.salesforce.com', clientCredentials());

    assert.equal(status, 200);
    assert.equal(body.instance_url, 'https://acme.my.salesforce.com');
    assert.equal(body.token_type, 'Bearer');
    assert.match(body.issued_at, /^\d{13}$/);
    assert.match(body.id, /\/id\/00D\w+\/005\w+$/);
    assert.ok(body.signature);
    assert.equal(body.scope, 'api');
  });

  it('issues a token for the password grant', async () => {
    const { org } = env.emulator;
    const { status, body } = await requestToken('login.salesforce.com', {
      ...clientCredentials({ grant_type: 'password' }),
      username: org.username,
      password: org.password,
    });

    assert.equal(status, 200);
    assert.equal(body.instance_url, 'https://demo.my.salesforce.com');
    assert.equal(body.scope, undefined);
  });

  const errorCases: [string, string, Record<string, string>, string, string][] = [
    [
      'wrong secret',
      'acme.my.salesforce.com',
      { client_secret: 'nope' },
      'invalid_client',
      'invalid client credentials',
    ],
    [
      'unknown key',
      'acme.my.salesforce.com',
      { client_id: 'nope' },
      'invalid_client_id',
      'client identifier invalid',
    ],
    [
      'generic login host',
      'test.salesforce.com',
      {},
      'invalid_grant',
      'request not supported on this domain',
    ],
    [
      'unknown grant',
      'acme.my.salesforce.com',
      { grant_type: 'magic' },
      'unsupported_grant_type',
      'grant type not supported',
    ],
    [
      'wrong password',
      'acme.my.salesforce.com',
      { grant_type: 'password', username: 'u', password: 'p' },
      'invalid_grant',
      'authentication failure',
    ],
  ];
  for (const [name, host, overrides, error, description] of errorCases) {
    it(`rejects ${name} with ${error}`, async () => {
      const { status, body } = await requestToken(host, clientCredentials(overrides));

      assert.equal(status, 400);
      assert.deepEqual(body, { error, error_description: description });
    });
  }

  it('revokes a token so API calls fail', async () => {
    const { body } = await requestToken('acme.my.salesforce.com', clientCredentials());
    const revoke = await env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/oauth2/revoke',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: body.access_token }).toString(),
    });
    const api = await env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/apexrest/skyvvasolutions/V4/integrate',
      headers: { authorization: `Bearer ${body.access_token}` },
    });

    assert.equal(revoke.status, 200);
    assert.equal(api.status, 401);
    assert.match(api.body, /INVALID_SESSION_ID/);
  });
});
