import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint, MASK, Redactor } from '../../src/engine/redact';

test('registered secret is masked', () => {
  const redactor = new Redactor();
  redactor.addSecret('CANARY-SECRET');
  const text = redactor.redact('a CANARY-SECRET b CANARY%2DSECRET c');
  assert.equal(text, `a ${MASK} b CANARY%2DSECRET c`);
});

test('URL-encoded secret is masked', () => {
  const redactor = new Redactor();
  redactor.addSecret('pa ss+word');
  assert.equal(redactor.redact('password%3D pa%20ss%2Bword'), `password%3D ${MASK}`);
});

test('mask does not reveal length', () => {
  const redactor = new Redactor();
  redactor.addSecret('abcd');
  redactor.addSecret('a-much-longer-secret');
  assert.equal(redactor.redact('abcd'), redactor.redact('a-much-longer-secret'));
});

test('secret keys are masked by name', () => {
  const redactor = new Redactor();
  const cases: [string, string][] = [
    [
      '{"access_token":"00D!AQ0abc","instance_url":"x"}',
      `{"access_token":"${MASK}","instance_url":"x"}`,
    ],
    ['Authorization: Bearer 00D!AQ0abc', `Authorization: ${MASK}`],
    ['client_secret=s3cr3t&grant_type=x', `client_secret=${MASK}&grant_type=x`],
    ['http://user:pw@127.0.0.1:3128', `http://user:${MASK}@127.0.0.1:3128`],
    [
      'GET https://acme.my.salesforce.com/x?q=secret',
      `GET https://acme.my.salesforce.com/x?${MASK}`,
    ],
    ['"signature": "SIG"', `"signature": "${MASK}"`],
    ['sessionId=abc', `sessionId=${MASK}`],
  ];
  for (const [input, expected] of cases) {
    assert.equal(redactor.redact(input), expected, input);
  }
});

test('session error text stays readable', () => {
  const text = 'INVALID_SESSION_ID: This session is not valid for use with the REST API';
  assert.equal(new Redactor().redact(text), text);
});

test('short values are not searched', () => {
  const redactor = new Redactor();
  redactor.addSecret('X');
  assert.equal(redactor.redact('X marks'), 'X marks');
});

test('fingerprint is short and stable', () => {
  assert.equal(fingerprint('token-a'), fingerprint('token-a'));
  assert.notEqual(fingerprint('token-a'), fingerprint('token-b'));
  assert.match(fingerprint('token-a'), /^[0-9a-f]{8}$/);
});
