import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, afterEach, before, describe, it } from 'node:test';

import { htmlPage, hugeBody, redirect, tokenError, tokenSuccess } from '../../../src/emulator';
import { BUSY_RETRY_DELAYS_MS } from '../../../src/engine/auth/token-client';
import type { EngineHarness } from './engine-harness';
import { createHttpClient } from '../../../src/engine/http';
import { createHttpTransport } from '../../../src/engine/salesforce/transport';
import {
  FakeTiming,
  ONE_RECORD,
  channelText,
  clientCredentials,
  configFromBytes,
  rejectionOf,
  startHarness,
} from './engine-harness';

describe('token request', () => {
  let harness: EngineHarness;
  const timing = new FakeTiming();

  before(async () => {
    harness = await startHarness({
      extraHostNames: ['parked.my.salesfroce.com', 'allowed.example.test'],
      allowHosts: ['allowed.example.test'],
      timing,
    });
  });

  afterEach(() => harness.reset());

  after(async () => {
    await harness.close();
  });

  it('hints at My Domain for the generic login host', async () => {
    const { emulator } = harness.env;
    const config = await harness.config(
      clientCredentials('test.salesforce.com', 'CANARY-SECRET-LOGIN'),
      'token',
    );
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.equal(error.code, 'AUTH_TOKEN_REJECTED');
    assert.match(
      error.message,
      /^Salesforce OAuth2 Client-Credentials error: invalid_grant - request not supported on this domain/,
    );
    assert.match(error.message, /my\.salesforce\.com\/services\/oauth2\/token/);
    assert.equal(emulator.count('token'), 1);
    assert.equal(emulator.count('integrate'), 0);
    assert.deepEqual(await readdir(harness.cacheDir).catch(() => []), []);
    assert.doesNotMatch(harness.allOutput() + error.message, /CANARY/);
  });

  it('sends the grant of the flow, not of the fields', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-GRANT', instanceUrl: 'https://grant.my.salesforce.com' }),
    );
    harness.answerBudget(0);
    const config = await harness.config(
      clientCredentials('grant.my.salesforce.com', 'CANARY-SECRET-GRANT', {
        SforceUsername: 'integration.user@example.invalid',
        pwdSforceLoginPassword: 'CANARY-PW-GRANT',
      }),
    );
    const result = await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    const [request] = emulator.requests('token');
    assert.equal(request.method, 'POST');
    assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(request.rawQuery, '');
    assert.deepEqual(Object.keys(request.form ?? {}).sort(), [
      'client_id',
      'client_secret',
      'grant_type',
    ]);
    assert.equal(request.form?.grant_type, 'client_credentials');
    assert.equal(request.form?.client_id, 'CK-GRANT');
    assert.equal(result.status, 'success');
    const ignoredLines = harness.auditLines.filter((line) =>
      line.includes('SforceUsername and pwdSforceLoginPassword are ignored'),
    );
    assert.equal(ignoredLines.length, 1);
    assert.doesNotMatch(harness.allOutput(), /CANARY/);
  });

  it('uses the password grant by default', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({
        accessToken: 'TOKEN-GRANT-UP',
        instanceUrl: 'https://grant.my.salesforce.com',
      }),
    );
    const config = await harness.config(
      clientCredentials('grant.my.salesforce.com', 'CANARY-SECRET-GRANT', {
        OAuth2Flow: undefined,
        SforceUsername: 'integration.user@example.invalid',
        pwdSforceLoginPassword: 'CANARY-PW-GRANT',
      }),
      'token',
    );
    await harness.engine.fetchToken(config, harness.runOptions());

    const [request] = emulator.requests('token');
    assert.equal(request.form?.grant_type, 'password');
    assert.equal(request.form?.username, 'integration.user@example.invalid');
    assert.equal(request.form?.password, 'CANARY-PW-GRANT');
    assert.equal(
      harness.auditLines.some((line) => line.includes('are ignored')),
      false,
    );
    assert.doesNotMatch(harness.allOutput(), /CANARY/);
  });

  it('makes no request for blank parameters', async () => {
    const error = await rejectionOf(
      harness.config(
        clientCredentials('legacy.my.salesforce.com', '', { AuthorizationServerURL: '   ' }),
        'token',
      ),
    );

    assert.equal(error.code, 'CONFIG_MISSING_PARAMETERS');
    assert.equal(harness.env.emulator.count(), 0);
  });

  it('logs one deprecation line for ConsumeKey', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({
        accessToken: 'TOKEN-LEGACY',
        instanceUrl: 'https://legacy.my.salesforce.com',
      }),
    );
    const config = await harness.config(
      clientCredentials('legacy.my.salesforce.com', 'SECRET-LEGACY', {
        ConsumerKey: undefined,
        ConsumeKey: 'CK-LEGACY',
      }),
      'token',
    );
    await harness.engine.fetchToken(config, harness.runOptions());

    const deprecations = harness.auditLines.filter((line) =>
      line.endsWith('ConsumeKey is deprecated; rename it to ConsumerKey'),
    );
    assert.equal(deprecations.length, 1);
    assert.equal(emulator.requests('token')[0].form?.client_id, 'CK-LEGACY');
  });

  it('hints at whitespace after the secret', async () => {
    const { emulator } = harness.env;
    emulator.script('token', tokenError('invalid_client', 'invalid client credentials'));
    const config = await harness.config(
      clientCredentials('space.my.salesforce.com', 'CANARY-SECRET-SPACE '),
      'token',
    );
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.equal(emulator.count('token'), 1);
    assert.match(error.message, /invalid_client - invalid client credentials/);
    assert.match(error.message, /ConsumerSecret ends with 1 whitespace character/);
    assert.doesNotMatch(harness.allOutput() + error.message, /CANARY/);
  });

  it('names the login rate limit without retrying', async () => {
    const { emulator } = harness.env;
    emulator.script('token', tokenError('invalid_grant', 'login rate exceeded'));
    const config = await harness.config(
      clientCredentials('pooling.my.salesforce.com', 'SECRET-POOLING'),
    );
    const error = await rejectionOf(
      harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions()),
    );

    assert.equal(emulator.count('token'), 1);
    assert.equal(emulator.count('integrate'), 0);
    assert.match(error.message, /login rate exceeded/);
    assert.match(error.message, /rate limit/);
  });

  it('hints that Username-Password may be blocked', async () => {
    const { emulator } = harness.env;
    emulator.script('token', tokenError('invalid_grant', 'authentication failure'));
    const config = await harness.config(
      clientCredentials('org-up.my.salesforce.com', 'SECRET-UP', {
        OAuth2Flow: 'Username-Password',
        SforceUsername: 'user@example.invalid',
        pwdSforceLoginPassword: 'PASSWORD-UP',
      }),
      'token',
    );
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.match(
      error.message,
      /^Salesforce OAuth2 Username-Password error: invalid_grant - authentication failure/,
    );
    assert.match(error.message, /block the Username-Password flow/);
  });

  it('reports a redirect without following it', async () => {
    const { emulator } = harness.env;
    emulator.script('token', redirect('https://redirect.my.salesforce.com/services/oauth2/token'));
    const config = await harness.config(
      clientCredentials('redirect.lightning.force.com', 'CANARY-SECRET-REDIRECT'),
      'token',
    );
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.equal(error.code, 'AUTH_REDIRECT');
    assert.match(error.message, /HTTP 302/);
    assert.match(error.message, /https:\/\/redirect\.my\.salesforce\.com\/services\/oauth2\/token/);
    assert.match(error.message, /AuthorizationServerURL/);
    assert.doesNotMatch(error.message, /Unexpected end of JSON input/);
    assert.equal(emulator.count('token'), 1);
    assert.equal(
      emulator.requests().filter((r) => r.host === 'redirect.my.salesforce.com').length,
      0,
    );
  });

  it('sends nothing to an unapproved host', async () => {
    const config = await harness.config(
      clientCredentials('parked.my.salesfroce.com', 'CANARY-SECRET-PARKED'),
      'token',
    );
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.equal(error.code, 'AUTH_HOST_NOT_ALLOWED');
    assert.match(error.message, /parked\.my\.salesfroce\.com/);
    assert.match(error.message, /--allow-host parked\.my\.salesfroce\.com/);
    assert.equal(harness.env.emulator.count(), 0);
  });

  it('reports an HTML answer without a parser error', async () => {
    const { emulator } = harness.env;
    const engine = harness.newEngine({
      approveHost: (host) => host === 'parked.my.salesfroce.com',
    });
    emulator.script('token', htmlPage(200, '<!doctype html><html><body>parked</body></html>'));
    const config = await harness.config(
      clientCredentials('parked.my.salesfroce.com', 'CANARY-SECRET-PARKED'),
      'token',
    );
    const error = await rejectionOf(engine.fetchToken(config, harness.runOptions()));

    assert.equal(error.code, 'AUTH_NON_JSON_RESPONSE');
    assert.match(error.message, /non-JSON response \(HTTP 200, text\/html/);
    assert.match(error.message, /parked/);
    assert.doesNotMatch(error.message, /Unexpected token|JSON\.parse|SyntaxError/);
    assert.equal(emulator.count('token'), 1);
    assert.equal(emulator.requests('token')[0].rawQuery, '');
  });

  it('reports a 503 page with its status', async () => {
    const { emulator } = harness.env;
    emulator.script('token', htmlPage(503, `<html>\u0007maintenance\n${'x'.repeat(400)}</html>`));
    const config = await harness.config(
      clientCredentials('maintenance.my.salesforce.com', 'SECRET-503'),
      'token',
    );
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.match(error.message, /non-JSON response \(HTTP 503, text\/html/);
    assert.equal(error.message.includes('\u0007'), false);
    assert.equal(error.message.includes('\n'), false);
    const quoted = error.message.slice(error.message.indexOf('): ') + 3);
    assert.ok(quoted.length <= 201, `quoted ${quoted.length} characters`);
  });

  it('allows a listed host outside Salesforce', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-ALLOWED', instanceUrl: 'https://allowed.example.test' }),
    );
    const config = await harness.config(
      clientCredentials('allowed.example.test', 'SECRET-ALLOWED'),
      'token',
    );
    const result = await harness.engine.fetchToken(config, harness.runOptions());

    assert.equal(result.instanceUrl, 'https://allowed.example.test');
    assert.equal(emulator.count('token'), 1);
  });

  for (const instanceUrl of ['http://hci.my.salesforce.com', 'https://attacker.example.net']) {
    it(`keeps the token from instance_url ${instanceUrl}`, async () => {
      const { emulator } = harness.env;
      emulator.script('token', tokenSuccess({ accessToken: 'CANARY-TOKEN-INSTANCE', instanceUrl }));
      const config = await harness.config(
        clientCredentials('instance.my.salesforce.com', 'SECRET-INSTANCE'),
      );
      const error = await rejectionOf(
        harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions()),
      );

      assert.equal(error.code, 'AUTH_INSTANCE_URL_REJECTED');
      assert.match(error.message, new RegExp(`instance_url ${instanceUrl.replace(/\./g, '\\.')}`));
      assert.equal(emulator.count('token'), 1);
      assert.equal(emulator.count('integrate'), 0);
      assert.equal(emulator.count('query'), 0);
      assert.deepEqual(await readdir(harness.cacheDir).catch(() => []), []);
      assert.doesNotMatch(harness.allOutput() + error.message, /CANARY/);
    });
  }

  it('reports a response without access_token', async () => {
    const { emulator } = harness.env;
    emulator.script('token', {
      status: 200,
      body: { instance_url: 'https://org-x.my.salesforce.com' },
    });
    const config = await harness.config(
      clientCredentials('org-x.my.salesforce.com', 'SECRET-X'),
      'token',
    );
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.equal(error.code, 'AUTH_MISSING_ACCESS_TOKEN');
    assert.equal(
      error.message,
      'Salesforce OAuth2 Client-Credentials response missing access_token',
    );
  });

  it('runs a file saved with a BOM', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-BOM', instanceUrl: 'https://bom.my.salesforce.com' }),
    );
    harness.answerBudget(0);
    const text = channelText(clientCredentials('bom.my.salesforce.com', 'CANARY-SECRET-BOM'));
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const config = await configFromBytes(bytes, 'send', harness.redactor);
    const result = await harness.engine.sendTestMessage(config, ONE_RECORD, harness.runOptions());

    assert.equal(result.status, 'success');
    assert.equal(emulator.count('token'), 1);
    assert.equal(emulator.requests('token')[0].form?.grant_type, 'client_credentials');
  });

  it('names certificate verification without the CA', async () => {
    const { emulator } = harness.env;
    const client = await createHttpClient({
      env: {},
      loopbackHosts: emulator.hostMap(),
      logger: harness.env.logger,
      redactor: harness.redactor,
    });
    const engine = harness.newEngine({ transport: createHttpTransport(client) });
    const config = await harness.config(
      clientCredentials('privateca.my.salesforce.com', 'CANARY-SECRET-PRIVATECA'),
      'token',
    );
    const error = await rejectionOf(engine.fetchToken(config, harness.runOptions()));
    await client.close();

    assert.equal(error.code, 'NET_TLS_VERIFY');
    assert.match(error.message, /certificate/);
    assert.match(error.message, /NODE_EXTRA_CA_CERTS/);
    assert.doesNotMatch(error.message, /NODE_TLS_REJECT_UNAUTHORIZED/);
    assert.equal(emulator.count('token'), 0);
  });

  it('reports a token response over 1 MiB', async () => {
    const { emulator } = harness.env;
    emulator.script('token', hugeBody(2 * 1024 * 1024));
    const config = await harness.config(
      clientCredentials('org-huge.my.salesforce.com', 'SECRET-HUGE'),
      'token',
    );
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.equal(error.code, 'API_RESPONSE_TOO_LARGE');
    assert.match(error.message, /more than 1 MiB/);
  });

  it('writes the module-shaped audit lines', async () => {
    const { emulator } = harness.env;
    emulator.script(
      'token',
      tokenSuccess({
        accessToken: 'TOKEN-AUDIT',
        instanceUrl: 'https://org-audit.my.salesforce.com',
      }),
    );
    const config = await harness.config(
      clientCredentials('org-audit.my.salesforce.com', 'SECRET-AUDIT', {
        SforceShowSAPChannelParameters: 'X',
      }),
      'token',
    );
    await harness.engine.fetchToken(config, harness.runOptions());
    const lines = harness.auditLines;

    assert.match(lines[0], /^SKYVVA Channel Tools 0\.1\.0 \(skyvva-channel\)/);
    assert.equal(
      lines[1],
      'skyvva-channel_v0.1.0/SKYVVA/...RestIntegrationV3.4: Begin session handling (SKYVVA version 2.3.6)',
    );
    assert.match(
      lines[2],
      /^skyvva-channel_v0\.1\.0\/SKYVVA\/DisplaySAPChannelParams\.1: \[INFO\] SAP-PO channel parameters:\n/,
    );
    assert.match(lines[2], /\n {2}OAuth2Flow: Client-Credentials\n/);
    assert.ok(
      lines.some((line) => line.endsWith(': (getNewSalesforceContainerPooling) check deadlock')),
    );
    assert.ok(
      lines.some((line) =>
        line.endsWith(
          ': (getNewSalesforceContainerPooling) Pick up new session id from Salesforce',
        ),
      ),
    );
    assert.equal(
      lines.at(-2),
      'skyvva-channel_v0.1.0/SKYVVA/...RestIntegrationV3TransLogic.2: End transformation',
    );
    assert.equal(
      lines.at(-1),
      'skyvva-channel_v0.1.0/SKYVVA/...RestIntegrationV3.13: End session handling',
    );
  });

  it('retries a busy token request three times', async () => {
    const { emulator } = harness.env;
    const busy = tokenError('invalid_grant', 'token request is already being processed');
    emulator.script('token', { ...busy, times: 4 });
    const config = await harness.config(
      clientCredentials('org-busy.my.salesforce.com', 'SECRET-BUSY'),
      'token',
    );
    const sleepsBefore = timing.sleeps.length;
    const error = await rejectionOf(harness.engine.fetchToken(config, harness.runOptions()));

    assert.equal(error.code, 'AUTH_TOKEN_BUSY');
    assert.equal(emulator.count('token'), 4);
    assert.deepEqual(timing.sleeps.slice(sleepsBefore), [...BUSY_RETRY_DELAYS_MS]);
  });

  it('shares busy retries among waiters', async () => {
    const { emulator } = harness.env;
    const busy = tokenError('invalid_grant', 'token request is already being processed');
    emulator.script(
      'token',
      { ...busy, times: 2 },
      tokenSuccess({
        accessToken: 'TOKEN-BUSY',
        instanceUrl: 'https://org-busy.my.salesforce.com',
      }),
    );
    const config = await harness.config(
      clientCredentials('org-busy.my.salesforce.com', 'SECRET-BUSY'),
      'token',
    );
    const results = await Promise.all(
      [1, 2, 3].map(() => harness.engine.fetchToken(config, harness.runOptions())),
    );

    assert.equal(emulator.count('token'), 3);
    assert.equal(new Set(results.map((result) => result.sessionFingerprint)).size, 1);
  });
});
