import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isGenericLoginHost,
  isLightningHost,
  isLoopbackHost,
  isSalesforceHost,
} from '../../src/engine/hosts';

test('Salesforce domains and subdomains', () => {
  for (const host of [
    'salesforce.com',
    'acme.my.salesforce.com',
    'ACME.My.Salesforce.COM',
    'x.force.com',
    'a.site.com',
    'b.salesforce.mil',
    'acme.my.salesforce.com.',
  ]) {
    assert.equal(isSalesforceHost(host), true, host);
  }
});

test('look-alike domains are foreign', () => {
  for (const host of [
    'salesforce.com.evil.test',
    'evilsalesforce.com',
    'hc16.my.salesfroce.com',
    'force.co',
  ]) {
    assert.equal(isSalesforceHost(host), false, host);
  }
});

test('loopback hosts', () => {
  for (const host of [
    'localhost',
    'LOCALHOST',
    '127.0.0.1',
    '127.1.2.3',
    '[::1]',
    '::1',
    'a.localhost',
  ]) {
    assert.equal(isLoopbackHost(host), true, host);
  }
  for (const host of ['128.0.0.1', '127.0.0.1.example.test', '10.0.0.1']) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test('login and Lightning hosts', () => {
  assert.equal(isGenericLoginHost('Login.Salesforce.com'), true);
  assert.equal(isGenericLoginHost('acme.my.salesforce.com'), false);
  assert.equal(isLightningHost('acme.lightning.force.com'), true);
  assert.equal(isLightningHost('acme.my.salesforce.com'), false);
});
