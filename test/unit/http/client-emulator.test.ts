import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('HTTP client against the emulator', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient();
  });

  after(async () => {
    await env.close();
  });

  async function fetchToken(host: string) {
    const { org } = env.emulator;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: org.consumerKey,
      client_secret: org.consumerSecret,
    }).toString();
    return env.client.request({
      method: 'POST',
      url: `https://${host}/services/oauth2/token`,
      headers: FORM,
      body,
    });
  }

  it('fetches a token by host name', async () => {
    const response = await fetchToken('acme.my.salesforce.com');

    assert.equal(response.status, 200);
    assert.match(response.contentType, /^application\/json/);
    assert.equal(response.truncated, false);
    const token = JSON.parse(response.body) as Record<string, string>;
    assert.equal(token.instance_url, 'https://acme.my.salesforce.com');
    assert.equal(token.token_type, 'Bearer');
    assert.ok(token.access_token);

    const recorded = env.emulator.requests('token').at(-1);
    assert.equal(recorded?.host, 'acme.my.salesforce.com');
    assert.equal(recorded?.servername, 'acme.my.salesforce.com');
    assert.equal(recorded?.form?.grant_type, 'client_credentials');
    assert.equal(recorded?.rawQuery, '');
  });

  it('sends a test message with the token', async () => {
    const token = JSON.parse((await fetchToken('acme.my.salesforce.com')).body) as {
      access_token: string;
    };
    const query = new URLSearchParams({
      integration: 'INT_TEST',
      interface: 'IF_TEST',
      mode: 'Asynchronous',
      'request-format': 'JSON',
      'response-format': 'JSON',
      transferId: 'T-1',
    });
    const response = await env.client.request({
      method: 'POST',
      url: `https://acme.my.salesforce.com/services/apexrest/skyvvasolutions/V4/integrate?${query}`,
      headers: {
        authorization: `Bearer ${token.access_token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify([{ Name: 'A' }, { Name: 'B' }]),
    });

    assert.equal(response.status, 200);
    const result = JSON.parse(response.body) as { GlobalStatus: { Total: number; Failed: number } };
    assert.equal(result.GlobalStatus.Total, 2);
    assert.equal(result.GlobalStatus.Failed, 0);
    assert.equal(env.emulator.requests('integrate').at(-1)?.query.transferId, 'T-1');
  });

  it('logs method, origin, path and status at trace level', async () => {
    await env.client.request({
      method: 'GET',
      url: 'https://acme.my.salesforce.com/services/data/v60.0/query?q=SELECT+Id+FROM+Secret',
    });

    const line = env.logger.lines.at(-1);
    assert.equal(line?.level, 'trace');
    assert.match(
      line?.message ?? '',
      /^GET https:\/\/acme\.my\.salesforce\.com\/services\/data\/v60\.0\/query 401 \d+ ms$/,
    );
    assert.doesNotMatch(env.logger.text(), /SELECT|Secret/);
  });

  it('returns error statuses as responses', async () => {
    const response = await env.client.request({
      method: 'GET',
      url: 'https://acme.my.salesforce.com/services/nothing-here',
    });

    assert.equal(response.status, 404);
    assert.match(response.body, /NOT_FOUND/);
  });
});
