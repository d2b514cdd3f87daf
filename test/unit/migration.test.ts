import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../src/engine/analyze';
import { planMigration } from '../../src/engine/migration';
import { applyEdits } from '../../src/engine/text-edits';

const HALF_MIGRATED = readFileSync(
  join(__dirname, '..', '..', '..', 'examples', 'half-migrated.skyvva.json'),
  'utf8',
);

function parameters(text: string): Record<string, unknown> {
  const withoutComments = text.replace(/^\s*\/\/.*$/gm, '');
  return (JSON.parse(withoutComments) as { parameters: Record<string, unknown> }).parameters;
}

function usernamePassword(changes: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    OAuth2Flow: 'Username-Password',
    AuthorizationServerURL: 'https://acme.my.salesforce.com/services/Soap/u/59.0',
    ConsumerKey: 'CK',
    ConsumerSecret: '${env:SECRET}',
    SforceUsername: 'someone@example.invalid',
    pwdSforceLoginPassword: '${env:PASSWORD}',
    Integration: 'I',
    Inteface: 'F',
    Operation: 'integrate',
    'SessionPooling.Active': 'X',
    SessionGlobalFilePath: '/usr/sap/TST/SYS/global',
  };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete base[name];
    } else {
      base[name] = value;
    }
  }
  return JSON.stringify({ parameters: base }, null, 2);
}

test('half-migrated example has no errors left', () => {
  const plan = planMigration(HALF_MIGRATED, { removeIgnored: true });

  assert.deepEqual(plan.remainingErrors, []);
  const errors = analyzeText(plan.text).findings.filter((f) => f.severity === 'error');
  assert.deepEqual(errors, []);
  const migrated = parameters(plan.text);
  assert.equal(migrated.OAuth2Flow, 'Client-Credentials');
  assert.equal(
    migrated.AuthorizationServerURL,
    'https://login.salesforce.com/services/oauth2/token',
  );
  assert.equal(migrated.ConsumerKey, '3MVG9DEMO.ACME.CONNECTED.APP.KEY');
  assert.equal('ConsumeKey' in migrated, false);
  assert.equal('SforceUsername' in migrated, false);
  assert.equal('pwdSforceLoginPassword' in migrated, false);
});

test('half-migrated example reports its steps', () => {
  const plan = planMigration(HALF_MIGRATED, { removeIgnored: true });

  assert.deepEqual(
    plan.steps.map((step) => step.kind),
    ['legacy-key-renamed', 'flow-changed', 'url-changed', 'ignored-removed', 'safe-fixes-applied'],
  );
  assert.deepEqual(plan.tasks, [
    { kind: 'new-credentials' },
    { kind: 'my-domain-host', host: 'login.salesforce.com' },
  ]);
});

test('single edit reproduces the migrated text', () => {
  const plan = planMigration(HALF_MIGRATED, { removeIgnored: false });

  assert.ok(plan.edit);
  assert.equal(applyEdits(HALF_MIGRATED, [plan.edit]), plan.text);
  assert.deepEqual(
    plan.tasks.find((task) => task.kind === 'ignored-kept'),
    { kind: 'ignored-kept', names: ['SforceUsername', 'pwdSforceLoginPassword'] },
  );
});

test('absent flow is added first', () => {
  const plan = planMigration(usernamePassword({ OAuth2Flow: undefined }), {
    removeIgnored: false,
  });

  assert.deepEqual(Object.keys(parameters(plan.text))[0], 'OAuth2Flow');
  assert.equal(parameters(plan.text).OAuth2Flow, 'Client-Credentials');
  assert.match(plan.text, /^ {4}"OAuth2Flow": "Client-Credentials",$/m);
  assert.equal(plan.steps[0]?.kind, 'flow-added');
});

test('tab indentation is kept', () => {
  const text = '{\n\t"parameters": {\n\t\t"Integration": "I"\n\t}\n}\n';

  const plan = planMigration(text, { removeIgnored: false });

  assert.equal(
    plan.text,
    '{\n\t"parameters": {\n\t\t"OAuth2Flow": "Client-Credentials",\n\t\t"Integration": "I"\n\t}\n}\n',
  );
  assert.ok(plan.tasks.some((task) => task.kind === 'url-missing'));
});

test('legacy key goes when ConsumerKey is set', () => {
  const plan = planMigration(usernamePassword({ ConsumeKey: 'OLD' }), { removeIgnored: false });

  assert.equal('ConsumeKey' in parameters(plan.text), false);
  assert.equal(parameters(plan.text).ConsumerKey, 'CK');
  assert.ok(plan.steps.some((step) => step.kind === 'legacy-key-removed'));
});

test('wrong-case flow name is renamed, not duplicated', () => {
  const text = usernamePassword({ OAuth2Flow: undefined, oauth2flow: 'Username-Password' });

  const plan = planMigration(text, { removeIgnored: false });

  const names = Object.keys(parameters(plan.text));
  assert.equal(names.filter((name) => name.toLowerCase() === 'oauth2flow').length, 1);
  assert.equal(parameters(plan.text).OAuth2Flow, 'Client-Credentials');
});

test('http to a remote host becomes https', () => {
  const text = usernamePassword({ AuthorizationServerURL: 'http://acme.my.salesforce.com/x?a=1' });

  const plan = planMigration(text, { removeIgnored: true });

  assert.equal(
    parameters(plan.text).AuthorizationServerURL,
    'https://acme.my.salesforce.com/services/oauth2/token',
  );
});

test('loopback URL keeps plain http', () => {
  const text = usernamePassword({
    AuthorizationServerURL: 'http://127.0.0.1:8443/services/Soap/u/1',
  });

  const plan = planMigration(text, { removeIgnored: true });

  assert.equal(
    parameters(plan.text).AuthorizationServerURL,
    'http://127.0.0.1:8443/services/oauth2/token',
  );
  assert.equal(
    plan.tasks.some((task) => task.kind === 'my-domain-host'),
    false,
  );
});

test('value that is no URL is left alone', () => {
  const text = usernamePassword({ AuthorizationServerURL: 'acme token endpoint' });

  const plan = planMigration(text, { removeIgnored: true });

  assert.equal(parameters(plan.text).AuthorizationServerURL, 'acme token endpoint');
  assert.ok(plan.tasks.some((task) => task.kind === 'url-not-changed'));
});

test('duplicate ignored parameters all go', () => {
  const text = usernamePassword().replace(
    '"SforceUsername": "someone@example.invalid",',
    '"SforceUsername": "a@example.invalid",\n    "SforceUsername": "b@example.invalid",',
  );

  const plan = planMigration(text, { removeIgnored: true });

  assert.doesNotMatch(plan.text, /SforceUsername/);
  assert.deepEqual(plan.remainingErrors, []);
});

test('migrated file needs no edit', () => {
  const once = planMigration(usernamePassword(), { removeIgnored: true });

  const twice = planMigration(once.text, { removeIgnored: true });

  assert.equal(twice.edit, undefined);
  assert.deepEqual(twice.steps, []);
  assert.deepEqual(twice.tasks, [{ kind: 'new-credentials' }]);
});

test('syntax error stops the migration', () => {
  const text = '{ "parameters": { "OAuth2Flow": "Username-Password", } ';

  const plan = planMigration(text, { removeIgnored: true });

  assert.equal(plan.isParsed, false);
  assert.equal(plan.edit, undefined);
  assert.equal(plan.text, text);
});
