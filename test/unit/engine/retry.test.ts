import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import {
  resetConnection,
  restError,
  serverError,
  tokenSuccess,
  tooManyRequests,
} from '../../../src/emulator';
import {
  parseRetryAfter,
  retryDelay,
  transientReason,
} from '../../../src/engine/salesforce/retry-policy';
import { buildRetryBudgetQuery } from '../../../src/engine/salesforce/retry-budget';
import { soqlString } from '../../../src/engine/salesforce/soql';
import { sleep } from '../../../src/engine/timing';
import type { HttpResponse } from '../../../src/engine/salesforce/transport';
import type { EngineHarness } from './engine-harness';
import {
  FakeTiming,
  ONE_RECORD,
  clientCredentials,
  rejectionOf,
  startHarness,
} from './engine-harness';

function response(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status,
    headers,
    contentType: 'application/json',
    body: JSON.stringify(body),
    truncated: false,
  };
}

describe('retry policy', () => {
  it('escapes SOQL string literals', () => {
    assert.equal(soqlString("O'Brien"), "'O\\'Brien'");
    assert.equal(soqlString('a\\b'), "'a\\\\b'");
    assert.equal(soqlString('line\nbreak'), "'line\\nbreak'");
  });

  it('builds the retry-budget query', () => {
    assert.equal(
      buildRetryBudgetQuery('Ly-Na', "IF'X"),
      'SELECT skyvvasolutions__Max_Number_Of_API_Retry__c FROM skyvvasolutions__Interfaces__c ' +
        "WHERE skyvvasolutions__Name__c = 'IF\\'X' AND skyvvasolutions__Integration__r.Name = 'Ly-Na' LIMIT 1",
    );
  });

  it('doubles delays with full jitter', () => {
    assert.equal(retryDelay(1, undefined, 0.999999), 499);
    assert.equal(retryDelay(2, undefined, 0.5), 500);
    assert.equal(retryDelay(3, undefined, 0.5), 1000);
    assert.equal(retryDelay(20, undefined, 0.999999), 29_999);
    assert.equal(retryDelay(1, undefined, 0), 0);
  });

  it('honours Retry-After up to 60 s', () => {
    assert.equal(retryDelay(1, 5000, 0.1), 5000);
    assert.equal(retryDelay(1, 600_000, 0.1), 60_000);
    assert.equal(parseRetryAfter('7', 0), 7000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4000), 6000);
    assert.equal(parseRetryAfter('soon', 0), undefined);
  });

  it('classifies transient answers', () => {
    assert.equal(transientReason(response(503, {})), 'HTTP 503');
    assert.match(String(transientReason(response(429, {}))), /429/);
    const concurrent = [
      {
        errorCode: 'REQUEST_LIMIT_EXCEEDED',
        message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.',
      },
    ];
    assert.match(String(transientReason(response(403, concurrent))), /concurrent/);
    const daily = [
      { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' },
    ];
    assert.equal(transientReason(response(403, daily)), undefined);
    assert.equal(
      transientReason(response(400, [{ errorCode: 'INVALID_INPUT', message: 'x' }])),
      undefined,
    );
  });
});

describe('retry budget', () => {
  let harness: EngineHarness;
  let timing: FakeTiming;

  before(async () => {
    timing = new FakeTiming(0.5);
    harness = await startHarness({ timing });
  });

  afterEach(() => harness.reset());

  after(async () => {
    await harness.close();
  });

  async function sendWith(
    host: string,
    budget: number | string | null | { missingField: true },
    runOptions = {},
  ) {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: `TOKEN-${host}`, instanceUrl: `https://${host}` }),
    );
    emulator.acceptToken(`TOKEN-${host}`);
    emulator.setRetryBudget('INT_TEST', 'IF_TEST', budget);
    const config = await harness.config(clientCredentials(host, 'SECRET-RETRY'));
    return harness.newEngine().sendTestMessage(config, ONE_RECORD, harness.runOptions(runOptions));
  }

  it('retries 5xx within the budget', async () => {
    const { emulator } = harness.env;
    emulator.script('integrate', { ...serverError(503), times: 2 });
    const sleepsBefore = timing.sleeps.length;
    const result = await sendWith('org-r1.my.salesforce.com', 3);

    assert.equal(result.status, 'success');
    assert.equal(result.retryBudget, 3);
    assert.equal(emulator.count('integrate'), 3);
    assert.equal(emulator.count('query'), 1);
    assert.deepEqual(timing.sleeps.slice(sleepsBefore), [250, 500]);
    const transferIds = new Set(
      emulator.requests('integrate').map((request) => request.query.transferId),
    );
    assert.equal(transferIds.size, 1);
    const retryLines = harness.auditLines.filter((line) =>
      line.includes('API call failed (HTTP 503)'),
    );
    assert.deepEqual(
      retryLines.map((line) => /attempt (\d) of (\d)/.exec(line)?.slice(1).join('/')),
      ['2/4', '3/4'],
    );
  });

  it('stops when the budget is used up', async () => {
    const { emulator } = harness.env;
    emulator.script('integrate', { ...serverError(503), times: 5 });
    const result = await sendWith('org-r2.my.salesforce.com', 1);

    assert.equal(result.status, 'failed');
    assert.equal(emulator.count('integrate'), 2);
    assert.match(result.packages[0].summary, /HTTP 503/);
  });

  it('honours Retry-After on 429', async () => {
    const { emulator } = harness.env;
    emulator.script('integrate', tooManyRequests(7));
    const sleepsBefore = timing.sleeps.length;
    const result = await sendWith('org-r3.my.salesforce.com', 2);

    assert.equal(result.status, 'success');
    assert.deepEqual(timing.sleeps.slice(sleepsBefore), [7000]);
  });

  it('retries a reset connection', async () => {
    const { emulator } = harness.env;
    emulator.script('integrate', resetConnection());
    const result = await sendWith('org-r4.my.salesforce.com', 1);

    assert.equal(result.status, 'success');
    assert.equal(emulator.count('integrate'), 2);
  });

  it('never retries data errors', async () => {
    const { emulator } = harness.env;
    emulator.script('integrate', restError(400, 'INVALID_INPUT', 'Bad record'));
    const result = await sendWith('org-r5.my.salesforce.com', 3);

    assert.equal(result.status, 'failed');
    assert.equal(emulator.count('integrate'), 1);
  });

  it('warns once for a missing field', async () => {
    const { emulator } = harness.env;
    emulator.script('integrate', { ...serverError(503), times: 1 });
    const warningsBefore = harness.env.logger.lines.filter((line) => line.level === 'warn').length;
    const result = await sendWith('org-r6.my.salesforce.com', { missingField: true });

    const warnings = harness.env.logger.lines
      .filter((line) => line.level === 'warn')
      .slice(warningsBefore);
    assert.equal(result.retryBudget, 0);
    assert.equal(result.status, 'failed');
    assert.equal(emulator.count('integrate'), 1);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message, /skyvvasolutions__Max_Number_Of_API_Retry__c/);
  });

  it('counts a fractional value as 0', async () => {
    const warningsBefore = harness.env.logger.lines.filter((line) => line.level === 'warn').length;
    const result = await sendWith('org-r7.my.salesforce.com', 2.5);

    const warnings = harness.env.logger.lines
      .filter((line) => line.level === 'warn')
      .slice(warningsBefore);
    assert.equal(result.retryBudget, 0);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message, /not a whole number/);
  });

  it('reads the budget once per session', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-ONCE', instanceUrl: 'https://org-r8.my.salesforce.com' }),
    );
    emulator.acceptToken('TOKEN-ONCE');
    const config = await harness.config(
      clientCredentials('org-r8.my.salesforce.com', 'SECRET-RETRY'),
    );
    await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());
    await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    assert.equal(emulator.count('query'), 1);
    assert.equal(emulator.count('integrate'), 2);
  });

  it('skips the query with an override', async () => {
    const { emulator } = harness.env;
    emulator.script('integrate', { ...serverError(500), times: 2 });
    const result = await sendWith('org-r9.my.salesforce.com', 0, { retryBudgetOverride: 2 });

    assert.equal(result.status, 'success');
    assert.equal(emulator.count('query'), 0);
    assert.equal(emulator.count('integrate'), 3);
  });

  it('cancels a backoff wait', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({
        accessToken: 'TOKEN-CANCEL',
        instanceUrl: 'https://org-r10.my.salesforce.com',
      }),
    );
    emulator.acceptToken('TOKEN-CANCEL');
    emulator.script('integrate', { ...serverError(503), times: 5 });
    const config = await harness.config(
      clientCredentials('org-r10.my.salesforce.com', 'SECRET-RETRY'),
    );
    // Real waits with the largest jitter, so the first backoff lasts about 500 ms.
    const engine = harness.newEngine({ timing: { now: Date.now, random: () => 0.99, sleep } });
    const controller = new AbortController();
    const started = Date.now();
    const sending = engine.sendTestMessage(
      config,
      ONE_RECORD,
      harness.runOptions({ retryBudgetOverride: 5, signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);
    const error = await rejectionOf(sending);

    assert.equal(error.code, 'CANCELLED');
    assert.ok(Date.now() - started < 5000);
  });
});
