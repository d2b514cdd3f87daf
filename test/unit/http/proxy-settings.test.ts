import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isNetworkError } from '../../../src/engine/http';
import {
  isBypassed,
  resolveProxySettings,
  selectProxy,
} from '../../../src/engine/http/proxy-settings';

describe('proxy settings', () => {
  it('uses HTTPS_PROXY for https targets', () => {
    const settings = resolveProxySettings({ HTTPS_PROXY: 'http://127.0.0.1:3128' });
    const proxy = selectProxy(settings, new URL('https://acme.my.salesforce.com/'));
    assert.equal(proxy?.host, '127.0.0.1:3128');
  });

  it('falls back to HTTP_PROXY for https targets', () => {
    const settings = resolveProxySettings({ HTTP_PROXY: 'http://127.0.0.1:3128' });
    assert.equal(selectProxy(settings, new URL('https://a.example/'))?.port, '3128');
  });

  it('prefers lower-case variables', () => {
    const settings = resolveProxySettings({
      HTTPS_PROXY: 'http://127.0.0.1:1111',
      https_proxy: 'http://127.0.0.1:2222',
    });
    assert.equal(settings.httpsProxy?.port, '2222');
  });

  it('assumes http:// for a value without scheme', () => {
    const settings = resolveProxySettings({ HTTPS_PROXY: '127.0.0.1:3128' });
    assert.equal(settings.httpsProxy?.protocol, 'http:');
  });

  it('rejects an unsupported scheme without echoing the value', () => {
    assert.throws(
      () => resolveProxySettings({ HTTPS_PROXY: 'ftp://user:CANARY-SECRET@127.0.0.1:21' }),
      (error: unknown) =>
        isNetworkError(error, 'NET_INVALID_PROXY_URL') && !error.message.includes('CANARY'),
    );
  });

  for (const value of [
    'ht!tp://u:CANARY-PW@[::1',
    'http://bad host:3128',
    'http://ex!ample:3128',
  ]) {
    it(`rejects the malformed proxy ${value.slice(0, 12)}`, () => {
      assert.throws(
        () => resolveProxySettings({ HTTPS_PROXY: value }),
        (error: unknown) =>
          isNetworkError(error, 'NET_INVALID_PROXY_URL') && !error.message.includes('CANARY'),
      );
    });
  }

  it('accepts an IPv6 proxy address', () => {
    const settings = resolveProxySettings({ HTTPS_PROXY: 'http://[::1]:3128' });
    assert.equal(settings.httpsProxy?.hostname, '[::1]');
  });

  it('ignores process.env when the given environment is empty', () => {
    const settings = resolveProxySettings({});
    assert.equal(settings.httpsProxy, undefined);
    assert.equal(settings.httpProxy, undefined);
  });

  const bypassCases: [string, string, boolean][] = [
    ['acme.my.salesforce.com', 'https://acme.my.salesforce.com/', true],
    ['.salesforce.com', 'https://acme.my.salesforce.com/', true],
    ['*.salesforce.com', 'https://acme.my.salesforce.com/', true],
    ['salesforce.com', 'https://acme.my.salesforce.com/', true],
    ['force.com', 'https://acme.my.salesforce.com/', false],
    ['acme.my.salesforce.com:443', 'https://acme.my.salesforce.com/', true],
    ['acme.my.salesforce.com:8443', 'https://acme.my.salesforce.com/', false],
    ['*', 'https://anything.example/', true],
    ['127.0.0.1', 'http://127.0.0.1:8080/', true],
    ['', 'https://acme.my.salesforce.com/', false],
  ];
  for (const [entry, target, expected] of bypassCases) {
    it(`NO_PROXY '${entry}' ${expected ? 'bypasses' : 'keeps'} ${target}`, () => {
      const settings = resolveProxySettings({ NO_PROXY: entry });
      assert.equal(isBypassed(settings.noProxy, new URL(target)), expected);
    });
  }
});
