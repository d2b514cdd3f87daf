import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadRunConfig } from '../../../src/engine/config';
import { analyzeText } from '../../../src/engine/analyze';
import { Redactor } from '../../../src/engine/redact';
import { createCliSecretResolver } from '../../../src/engine/secrets';
import type { SecretReference } from '../../../src/engine/secrets';
import { channelText, configFromBytes, configFromText, rejectionOf } from './engine-harness';

const CC_HOST = 'cfg.my.salesforce.com';
const CC = {
  OAuth2Flow: 'Client-Credentials',
  AuthorizationServerURL: `https://${CC_HOST}/services/oauth2/token`,
  ConsumerKey: 'CK-CFG',
  ConsumerSecret: 'SECRET-CFG',
};

describe('run configuration', () => {
  it('names blank authentication parameters in catalogue order', async () => {
    const text = channelText({ ...CC, AuthorizationServerURL: '   ', ConsumerSecret: '' });
    const error = await rejectionOf(configFromText(text, 'token', new Redactor()));

    assert.equal(error.code, 'CONFIG_MISSING_PARAMETERS');
    assert.equal(
      error.message,
      'OAuth2Flow=Client-Credentials requires the following channel parameters but they are ' +
        'missing or blank: AuthorizationServerURL, ConsumerSecret',
    );
  });

  it('reads the legacy ConsumeKey name', async () => {
    const text = channelText({ ...CC, ConsumerKey: undefined, ConsumeKey: 'CK-LEGACY' });
    const config = await configFromText(text, 'token', new Redactor());

    assert.equal(config.consumerKey, 'CK-LEGACY');
    assert.equal(config.usesLegacyConsumerKey, true);
  });

  it('rejects a flow value with a trailing space', async () => {
    const text = channelText({ ...CC, OAuth2Flow: 'Client-Credentials ' });
    const error = await rejectionOf(configFromText(text, 'token', new Redactor()));

    assert.equal(error.code, 'CONFIG_UNSUPPORTED_FLOW');
    assert.equal(
      error.message,
      "Unsupported OAuth2Flow value 'Client-Credentials '. Expected 'Username-Password' or 'Client-Credentials'.",
    );
  });

  it('accepts the flow value in other casing', async () => {
    const text = channelText({ ...CC, OAuth2Flow: 'client-credentials' });
    const config = await configFromText(text, 'send', new Redactor());

    assert.equal(config.flow, 'Client-Credentials');
  });

  it('never reads a wrongly cased OAuth2Flow', async () => {
    const text = channelText({
      ...CC,
      OAuth2Flow: undefined,
      oauth2Flow: 'Client-Credentials',
      'SessionPooling.Active': undefined,
      'sessionPooling.active': 'X',
    });
    const error = await rejectionOf(configFromText(text, 'token', new Redactor()));

    assert.equal(error.code, 'CONFIG_MISSING_PARAMETERS');
    assert.match(error.message, /^OAuth2Flow=Username-Password requires/);
    assert.match(error.message, /SforceUsername, pwdSforceLoginPassword$/);
  });

  it('blocks a URL with a leading line break', async () => {
    const text = channelText({
      ...CC,
      AuthorizationServerURL: `\nhttps://${CC_HOST}/services/oauth2/token`,
    });
    const error = await rejectionOf(configFromText(text, 'token', new Redactor()));

    assert.equal(error.code, 'CONFIG_ERROR_FINDINGS');
    assert.match(error.message, /AuthorizationServerURL|URL/);
  });

  it('lets token run with send-only errors', async () => {
    const text = channelText({ ...CC, BulkPackageSize: 'five' });

    const config = await configFromText(text, 'token', new Redactor());
    assert.equal(config.flow, 'Client-Credentials');

    const error = await rejectionOf(configFromText(text, 'send', new Redactor()));
    assert.equal(error.code, 'CONFIG_ERROR_FINDINGS');
  });

  it('accepts comments and trailing commas', async () => {
    const text = [
      '{',
      '  // production channel',
      '  "parameters": {',
      '    "OAuth2Flow": "Client-Credentials",',
      '    "ConsumerKey": "CK-JSONC",',
      '    "ConsumerSecret": "SECRET-JSONC",',
      `    "AuthorizationServerURL": "https://${CC_HOST}/services/oauth2/token",`,
      '  }',
      '}',
    ].join('\n');
    const config = await configFromText(text, 'token', new Redactor());

    assert.equal(config.consumerKey, 'CK-JSONC');
  });

  it('refuses a file with a syntax error', async () => {
    const text = [
      '{',
      '  "parameters": {',
      '    "OAuth2Flow": "Client-Credentials",',
      '    "ConsumerKey": "CK-JSONC"',
      '    "ConsumerSecret": "SECRET-JSONC",',
      `    "AuthorizationServerURL": "https://${CC_HOST}/services/oauth2/token"`,
      '  }',
      '}',
    ].join('\n');
    const analysis = analyzeText(text);
    const error = await rejectionOf(
      loadRunConfig(analysis, 'token', {
        resolver: createCliSecretResolver({ env: {}, prompt: undefined }),
        redactor: new Redactor(),
      }),
    );

    assert.equal(analysis.parsed, false);
    assert.equal(error.code, 'CONFIG_INVALID_FILE');
  });

  it('reads UTF-8 with a byte order mark', async () => {
    const text = channelText(CC);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const config = await configFromBytes(bytes, 'send', new Redactor());

    assert.equal(config.flow, 'Client-Credentials');
    assert.equal(config.consumerKey, 'CK-CFG');
  });

  it('refuses UTF-16 instead of using defaults', async () => {
    const text = channelText(CC);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const error = await rejectionOf(configFromBytes(bytes, 'token', new Redactor()));

    assert.equal(error.code, 'CONFIG_INVALID_FILE');
    assert.match(error.message, /UTF-8/);
  });

  it('resolves secret references and registers them', async () => {
    const text = channelText({
      ...CC,
      ConsumerSecret: '${env:CFG_SECRET}',
      ConsumerKey: '${secret:CFG_KEY}',
    });
    const redactor = new Redactor();
    const resolver = createCliSecretResolver({
      env: { CFG_SECRET: 'resolved-secret-value', CFG_KEY: 'resolved-key-value' },
      prompt: undefined,
    });
    const config = await configFromText(text, 'token', redactor, resolver);

    assert.equal(config.consumerSecret, 'resolved-secret-value');
    assert.equal(config.consumerKey, 'resolved-key-value');
    assert.equal(redactor.redact('x resolved-secret-value y'), 'x ******** y');
  });

  it('fails on a secret without a terminal', async () => {
    const text = channelText({ ...CC, ConsumerSecret: '${secret:CFG_MISSING}' });
    const error = await rejectionOf(configFromText(text, 'token', new Redactor()));

    assert.equal(error.code, 'SECRET_NO_TERMINAL');
    assert.match(error.message, /CFG_MISSING/);
  });

  it('asks the prompt for a secret reference', async () => {
    const asked: string[] = [];
    const resolver = createCliSecretResolver({
      env: {},
      prompt: async (question) => {
        asked.push(question);
        return 'typed-secret';
      },
    });
    const text = channelText({ ...CC, ConsumerSecret: '${secret:CFG_TYPED}' });
    const config = await configFromText(text, 'token', new Redactor(), resolver);

    assert.equal(config.consumerSecret, 'typed-secret');
    assert.deepEqual(asked, ['CFG_TYPED (for ConsumerSecret): ']);
  });

  it('fails on an unset environment reference', async () => {
    const seen: SecretReference[] = [];
    const resolver = createCliSecretResolver({ env: {}, prompt: undefined });
    const text = channelText({ ...CC, ConsumerSecret: '${env:CFG_UNSET}' });
    const error = await rejectionOf(
      configFromText(text, 'token', new Redactor(), {
        resolve: (reference, signal) => {
          seen.push(reference);
          return resolver.resolve(reference, signal);
        },
      }),
    );

    assert.equal(error.code, 'SECRET_NOT_FOUND');
    assert.deepEqual(seen, [{ kind: 'env', name: 'CFG_UNSET', parameter: 'ConsumerSecret' }]);
  });

  it('registers literal secrets, ignored ones included', async () => {
    const redactor = new Redactor();
    const text = channelText({
      ...CC,
      pwdSforceLoginPassword: 'ignored-password',
      pwdExtra: 'extra-password',
    });
    const config = await configFromText(text, 'token', redactor);

    assert.deepEqual(config.ignoredParameters, ['pwdSforceLoginPassword']);
    assert.equal(config.password, undefined);
    assert.equal(
      redactor.redact('ignored-password extra-password SECRET-CFG'),
      '******** ******** ********',
    );
  });
});
