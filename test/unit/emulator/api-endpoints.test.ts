import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { RETRY_BUDGET_FIELD, issueDemoToken } from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

const QUERY_PATH = '/services/data/v60.0/query';

function budgetSoql(integration: string, iface: string): string {
  const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return (
    `SELECT ${RETRY_BUDGET_FIELD} FROM skyvvasolutions__Interfaces__c ` +
    `WHERE skyvvasolutions__Name__c = ${quote(iface)} ` +
    `AND skyvvasolutions__Integration__r.Name = ${quote(integration)} LIMIT 1`
  );
}

describe('emulator API endpoints', () => {
  let env: EmulatorWithClient;
  let token: string;

  before(async () => {
    env = await startEmulatorWithClient();
    token = issueDemoToken(env.emulator.org, 'https://acme.my.salesforce.com');
  });

  after(async () => {
    await env.close();
  });

  async function queryBudget(integration: string, iface: string, bearer = token) {
    const q = new URLSearchParams({ q: budgetSoql(integration, iface) });
    const response = await env.client.request({
      method: 'GET',
      url: `https://acme.my.salesforce.com${QUERY_PATH}?${q}`,
      headers: { authorization: `Bearer ${bearer}` },
    });
    return { status: response.status, body: JSON.parse(response.body) as unknown };
  }

  it('returns budget 0 by default', async () => {
    const { status, body } = await queryBudget('INT_TEST', 'IF_TEST');

    assert.equal(status, 200);
    const records = (body as { records: Record<string, unknown>[] }).records;
    assert.equal(records.length, 1);
    assert.equal(records[0][RETRY_BUDGET_FIELD], 0);
  });

  it('returns the budget per interface', async () => {
    env.emulator.setRetryBudget("O'Brien\\INT", 'IF_A', 3);

    const { body } = await queryBudget("O'Brien\\INT", 'IF_A');

    const records = (body as { records: Record<string, unknown>[] }).records;
    assert.equal(records[0][RETRY_BUDGET_FIELD], 3);
  });

  it('returns INVALID_FIELD for a missing field', async () => {
    env.emulator.setRetryBudget('INT_OLD', 'IF_OLD', { missingField: true });

    const { status, body } = await queryBudget('INT_OLD', 'IF_OLD');

    assert.equal(status, 400);
    const errors = body as { errorCode: string; message: string }[];
    assert.equal(errors[0].errorCode, 'INVALID_FIELD');
    assert.match(errors[0].message, new RegExp(RETRY_BUDGET_FIELD));
  });

  it('returns no record for unknown interfaces', async () => {
    env.emulator.setRetryBudget('INT_X', 'IF_NONE', { noRecord: true });

    const { body } = await queryBudget('INT_X', 'IF_NONE');

    assert.deepEqual(body, { totalSize: 0, done: true, records: [] });
  });

  it('rejects a query without a valid session', async () => {
    const { status, body } = await queryBudget('INT_TEST', 'IF_TEST', 'forged-token');

    assert.equal(status, 401);
    assert.deepEqual(body, [
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
  });

  it('rejects integrate calls with an expired token', async () => {
    const expiring = issueDemoToken(env.emulator.org, 'https://acme.my.salesforce.com');
    env.emulator.expireToken(expiring);

    const response = await env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/apexrest/skyvvasolutions/V4/integrate',
      headers: { authorization: `Bearer ${expiring}` },
    });

    assert.equal(response.status, 401);
    assert.match(response.body, /INVALID_SESSION_ID/);
  });

  it('rejects integrate calls without query parameters', async () => {
    const response = await env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/apexrest/skyvvasolutions/V4/integrate',
      headers: { authorization: `Bearer ${token}` },
    });

    assert.equal(response.status, 400);
    assert.match(response.body, /integration, interface, mode, request-format/);
  });
});
