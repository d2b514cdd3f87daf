import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { tokenSuccess } from '../../../src/emulator';
import { readPayload, splitIntoPackages } from '../../../src/engine/skyvva/payload';
import { buildIntegrateUrl, modeForOperation } from '../../../src/engine/skyvva/integrate-request';
import type { EngineHarness } from './engine-harness';
import {
  FakeTiming,
  ONE_RECORD,
  clientCredentials,
  rejectionOf,
  startHarness,
} from './engine-harness';

describe('test message', () => {
  let harness: EngineHarness;
  let nextId = 0;

  before(async () => {
    harness = await startHarness({ timing: new FakeTiming() });
  });

  afterEach(() => harness.reset());

  after(async () => {
    await harness.close();
  });

  function engineWithIds() {
    return harness.newEngine({ createTransferId: () => `TRANSFER-${++nextId}` });
  }

  function scriptToken(host: string, token: string): void {
    harness.env.emulator.script(
      'token',
      tokenSuccess({ accessToken: token, instanceUrl: `https://${host}` }),
    );
    harness.env.emulator.acceptToken(token);
  }

  it('maps operations to modes', () => {
    assert.equal(modeForOperation('integrate'), 'Asynchronous');
    assert.equal(modeForOperation('integrateSynchronous'), 'Synchronous');
    assert.equal(modeForOperation('Skyvva Bulk'), 'Skyvva Bulk');
    assert.equal(modeForOperation('Auto-Switch'), 'Auto-Switch');
  });

  it('builds the integrate URL', () => {
    const url = buildIntegrateUrl('https://acme.my.salesforce.com', {
      integration: 'Ly-Na',
      inteface: 'V3 Rest&Bulk',
      operation: 'integrate',
      format: 'JSON',
      transferId: 'T-1',
    });

    assert.equal(
      url,
      'https://acme.my.salesforce.com/services/apexrest/skyvvasolutions/V4/integrate?' +
        'integration=Ly-Na&interface=V3%20Rest%26Bulk&mode=Asynchronous&request-format=JSON&' +
        'response-format=JSON&transferId=T-1',
    );
  });

  it('splits a bulk array into packages', () => {
    const payload = readPayload('records.json', JSON.stringify([1, 2, 3, 4, 5, 6, 7]));
    const packages = splitIntoPackages(payload, 'Skyvva Bulk', 3);

    assert.deepEqual(
      packages.map((pkg) => pkg.body),
      ['[1,2,3]', '[4,5,6]', '[7]'],
    );
    assert.deepEqual(
      packages.map((pkg) => pkg.records),
      [3, 3, 1],
    );
    assert.equal(splitIntoPackages(payload, 'integrate', 3).length, 1);
    assert.equal(splitIntoPackages(readPayload('one.json', '{"a":1}'), 'Skyvva Bulk', 3).length, 1);
  });

  it('rejects an invalid JSON payload', () => {
    assert.throws(() => readPayload('broken.json', '{"a":'), { code: 'PAYLOAD_INVALID' });
  });

  it('sends each package with its own transferId', async () => {
    const { emulator } = harness.env;
    scriptToken('org-s.my.salesforce.com', 'TOKEN-S');
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('org-s.my.salesforce.com', 'SECRET-S', { BulkPackageSize: '2' }),
    );
    const payload = readPayload('records.json', JSON.stringify([{ n: 1 }, { n: 2 }, { n: 3 }]));
    const result = await engineWithIds().sendTestMessage(config, payload, harness.runOptions());

    const requests = emulator.requests('integrate');
    assert.equal(requests.length, 2);
    assert.equal(result.status, 'success');
    assert.equal(result.packages.length, 2);
    assert.deepEqual(
      requests.map((request) => request.query.transferId),
      result.packages.map((pkg) => pkg.transferId),
    );
    assert.notEqual(requests[0].query.transferId, requests[1].query.transferId);
    assert.equal(requests[0].query.integration, 'INT_TEST');
    assert.equal(requests[0].query.interface, 'IF_TEST');
    assert.equal(requests[0].query.mode, 'Skyvva Bulk');
    assert.equal(requests[0].query['request-format'], 'JSON');
    assert.equal(requests[0].query['response-format'], 'JSON');
    assert.match(String(requests[0].headers['content-type']), /^application\/json/);
    assert.equal(requests[0].bearer, 'TOKEN-S');
  });

  it('sends XML whole with its content type', async () => {
    const { emulator } = harness.env;
    scriptToken('org-x.my.salesforce.com', 'TOKEN-X');
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('org-x.my.salesforce.com', 'SECRET-X', { Operation: 'integrate' }),
    );
    const payload = readPayload('record.xml', '<Account><Name>Example</Name></Account>');
    await engineWithIds().sendTestMessage(config, payload, harness.runOptions());

    const [request] = emulator.requests('integrate');
    assert.equal(request.query['request-format'], 'XML');
    assert.equal(request.query.mode, 'Asynchronous');
    assert.match(String(request.headers['content-type']), /^application\/xml/);
    assert.equal(request.body, '<Account><Name>Example</Name></Account>');
  });

  it('reports failed records as partial failure', async () => {
    const { emulator } = harness.env;
    scriptToken('org-p.my.salesforce.com', 'TOKEN-P');
    harness.answerBudget(0);
    emulator.script('integrate', {
      status: 200,
      body: { GlobalStatus: { Total: 2, Success: 1, Failed: 1 } },
    });
    const config = await harness.config(clientCredentials('org-p.my.salesforce.com', 'SECRET-P'));
    const result = await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    assert.equal(result.status, 'partial');
    assert.equal(result.packages[0].status, 'partial');
  });

  it('reports one failed package as partial', async () => {
    const { emulator } = harness.env;
    scriptToken('org-q.my.salesforce.com', 'TOKEN-Q');
    harness.answerBudget(0);
    emulator.script('integrate', {
      when: (request) => request.body === '[{"n":3}]',
      status: 400,
      body: [{ errorCode: 'INVALID_INPUT', message: 'Record 3 is invalid' }],
    });
    const config = await harness.config(
      clientCredentials('org-q.my.salesforce.com', 'SECRET-Q', { BulkPackageSize: '2' }),
    );
    const payload = readPayload('records.json', JSON.stringify([{ n: 1 }, { n: 2 }, { n: 3 }]));
    const result = await harness.engine.sendTestMessage(config, payload, harness.runOptions());

    assert.equal(result.status, 'partial');
    assert.deepEqual(
      result.packages.map((pkg) => pkg.status),
      ['success', 'failed'],
    );
    assert.match(result.packages[1].summary, /Record 3 is invalid \(INVALID_INPUT\)/);
    assert.equal(emulator.count('integrate'), 2);
  });

  it('dumps the payload without the Authorization header', async () => {
    scriptToken('org-d.my.salesforce.com', 'TOKEN-DUMP-VALUE');
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('org-d.my.salesforce.com', 'SECRET-D', { SforceRequestPayload: 'X' }),
    );
    await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    const dump = harness.auditLines.find((line) => line.includes('Request payload'));
    assert.ok(dump?.includes('{"Account":{"Name":"Example"}}'));
    assert.doesNotMatch(harness.allOutput(), /Bearer|authorization|TOKEN-DUMP-VALUE/i);
  });

  it('requires Integration for a test message', async () => {
    const error = await rejectionOf(
      harness.config(
        clientCredentials('org-i.my.salesforce.com', 'SECRET-I', { Integration: undefined }),
      ),
    );

    assert.equal(error.code, 'CONFIG_ERROR_FINDINGS');
    assert.equal(harness.env.emulator.count(), 0);
  });
});
