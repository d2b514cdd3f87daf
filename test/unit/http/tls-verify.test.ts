import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createHttpClient, isNetworkError } from '../../../src/engine/http';
import { ConnectProxy } from '../../../src/emulator';
import type { EmulatorWithClient } from '../../support/emulator-client';
import { startEmulatorWithClient } from '../../support/emulator-client';

const HOST = 'hc-tls.my.salesforce.com';
const TOKEN_URL = `https://${HOST}/services/oauth2/token`;

describe('TLS verification with a private CA', () => {
  let env: EmulatorWithClient;
  let proxy: ConnectProxy;

  before(async () => {
    env = await startEmulatorWithClient({ emulator: { caName: 'HC-Test-Root' } });
    proxy = await ConnectProxy.start({ hostMap: env.emulator.hostMap() });
  });

  after(async () => {
    await proxy.close();
    await env.close();
  });

  it('fails with NET_TLS_VERIFY when the CA is missing', async () => {
    env.emulator.reset();
    const client = await createHttpClient({ env: {}, loopbackHosts: env.emulator.hostMap() });

    try {
      await assert.rejects(client.request({ method: 'POST', url: TOKEN_URL }), (error: unknown) => {
        assert.ok(isNetworkError(error, 'NET_TLS_VERIFY'));
        assert.match(error.message, /self-signed certificate in certificate chain/);
        assert.match(error.message, /NODE_EXTRA_CA_CERTS/);
        assert.match(error.message, /hc-tls\.my\.salesforce\.com/);
        assert.doesNotMatch(error.message, /REJECT_UNAUTHORIZED|rejectUnauthorized|disable/i);
        return true;
      });
    } finally {
      await client.close();
    }
    assert.equal(env.emulator.count(), 0);
  });

  it('trusts the CA from NODE_EXTRA_CA_CERTS', async () => {
    env.emulator.reset();
    const client = await createHttpClient({
      env: { NODE_EXTRA_CA_CERTS: env.caFile },
      loopbackHosts: env.emulator.hostMap(),
    });

    try {
      const response = await client.request({ method: 'POST', url: TOKEN_URL });
      assert.equal(response.status, 400);
    } finally {
      await client.close();
    }
    assert.equal(env.emulator.count('token'), 1);
  });

  it('trusts the CA from NODE_EXTRA_CA_CERTS through the proxy', async () => {
    env.emulator.reset();
    proxy.clearRecords();
    const client = await createHttpClient({
      env: { NODE_EXTRA_CA_CERTS: env.caFile, HTTPS_PROXY: proxy.url() },
    });

    try {
      const response = await client.request({ method: 'POST', url: TOKEN_URL });
      assert.equal(response.status, 400);
    } finally {
      await client.close();
    }
    assert.equal(env.emulator.count('token'), 1);
    assert.deepEqual(
      proxy.connects().map((record) => record.target),
      [`${HOST}:443`],
    );
  });

  it('fails with NET_TLS_VERIFY through the proxy when the CA is missing', async () => {
    const client = await createHttpClient({ env: { HTTPS_PROXY: proxy.url() } });

    try {
      await assert.rejects(client.request({ method: 'POST', url: TOKEN_URL }), (error: unknown) =>
        isNetworkError(error, 'NET_TLS_VERIFY'),
      );
    } finally {
      await client.close();
    }
  });

  it('rejects a CA file without certificates', async () => {
    const path = join(env.folder, 'empty.pem');
    await writeFile(path, 'not a certificate\n');

    await assert.rejects(
      createHttpClient({ env: { NODE_EXTRA_CA_CERTS: path } }),
      (error: unknown) =>
        isNetworkError(error, 'NET_CA_FILE_INVALID') &&
        error.message.includes('NODE_EXTRA_CA_CERTS'),
    );
  });

  it('rejects a missing CA file', async () => {
    await assert.rejects(
      createHttpClient({ env: {}, extraCaFile: join(env.folder, 'missing.pem') }),
      (error: unknown) =>
        isNetworkError(error, 'NET_CA_FILE_INVALID') && /ENOENT/.test(error.message),
    );
  });

  it('rejects a certificate for another host name', async () => {
    const client = await createHttpClient({
      env: { NODE_EXTRA_CA_CERTS: env.caFile },
      loopbackHosts: () => ({ address: '127.0.0.1', port: env.emulator.port }),
    });

    try {
      await assert.rejects(
        client.request({ method: 'GET', url: 'https://not-covered.example.org/' }),
        (error: unknown) =>
          isNetworkError(error, 'NET_TLS_VERIFY') && /host name/.test(error.message),
      );
    } finally {
      await client.close();
    }
  });
});
