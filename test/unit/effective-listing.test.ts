import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../src/engine/analyze';
import { formatEffectiveListing } from '../../src/engine/effective-listing';
import { MASK } from '../../src/engine/redact';
import { analyzeWith } from './rules/helpers';

test('literal secrets are masked', () => {
  const analysis = analyzeWith({
    ConsumerSecret: 'literal-consumer-secret',
    pwdExtra: 'another-literal-secret',
  });

  const listing = formatEffectiveListing('a.skyvva.json', analysis);

  assert.ok(!listing.includes('literal-consumer-secret'));
  assert.ok(!listing.includes('another-literal-secret'));
  assert.match(listing, new RegExp(`^ConsumerSecret: ${MASK.replace(/\*/g, '\\*')}$`, 'm'));
});

test('secret references are shown', () => {
  const listing = formatEffectiveListing('a.skyvva.json', analyzeWith({}));

  assert.match(listing, /^ConsumerSecret: \$\{env:SKYVVA_SECRET\}$/m);
});

test('defaults, legacy and ignored names are noted', () => {
  const analysis = analyzeWith({
    OAuth2Flow: undefined,
    ConsumerKey: undefined,
    ConsumeKey: 'CK-LEGACY',
  });

  const listing = formatEffectiveListing('a.skyvva.json', analysis);

  assert.match(listing, /^# Flow: Username-Password$/m);
  assert.match(listing, /^OAuth2Flow: Username-Password {4}\(default\)$/m);
  assert.match(listing, /^ConsumerKey: CK-LEGACY {4}\(read from the legacy name ConsumeKey\)$/m);
  assert.match(listing, /^# Not set: .*SforceUsername/m);
});

test('ignored parameter is noted', () => {
  const listing = formatEffectiveListing(
    'a.skyvva.json',
    analyzeWith({ SforceUsername: 'someone@example.invalid' }),
  );

  assert.match(listing, /^SforceUsername: someone@example\.invalid {4}\(ignored by this flow\)$/m);
});

test('URL query string is masked', () => {
  const listing = formatEffectiveListing(
    'a.skyvva.json',
    analyzeWith({ AuthorizationServerURL: 'https://acme.my.salesforce.com/t?client_secret=abc' }),
  );

  assert.ok(!listing.includes('client_secret=abc'));
  assert.ok(listing.includes(MASK));
});

test('unparsed file lists nothing', () => {
  const listing = formatEffectiveListing('a.skyvva.json', analyzeText('{ "parameters": '));

  assert.match(listing, /fix them first/);
  assert.doesNotMatch(listing, /^OAuth2Flow:/m);
});
