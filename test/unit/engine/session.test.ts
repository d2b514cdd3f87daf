import assert from 'node:assert/strict';
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';

import {
  invalidSessionBulk,
  invalidSessionRest,
  restError,
  tokenError,
  tokenSuccess,
} from '../../../src/emulator';
import { computeCacheKey } from '../../../src/engine/session/session';
import { MemorySessionStore } from '../../../src/engine/session/session-store';
import type { Session } from '../../../src/engine/session/session';
import type { EngineHarness } from './engine-harness';
import {
  FakeTiming,
  ONE_RECORD,
  clientCredentials,
  rejectionOf,
  startHarness,
} from './engine-harness';

function seeded(token: string, instanceUrl: string): Session {
  return {
    accessToken: token,
    instanceUrl,
    issuedAt: '1700000000000',
    identityUrl: undefined,
    obtainedAt: 1,
  };
}

describe('sessions and renewal', () => {
  let harness: EngineHarness;

  before(async () => {
    harness = await startHarness({ timing: new FakeTiming() });
  });

  afterEach(() => harness.reset());

  after(async () => {
    await harness.close();
  });

  it('renews once, then stops', async () => {
    const { emulator } = harness.env;
    const message = 'This session is not valid for use with the REST API';
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-A', instanceUrl: 'https://renewal.my.salesforce.com' }),
      tokenSuccess({ accessToken: 'TOKEN-B', instanceUrl: 'https://renewal.my.salesforce.com' }),
    );
    emulator.script('integrate', { ...invalidSessionRest(message), times: 2 });
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('renewal.my.salesforce.com', 'SECRET-RENEWAL'),
    );
    const error = await rejectionOf(
      harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions()),
    );

    assert.equal(error.code, 'SESSION_INVALID_AFTER_RENEWAL');
    assert.match(error.message, /^Session invalid even after renewal/);
    assert.match(error.message, new RegExp(message));
    assert.equal(emulator.count('token'), 2);
    assert.equal(emulator.count('integrate'), 2);
    assert.equal(emulator.requests('integrate')[1].bearer, 'TOKEN-B');
    const renewals = harness.auditLines.filter((line) =>
      line.endsWith(
        'INVALID_SESSION_ID detected. Renewing Salesforce session and retrying the API call once.',
      ),
    );
    assert.equal(renewals.length, 1);
  });

  for (const variant of [
    {
      name: 'REST session error',
      operation: 'Skyvva Bulk',
      answer: invalidSessionRest('Invalid Session ID found in SessionHeader: Illegal Session'),
    },
    {
      name: 'Bulk session error',
      operation: 'Salesforce Bulk',
      answer: invalidSessionBulk('Invalid session id'),
    },
  ]) {
    it(`renews on the ${variant.name}`, async () => {
      const { emulator } = harness.env;
      const config = await harness.config(
        clientCredentials('expiry.my.salesforce.com', 'SECRET-EXPIRY', {
          Operation: variant.operation,
        }),
      );
      await harness.store.write(
        computeCacheKey(config),
        seeded('TOKEN-OLD', 'https://expiry.my.salesforce.com'),
      );
      emulator.script('token', {
        ...tokenSuccess({
          accessToken: 'TOKEN-NEW',
          instanceUrl: 'https://expiry.my.salesforce.com',
        }),
        times: Infinity,
      });
      emulator.script('integrate', variant.answer);
      emulator.acceptToken('TOKEN-NEW');
      harness.answerBudget(0);
      const result = await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

      assert.equal(result.status, 'success');
      assert.equal(emulator.count('token'), 1);
      assert.equal(emulator.count('integrate'), 2);
      assert.equal(
        harness.auditLines.filter((line) => line.includes('Renewing Salesforce session')).length,
        1,
      );
    });
  }

  it('does not renew on a request limit', async () => {
    const { emulator } = harness.env;
    const config = await harness.config(
      clientCredentials('expiry.my.salesforce.com', 'SECRET-EXPIRY'),
    );
    await harness.store.write(
      computeCacheKey(config),
      seeded('TOKEN-OLD', 'https://expiry.my.salesforce.com'),
    );
    emulator.script(
      'integrate',
      restError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
    );
    harness.answerBudget(0);
    const result = await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    assert.equal(result.status, 'failed');
    assert.match(result.packages[0].summary, /REQUEST_LIMIT_EXCEEDED/);
    assert.equal(emulator.count('token'), 0);
    assert.equal(emulator.count('integrate'), 1);
    assert.equal(
      harness.auditLines.some((line) => line.includes('Renewing')),
      false,
    );
  });

  it('renews once for five concurrent messages', async () => {
    const { emulator } = harness.env;
    const config = await harness.config(
      clientCredentials('concurrent.my.salesforce.com', 'SECRET-CONCURRENT'),
    );
    const key = computeCacheKey(config);
    await harness.store.write(key, seeded('TOKEN-OLD', 'https://concurrent.my.salesforce.com'));
    emulator.expireToken('TOKEN-OLD');
    emulator.script('token', {
      ...tokenSuccess({
        accessToken: 'TOKEN-NEW',
        instanceUrl: 'https://concurrent.my.salesforce.com',
      }),
      delayMs: 300,
    });
    harness.answerBudget(0);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions()),
      ),
    );

    assert.deepEqual(
      results.map((result) => result.status),
      Array(5).fill('success'),
    );
    assert.equal(emulator.count('token'), 1);
    assert.equal(emulator.count('integrate'), 10);
    assert.equal((await harness.store.read(key))?.accessToken, 'TOKEN-NEW');
    assert.equal((await readdir(harness.cacheDir)).length, 1);
  });

  it('fails all waiters on one rejected renewal', async () => {
    const { emulator } = harness.env;
    const config = await harness.config(
      clientCredentials('concurrent.my.salesforce.com', 'SECRET-CONCURRENT'),
    );
    await harness.store.write(
      computeCacheKey(config),
      seeded('TOKEN-OLD', 'https://concurrent.my.salesforce.com'),
    );
    emulator.expireToken('TOKEN-OLD');
    emulator.script('token', {
      ...tokenError('invalid_client', 'invalid client credentials'),
      delayMs: 300,
    });
    harness.answerBudget(0);
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4, 5].map(() =>
        harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions()),
      ),
    );

    assert.equal(emulator.count('token'), 1);
    for (const outcome of outcomes) {
      assert.equal(outcome.status, 'rejected');
      assert.match(
        String((outcome as PromiseRejectedResult).reason.message),
        /invalid_client - invalid client credentials/,
      );
    }
  });

  it('reuses the session across twenty sends', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-A', instanceUrl: 'https://pooling.my.salesforce.com' }),
    );
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('pooling.my.salesforce.com', 'SECRET-POOLING'),
    );
    for (let index = 0; index < 20; index += 1) {
      // A new engine per send stands for a separate CLI run sharing the cache directory.
      const engine = index % 2 === 0 ? harness.engine : harness.newEngine();
      await engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());
    }

    assert.equal(emulator.count('token'), 1);
    assert.equal(emulator.count('integrate'), 20);
    const picked = harness.auditLines.filter((line) =>
      line.includes('Pick up new session id from Salesforce'),
    );
    const cached = harness.auditLines.filter((line) => line.includes('Session Id from Cache '));
    assert.equal(picked.length, 1);
    assert.equal(cached.length, 19);
  });

  it('keeps the session in memory between sends', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-MEM', instanceUrl: 'https://memory.my.salesforce.com' }),
    );
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('memory.my.salesforce.com', 'SECRET-MEMORY'),
    );
    await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());
    // The file goes away behind the engine's back; the same engine still has the session.
    await harness.store.clear();
    await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    assert.equal(emulator.count('token'), 1);
    assert.equal(emulator.count('integrate'), 2);
  });

  it('renewal takes a newer stored session', async () => {
    const { emulator } = harness.env;
    const config = await harness.config(
      clientCredentials('newer.my.salesforce.com', 'SECRET-NEWER'),
    );
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-FIRST', instanceUrl: 'https://newer.my.salesforce.com' }),
    );
    harness.answerBudget(0);
    await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());
    // Another process renews and stores its session; this engine still remembers the first.
    emulator.expireToken('TOKEN-FIRST');
    emulator.acceptToken('TOKEN-OTHER');
    await harness.store.write(
      computeCacheKey(config),
      seeded('TOKEN-OTHER', 'https://newer.my.salesforce.com'),
    );
    const result = await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    assert.equal(result.status, 'success');
    assert.equal(emulator.count('token'), 1);
    const bearers = emulator.requests('integrate').map((request) => request.bearer);
    assert.deepEqual(bearers, ['TOKEN-FIRST', 'TOKEN-FIRST', 'TOKEN-OTHER']);
  });

  it('logs in for every message without pooling', async () => {
    const { emulator } = harness.env;
    emulator.script('token', {
      ...tokenSuccess({ accessToken: 'TOKEN-NP', instanceUrl: 'https://org-np.my.salesforce.com' }),
      times: 3,
    });
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('org-np.my.salesforce.com', 'SECRET-NP', {
        'SessionPooling.Active': undefined,
      }),
    );
    for (let index = 0; index < 3; index += 1) {
      await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());
    }

    assert.equal(emulator.count('token'), 3);
    assert.deepEqual(await readdir(harness.cacheDir).catch(() => []), []);
  });

  it('shares one login in a memory store', async () => {
    const { emulator } = harness.env;
    emulator.script('token', {
      ...tokenSuccess({
        accessToken: 'TOKEN-MEMORY',
        instanceUrl: 'https://org-mem.my.salesforce.com',
      }),
      delayMs: 100,
    });
    const engine = harness.newEngine({ store: new MemorySessionStore('VS Code secret storage') });
    const config = await harness.config(
      clientCredentials('org-mem.my.salesforce.com', 'SECRET-MEM'),
      'token',
    );
    const results = await Promise.all(
      [1, 2, 3].map(() => engine.fetchToken(config, harness.runOptions())),
    );

    assert.equal(emulator.count('token'), 1);
    assert.deepEqual(results.map((result) => result.origin).sort(), ['cache', 'cache', 'new']);
    assert.ok(
      harness.auditLines.some((line) =>
        line.endsWith('determine user home cache : VS Code secret storage'),
      ),
    );
  });

  it('forces a new session with renew', async () => {
    const { emulator } = harness.env;
    emulator.script('token', {
      ...tokenSuccess({ accessToken: 'TOKEN-R', instanceUrl: 'https://org-r.my.salesforce.com' }),
      times: 2,
    });
    const config = await harness.config(
      clientCredentials('org-r.my.salesforce.com', 'SECRET-R'),
      'token',
    );
    const first = await harness.engine.fetchToken(config, harness.runOptions());
    const second = await harness.engine.fetchToken(config, harness.runOptions());
    const renewed = await harness.engine.fetchToken(config, harness.runOptions({ renew: true }));

    assert.equal(first.origin, 'new');
    assert.equal(second.origin, 'cache');
    assert.equal(renewed.origin, 'new');
    assert.equal(emulator.count('token'), 2);
  });

  it('writes owner-only cache files', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-M', instanceUrl: 'https://org-m.my.salesforce.com' }),
    );
    const config = await harness.config(
      clientCredentials('org-m.my.salesforce.com', 'SECRET-M'),
      'token',
    );
    await harness.engine.fetchToken(config, harness.runOptions());

    const names = await readdir(harness.cacheDir);
    assert.deepEqual(names, [`SKYVVA_SalesforceContainer_${computeCacheKey(config).name}.json`]);
    assert.match(names[0], /^SKYVVA_SalesforceContainer_CC_[0-9a-f]{12}\.json$/);
    assert.equal((await stat(join(harness.cacheDir, names[0]))).mode & 0o777, 0o600);
    assert.equal((await stat(harness.cacheDir)).mode & 0o777, 0o700);
    const logLine = harness.auditLines.find((line) =>
      line.includes('(getNewSalesforceContainerPooling) from '),
    );
    assert.ok(logLine?.endsWith(join(harness.cacheDir, names[0])));
  });

  it('replaces a garbage cache file with one warning', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-G', instanceUrl: 'https://shared.my.salesforce.com' }),
    );
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('shared.my.salesforce.com', 'SECRET-SHARED'),
    );
    const path = harness.store.locationOf(computeCacheKey(config));
    const garbage = 'GARBAGE-CONTENT{"accessToken":"TOK';
    await mkdir(harness.cacheDir, { recursive: true, mode: 0o700 });
    await writeFile(path, garbage.padEnd(37, '#'), { mode: 0o600 });
    const warningsBefore = harness.env.logger.lines.filter((line) => line.level === 'warn').length;
    const result = await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    const warnings = harness.env.logger.lines
      .filter((line) => line.level === 'warn')
      .slice(warningsBefore);
    assert.equal(result.status, 'success');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message, /unreadable/);
    assert.doesNotMatch(harness.allOutput(), /GARBAGE-CONTENT/);
    assert.equal(emulator.count('token'), 1);
    const content = JSON.parse(await readFile(path, 'utf8')) as {
      session: { accessToken: string };
    };
    assert.equal(content.session.accessToken, 'TOKEN-G');
    assert.deepEqual(await readdir(harness.cacheDir), [path.slice(harness.cacheDir.length + 1)]);
  });

  it('separates orgs and flows in the cache key', async () => {
    const base = await harness.config(clientCredentials('one.my.salesforce.com', 'S'), 'token');
    const otherOrg = await harness.config(
      clientCredentials('two.my.salesforce.com', 'S', { ConsumerKey: 'CK-ONE' }),
      'token',
    );
    const otherFlow = await harness.config(
      clientCredentials('one.my.salesforce.com', 'S', {
        OAuth2Flow: 'Username-Password',
        SforceUsername: 'user@example.invalid',
        pwdSforceLoginPassword: 'PW-CACHE-KEY',
      }),
      'token',
    );

    const keys = [base, otherOrg, otherFlow].map((config) => computeCacheKey(config));
    assert.equal(new Set(keys.map((key) => key.hash)).size, 3);
    assert.match(keys[2].name, /^UP_[0-9a-f]{12}$/);
    assert.doesNotMatch(keys.map((key) => key.name).join(' '), /PW-CACHE-KEY|CK-ONE/);
  });
});
