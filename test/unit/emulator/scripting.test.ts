import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
  htmlPage,
  invalidSessionBulk,
  invalidSessionRest,
  serverError,
  tokenError,
  tokenSuccess,
  tooManyRequests,
} from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('emulator scripting and recording', () => {
  let env: EmulatorWithClient;

  before(async () => {
    env = await startEmulatorWithClient();
  });

  beforeEach(() => {
    env.emulator.reset();
  });

  after(async () => {
    await env.close();
  });

  function postToken(grantType: string, host = 'acme.my.salesforce.com') {
    return env.client.request({
      method: 'POST',
      url: `https://${host}/services/oauth2/token`,
      headers: FORM,
      body: `grant_type=${grantType}&client_id=CK&client_secret=CANARY-SECRET`,
    });
  }

  function callApi(token: string) {
    return env.client.request({
      method: 'POST',
      url: 'https://acme.my.salesforce.com/services/apexrest/skyvvasolutions/V4/integrate?integration=I&interface=F&mode=Asynchronous&request-format=JSON',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
  }

  it('serves scripted responses in order', async () => {
    env.emulator.script(
      'token',
      tokenError('invalid_client', 'invalid client credentials'),
      tokenSuccess({ accessToken: 'TOKEN-B', instanceUrl: 'https://acme.my.salesforce.com' }),
    );

    const first = await postToken('client_credentials');
    const second = await postToken('client_credentials');
    const third = await postToken('client_credentials');

    assert.equal(first.status, 400);
    assert.equal(JSON.parse(second.body).access_token, 'TOKEN-B');
    assert.equal(third.status, 400);
    assert.match(third.body, /invalid_client_id/);
    assert.deepEqual(
      env.emulator.requests('token').map((request) => request.handledBy),
      ['script', 'script', 'default'],
    );
    assert.equal(env.emulator.pendingScripts(), 0);
  });

  it('matches by grant type and host', async () => {
    env.emulator.script(
      'token',
      { ...tokenError('invalid_grant', 'authentication failure'), when: { grantType: 'password' } },
      { ...tokenError('invalid_grant', 'other host'), when: { host: 'other.my.salesforce.com' } },
    );

    const clientCredentials = await postToken('client_credentials');
    const otherHost = await postToken('client_credentials', 'other.my.salesforce.com');
    const password = await postToken('password');

    assert.match(clientCredentials.body, /invalid_client_id/);
    assert.match(otherHost.body, /other host/);
    assert.match(password.body, /authentication failure/);
  });

  it('matches by bearer and repeats', async () => {
    env.emulator.acceptToken('TOKEN-NEW');
    env.emulator.script('integrate', {
      ...invalidSessionRest(),
      when: { bearer: 'TOKEN-OLD' },
      times: Infinity,
    });

    const old1 = await callApi('TOKEN-OLD');
    const fresh = await callApi('TOKEN-NEW');
    const old2 = await callApi('TOKEN-OLD');

    assert.equal(old1.status, 401);
    assert.equal(fresh.status, 200);
    assert.equal(old2.status, 401);
    assert.equal(env.emulator.pendingScripts('integrate'), 1);
  });

  it('accepts tokens from scripted responses', async () => {
    env.emulator.script(
      'token',
      tokenSuccess({
        accessToken: 'TOKEN-SCRIPTED',
        instanceUrl: 'https://acme.my.salesforce.com',
      }),
    );
    await postToken('client_credentials');

    assert.equal((await callApi('TOKEN-SCRIPTED')).status, 200);
  });

  it('sends the session error shapes', async () => {
    env.emulator.script('integrate', invalidSessionRest('Illegal Session'), invalidSessionBulk());

    const rest = await callApi('x');
    const bulk = await callApi('x');

    assert.equal(rest.status, 401);
    assert.deepEqual(JSON.parse(rest.body), [
      { message: 'Illegal Session', errorCode: 'INVALID_SESSION_ID' },
    ]);
    assert.equal(bulk.status, 400);
    assert.deepEqual(JSON.parse(bulk.body), {
      exceptionCode: 'InvalidSessionId',
      exceptionMessage: 'Invalid session id',
    });
  });

  it('sends 429 with Retry-After and HTML errors', async () => {
    env.emulator.script(
      'integrate',
      tooManyRequests(7),
      serverError(503),
      htmlPage(200, '<p>x</p>'),
    );

    const limited = await callApi('x');
    const unavailable = await callApi('x');
    const html = await callApi('x');

    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '7');
    assert.equal(unavailable.status, 503);
    assert.match(unavailable.contentType, /^text\/html/);
    assert.equal(html.body, '<p>x</p>');
  });

  it('applies a scripted delay', async () => {
    env.emulator.script('integrate', { status: 204, delayMs: 150 });
    const started = Date.now();

    const response = await callApi('x');

    assert.equal(response.status, 204);
    assert.ok(Date.now() - started >= 140);
  });

  it('records method, host, path, query, headers and form', async () => {
    await postToken('client_credentials');
    await callApi('TOKEN-REC');

    const [token] = env.emulator.requests('token');
    assert.equal(token.method, 'POST');
    assert.equal(token.host, 'acme.my.salesforce.com');
    assert.equal(token.path, '/services/oauth2/token');
    assert.equal(token.rawQuery, '');
    assert.equal(token.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(token.form?.client_secret, 'CANARY-SECRET');
    assert.match(token.body, /grant_type=client_credentials/);
    assert.ok(token.time > 0);

    const [api] = env.emulator.requests('integrate');
    assert.equal(api.bearer, 'TOKEN-REC');
    assert.equal(api.query.interface, 'F');
    assert.deepEqual(env.emulator.counts(), {
      token: 1,
      revoke: 0,
      integrate: 1,
      query: 0,
      other: 0,
    });
    assert.equal(env.emulator.count(), 2);
  });
});
