import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { createHttpClient, isNetworkError } from '../../../src/engine/http';
import type { HttpClient } from '../../../src/engine/http';
import { MASK, Redactor } from '../../../src/engine/redact';
import { ConnectProxy } from '../../../src/emulator';
import { createCapturingLogger } from '../../support/capturing-logger';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

const PROXY_PASSWORD = 'CANARY-PROXY-PASSWORD';
const HOST = 'hc-proxy.my.salesforce.com';

describe('proxy from the environment', () => {
  let env: EmulatorWithClient;
  let proxy: ConnectProxy;

  before(async () => {
    env = await startEmulatorWithClient();
    proxy = await ConnectProxy.start({
      hostMap: env.emulator.hostMap(),
      credentials: { username: 'proxyuser', password: PROXY_PASSWORD },
    });
  });

  after(async () => {
    await proxy.close();
    await env.close();
  });

  async function clientWith(environment: Record<string, string>): Promise<HttpClient> {
    // No host map: through the proxy, only the proxy maps host names to the emulator.
    return createHttpClient({ env: { ...environment, NODE_EXTRA_CA_CERTS: env.caFile } });
  }

  function tokenRequest() {
    return {
      method: 'POST',
      url: `https://${HOST}/services/oauth2/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=x&client_secret=y',
    };
  }

  it('tunnels through HTTPS_PROXY with basic auth', async () => {
    proxy.clearRecords();
    env.emulator.reset();
    const client = await clientWith({ HTTPS_PROXY: proxy.url() });

    try {
      const response = await client.request(tokenRequest());
      assert.equal(response.status, 400);
    } finally {
      await client.close();
    }
    assert.deepEqual(
      proxy.connects().map((record) => [record.target, record.outcome, record.hadCredentials]),
      [[`${HOST}:443`, 'tunnel', true]],
    );
    assert.equal(env.emulator.requests('token')[0]?.host, HOST);
  });

  it('reads the lower-case https_proxy too', async () => {
    proxy.clearRecords();
    const client = await clientWith({ https_proxy: proxy.url() });

    try {
      await client.request(tokenRequest());
    } finally {
      await client.close();
    }
    assert.equal(proxy.connects().length, 1);
  });

  it('bypasses the proxy for NO_PROXY hosts', async () => {
    proxy.clearRecords();
    env.emulator.reset();
    const client = await createHttpClient({
      env: { HTTPS_PROXY: proxy.url(), NO_PROXY: HOST, NODE_EXTRA_CA_CERTS: env.caFile },
      loopbackHosts: env.emulator.hostMap(),
    });

    try {
      const response = await client.request(tokenRequest());
      assert.equal(response.status, 400);
    } finally {
      await client.close();
    }
    assert.equal(proxy.connects().length, 0);
    assert.equal(env.emulator.count('token'), 1);
  });

  it('lets an explicit proxy URL win over the environment', async () => {
    proxy.clearRecords();
    const client = await createHttpClient({
      env: { HTTPS_PROXY: 'http://127.0.0.1:9', NODE_EXTRA_CA_CERTS: env.caFile },
      proxyUrl: proxy.url(),
    });

    try {
      await client.request(tokenRequest());
    } finally {
      await client.close();
    }
    assert.equal(proxy.connects().length, 1);
  });

  it('rejects wrong proxy credentials with NET_PROXY_AUTH_REQUIRED', async () => {
    const client = await clientWith({ HTTPS_PROXY: proxy.url(false) });

    try {
      await assert.rejects(client.request(tokenRequest()), (error: unknown) => {
        assert.ok(isNetworkError(error, 'NET_PROXY_AUTH_REQUIRED'));
        assert.match(error.message, /HTTP 407/);
        assert.match(error.message, /hc-proxy\.my\.salesforce\.com:443/);
        return true;
      });
    } finally {
      await client.close();
    }
  });

  it('refuses hosts the proxy does not map with NET_PROXY_REJECTED', async () => {
    const client = await clientWith({ HTTPS_PROXY: proxy.url() });

    try {
      await assert.rejects(
        client.request({ method: 'GET', url: 'https://unmapped.example.invalid/' }),
        (error: unknown) =>
          isNetworkError(error, 'NET_PROXY_REJECTED') && /HTTP 403/.test(error.message),
      );
    } finally {
      await client.close();
    }
  });
});

describe('unreachable proxy', () => {
  let closedPort: number;

  before(async () => {
    // Reserve a port, then close it, so that connecting to it is refused.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    closedPort = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('names the masked proxy URL, never the password', async () => {
    const logger = createCapturingLogger();
    const redactor = new Redactor();
    const proxyUrl = `http://proxyuser:${PROXY_PASSWORD}@127.0.0.1:${closedPort}`;
    const client = await createHttpClient({ env: { HTTPS_PROXY: proxyUrl }, logger, redactor });

    let caught: unknown;
    try {
      await client.request({ method: 'GET', url: `https://${HOST}/services/oauth2/token` });
    } catch (error) {
      caught = error;
    } finally {
      await client.close();
    }

    assert.ok(isNetworkError(caught, 'NET_PROXY_UNREACHABLE'));
    const expectedUrl = `http://proxyuser:${MASK}@127.0.0.1:${closedPort}`;
    assert.ok(caught.message.includes(`The proxy at ${expectedUrl} could not be reached`));
    assert.match(caught.message, /ECONNREFUSED/);
    assert.doesNotMatch(caught.message, /fetch failed/);
    const everything = [caught.message, caught.stack, String(caught.cause), logger.text()].join(
      '\n',
    );
    assert.equal(everything.includes(PROXY_PASSWORD), false);
    assert.equal(redactor.redact(`x ${PROXY_PASSWORD} y`), `x ${MASK} y`);
  });
});
