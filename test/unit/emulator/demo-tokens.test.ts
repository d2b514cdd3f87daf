import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DEFAULT_DEMO_ORG, issueDemoToken, verifyDemoToken } from '../../../src/emulator';
import { startEmulatorWithClient } from '../../support/emulator-client';

const INTEGRATE =
  'https://acme.my.salesforce.com/services/apexrest/skyvvasolutions/V4/integrate' +
  '?integration=INT_TEST&interface=IF_TEST&mode=Asynchronous&request-format=JSON';

async function fetchDemoToken(tokenKey: string): Promise<string> {
  const env = await startEmulatorWithClient({ emulator: { demoOrg: { tokenKey } } });
  try {
    const response = await env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/oauth2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEFAULT_DEMO_ORG.consumerKey,
        client_secret: DEFAULT_DEMO_ORG.consumerSecret,
      }).toString(),
    });
    return (JSON.parse(response.body) as { access_token: string }).access_token;
  } finally {
    await env.close();
  }
}

async function callApi(tokenKey: string, token: string): Promise<number> {
  const env = await startEmulatorWithClient({ emulator: { demoOrg: { tokenKey } } });
  try {
    const response = await env.client.request({
      method: 'POST',
      url: INTEGRATE,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"Name":"A"}',
    });
    return response.status;
  } finally {
    await env.close();
  }
}

describe('demo tokens', () => {
  it('are accepted by a second emulator', async () => {
    const token = await fetchDemoToken('shared-demo-key');
    assert.equal(await callApi('shared-demo-key', token), 200);
  });

  it('are rejected under another demo key', async () => {
    const token = await fetchDemoToken('first-key');
    assert.equal(await callApi('second-key', token), 401);
  });

  it('expire after the session lifetime', () => {
    const org = { ...DEFAULT_DEMO_ORG, sessionLifetimeMs: 1_000 };
    const token = issueDemoToken(org, 'https://acme.my.salesforce.com', 10_000);

    assert.equal(verifyDemoToken(org, token, 10_500), 'valid');
    assert.equal(verifyDemoToken(org, token, 11_000), 'expired');
  });

  it('reject a changed payload', () => {
    const token = issueDemoToken(DEFAULT_DEMO_ORG, 'https://acme.my.salesforce.com');
    const [head, rest] = token.split('!');
    const [, signature] = rest.split('.');
    const forged = Buffer.from('{"iat":0,"exp":9e15,"ins":"x"}').toString('base64url');

    assert.equal(verifyDemoToken(DEFAULT_DEMO_ORG, `${head}!${forged}.${signature}`), 'invalid');
  });
});
