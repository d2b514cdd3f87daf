import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  ConnectProxy,
  htmlPage,
  invalidSessionRest,
  tokenError,
  tokenSuccess,
} from '../../../src/emulator';
import type { ChannelEngine } from '../../../src/engine/channel-engine';
import { createHttpClient } from '../../../src/engine/http';
import { createHttpTransport } from '../../../src/engine/salesforce/transport';
import type { EngineHarness } from './engine-harness';
import {
  FakeTiming,
  ONE_RECORD,
  clientCredentials,
  rejectionOf,
  startHarness,
} from './engine-harness';

const CANARIES = [
  'CANARY-SECRET-DUMP',
  'CANARY-PW-DUMP',
  'CANARY-PWX-DUMP',
  'CANARY-TOKEN-DUMP',
  'CANARY-PROXY-PASSWORD',
];
const HOST = 'dump.my.salesforce.com';

/** Returns the canaries that occur in the text. */
function leakedCanaries(text: string): string[] {
  return CANARIES.filter(
    (canary) => text.includes(canary) || text.includes(canary.slice(0, 10) + canary.slice(11)),
  );
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('secrets in output', () => {
  let harness: EngineHarness;
  let proxy: ConnectProxy;
  let engine: ChannelEngine;
  const errors: string[] = [];

  before(async () => {
    harness = await startHarness({ timing: new FakeTiming() });
    proxy = await ConnectProxy.start({
      hostMap: harness.env.emulator.hostMap(),
      credentials: { username: 'proxyuser', password: 'CANARY-PROXY-PASSWORD' },
    });
    const client = await createHttpClient({
      env: { HTTPS_PROXY: `http://proxyuser:CANARY-PROXY-PASSWORD@127.0.0.1:${proxy.port}` },
      extraCaFile: harness.env.caFile,
      loopbackHosts: harness.env.emulator.hostMap(),
      logger: harness.env.logger,
      redactor: harness.redactor,
    });
    engine = harness.newEngine({ transport: createHttpTransport(client) });
  });

  after(async () => {
    await proxy.close();
    await harness.close();
  });

  function dumpParameters(extra: Record<string, string> = {}) {
    return {
      ...clientCredentials(HOST, 'CANARY-SECRET-DUMP', {
        OAuth2Flow: 'Username-Password',
        SforceUsername: 'integration.user@example.invalid',
        pwdSforceLoginPassword: 'CANARY-PW-DUMP',
      }),
      pwdExtraSetting: 'CANARY-PWX-DUMP',
      SforceShowSAPChannelParameters: 'X',
      SforceRequestPayload: 'X',
      ...extra,
    };
  }

  it('masks every secret of a successful send', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'CANARY-TOKEN-DUMP', instanceUrl: `https://${HOST}` }),
    );
    harness.answerBudget(0);
    const config = await harness.config(dumpParameters());
    const result = await engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    assert.equal(result.status, 'success');
    assert.ok(proxy.connects().some((record) => record.target === `${HOST}:443`));
    const dump =
      harness.auditLines.find((line) => line.includes('SAP-PO channel parameters:')) ?? '';
    for (const name of [
      'OAuth2Flow',
      'ConsumerKey',
      'ConsumerSecret',
      'SforceUsername',
      'pwdSforceLoginPassword',
      'pwdExtraSetting',
    ]) {
      assert.match(dump, new RegExp(`\\n  ${name}: `), `${name} in the dump`);
    }
    assert.match(dump, /\n {2}ConsumerSecret: \*{8}\n/);
    assert.match(dump, /\n {2}pwdExtraSetting: \*{8}/);
    assert.match(dump, /\n {2}ConsumerKey: CK-DUMP\n/);
    assert.equal(emulator.requests('integrate')[0].bearer, 'CANARY-TOKEN-DUMP');
  });

  it('shows a fingerprint for a cached session', async () => {
    harness.auditLines.length = 0;
    const config = await harness.config(dumpParameters());
    await engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    const line =
      harness.auditLines.find((candidate) => candidate.includes('Session Id from Cache')) ?? '';
    assert.match(line, /Session Id from Cache [0-9a-f]{8}$/);
  });

  it('masks secrets that Salesforce echoes', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenError('invalid_client', 'secret CANARY-SECRET-DUMP for CANARY-PW-DUMP rejected'),
    );
    const config = await harness.config(
      dumpParameters({ SforceUsername: 'other.user@example.invalid' }),
    );
    const error = await rejectionOf(engine.fetchToken(config, harness.runOptions()));
    errors.push(error.message, String(error.stack));

    assert.match(error.message, /invalid_client - secret \*{8} for \*{8} rejected/);
  });

  it('masks secrets in an HTML answer', async () => {
    const { emulator } = harness.env;
    emulator.script('token', htmlPage(500, '<html>CANARY-TOKEN-DUMP CANARY-PWX-DUMP</html>'));
    const config = await harness.config(
      dumpParameters({ SforceUsername: 'third.user@example.invalid' }),
    );
    const error = await rejectionOf(engine.fetchToken(config, harness.runOptions()));
    errors.push(error.message, String(error.stack));

    assert.equal(error.code, 'AUTH_NON_JSON_RESPONSE');
  });

  it('masks secrets after a failed renewal', async () => {
    const { emulator } = harness.env;
    emulator.script('integrate', {
      ...invalidSessionRest('Session CANARY-TOKEN-DUMP expired'),
      times: 2,
    });
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'CANARY-TOKEN-DUMP', instanceUrl: `https://${HOST}` }),
    );
    const config = await harness.config(dumpParameters());
    const error = await rejectionOf(
      engine.sendTestMessage(config, ONE_RECORD, harness.runOptions()),
    );
    errors.push(error.message, String(error.stack));

    assert.equal(error.code, 'SESSION_INVALID_AFTER_RENEWAL');
  });

  it('masks the password of an unreachable proxy', async () => {
    const port = await closedPort();
    const client = await createHttpClient({
      env: { HTTPS_PROXY: `http://proxyuser:CANARY-PROXY-PASSWORD@127.0.0.1:${port}` },
      extraCaFile: harness.env.caFile,
      loopbackHosts: harness.env.emulator.hostMap(),
      logger: harness.env.logger,
      redactor: harness.redactor,
    });
    const offline = harness.newEngine({ transport: createHttpTransport(client) });
    const config = await harness.config(
      dumpParameters({ SforceUsername: 'proxy.user@example.invalid' }),
      'token',
    );
    const error = await rejectionOf(offline.fetchToken(config, harness.runOptions()));
    errors.push(error.message, String(error.stack));
    await client.close();

    assert.match(error.message, /proxy at http:\/\/proxyuser:\*{8}@127\.0\.0\.1/);
  });

  it('connects directly for NO_PROXY hosts', async () => {
    const { emulator } = harness.env;
    const client = await createHttpClient({
      env: {
        HTTPS_PROXY: `http://proxyuser:CANARY-PROXY-PASSWORD@127.0.0.1:${proxy.port}`,
        NO_PROXY: 'org-direct.my.salesforce.com',
      },
      extraCaFile: harness.env.caFile,
      loopbackHosts: emulator.hostMap(),
      logger: harness.env.logger,
      redactor: harness.redactor,
    });
    const direct = harness.newEngine({ transport: createHttpTransport(client) });
    emulator.script(
      'token',
      tokenSuccess({
        accessToken: 'TOKEN-DIRECT',
        instanceUrl: 'https://org-direct.my.salesforce.com',
      }),
    );
    const connectsBefore = proxy.connects().length;
    const config = await harness.config(
      clientCredentials('org-direct.my.salesforce.com', 'SECRET-DIRECT'),
      'token',
    );
    await direct.fetchToken(config, harness.runOptions());
    await client.close();

    assert.equal(emulator.requests('token').at(-1)?.host, 'org-direct.my.salesforce.com');
    assert.equal(proxy.connects().length, connectsBefore);
  });

  it('leaks no canary anywhere', async () => {
    const cacheFiles = await readdir(harness.cacheDir);
    const everything = [harness.allOutput(), ...errors, ...cacheFiles].join('\n');

    assert.deepEqual(leakedCanaries(everything), []);
    assert.ok(harness.env.logger.lines.some((line) => line.level === 'trace'));
    for (const name of cacheFiles) {
      assert.equal((await stat(join(harness.cacheDir, name))).mode & 0o777, 0o600);
    }
  });
});
